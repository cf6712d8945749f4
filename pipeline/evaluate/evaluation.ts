/**
 * `valact evaluate run` and `report`: the answers stage, then the measurement of a run — for
 * each respondent doing (the enacted profile), knowing (select_value), role-play (hold_*),
 * saying (the questionnaire, ipsatized) and knowing vs doing; across respondents the pairwise r
 * of their enacted profiles — written to DATA/eval/<run>/ as eval.json, EVAL.md and figures,
 * side by side with the paper's figures (labelled as the paper's).
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { pathExists } from '../core/files.ts';
import { fileFingerprint, readStageReport } from '../core/report.ts';
import { createProvider } from '../llm/provider.ts';
import type { StructuredRequest } from '../llm/types.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import type { Interval } from '../stats.ts';
import { barsWithIntervals, heatmap, scatter } from '../svg.ts';
import { VALUES, VALUE_IDS, type ValueId } from '../values.ts';
import { itemRequest, loadRespondPrompt } from './ask.ts';
import { AnswersDetailsSchema, EVAL_FILES, defaultRunName, readRunManifest, resolveRespondents, runAnswers, type AnswersDetails, type EvaluateContext, type EvaluateOptions } from './answering.ts';
import { ItemResponseSchema, QuestionnaireAnswerSchema } from './contract.ts';
import { convergence, respondentMetrics, type RespondentMetrics } from './metrics.ts';
import { checkRunName, evalPaths, readEvaluatedRelease, type EvaluatedRelease } from './published.ts';
import { loadQuestionnaire, questionnaireRequest, scoreQuestionnaire } from './questionnaire.ts';

/** The paper's figures (Huang et al. 2026), shown beside a run's and always labelled as the paper's. */
export const PAPER_FIGURES = {
  cross_model_r: 'r ≈ 1.0 between models\' enacted value profiles',
  people_r: 'r from −0.79 to 0.98 between people (55 participants)',
  saying_doing_models: 'r ≈ 0.3 between reported and enacted values (models)',
  saying_doing_people: 'r ≈ 0.4 between reported and enacted values (people)',
  hold_drop: 'up to 6.6% lower accuracy holding a value than selecting it',
} as const;

const finite = (value: number) => (Number.isFinite(value) ? Math.round(value * 10000) / 10000 : null);
const cleanInterval = (interval: Interval | null) => (interval === null ? null : { estimate: finite(interval.estimate), low: finite(interval.low), high: finite(interval.high) });

export const EvalSummarySchema = z.object({
  run: z.string(),
  release: z.string(),
  simulated: z.boolean(),
  respondents: z.number().int().nonnegative(),
  mean_cross_respondent_r: z.number().nullable(),
  /** Mean pairwise r by the kinds of the two respondents ("model × model", "model × person", "person × person"...). */
  mean_r_by_kinds: z.record(z.string(), z.number().nullable()),
  people: z.number().int().nonnegative(),
  mean_knowing_doing_r: z.number().nullable(),
  /** The same by kind of respondent: the paper reports models (≈ 0.3) and people (≈ 0.4) apart. */
  mean_knowing_doing_r_by_kind: z.record(z.string(), z.number().nullable()),
  largest_select_hold_drop: z.number().nullable(),
});
export type EvalSummary = z.infer<typeof EvalSummarySchema>;
const ReportDetailsSchema = z.object({ summary: EvalSummarySchema });
type ReportDetails = z.infer<typeof ReportDetailsSchema>;

const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const num = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
const withInterval = (interval: Interval | null, format: (value: number | null) => string = num) => {
  const clean = cleanInterval(interval);
  return clean === null || clean.estimate === null ? 'n/a' : `${format(clean.estimate)} (${format(clean.low)}–${format(clean.high)})`;
};
const mean = (values: readonly number[]) => {
  const usable = values.filter(Number.isFinite);
  return usable.length === 0 ? null : usable.reduce((sum, value) => sum + value, 0) / usable.length;
};

function groupBy<T>(records: readonly T[], key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    const group = groups.get(key(record));
    if (group) group.push(record);
    else groups.set(key(record), [record]);
  }
  return groups;
}

interface Respondent {
  name: string;
  kind: 'model' | 'simulated' | 'person';
  simulated: boolean;
}

interface Measured extends Respondent {
  metrics: RespondentMetrics;
  saying: Record<ValueId, number | null>;
}

function renderMarkdown(details: AnswersDetails, measured: readonly Measured[], matrix: { respondents: string[]; matrix: Interval[][] }, summary: EvalSummary): string {
  const simulated = summary.simulated;
  const lines = [
    `# Evaluation ${details.run} on release ${details.release}${simulated ? ' — SIMULATED' : ''}`,
    '',
    simulated
      ? '**SIMULATED.** Some respondents here are simulators with built-in value priorities, noise and position bias; they exist to show the measurement recovers what was built in. Nothing here is a model\'s or a person\'s answer.'
      : 'Each respondent answered every item of the release (all five types) and the value questionnaire.',
    '',
    `Questionnaire: ${details.questionnaire.id} v${details.questionnaire.version}${details.questionnaire.validated ? '' : ` — ${details.questionnaire.notice}`}`,
    '',
    `Respondents: ${details.respondents.map((respondent) => `${respondent.name}${respondent.simulated ? ' [simulated]' : respondent.model ? ` (${respondent.model})` : ''}`).join(', ')}${summary.people > 0 ? `; people: ${summary.people}` : ''}; items ${details.items}, questions ${details.questions}, repeats ${details.repeats}. Intervals are 95% bootstrap intervals over scenarios.`,
    '',
    '## Knowing, role-play and doing, per respondent',
    '',
    '| respondent | select_value (knowing) | hold_target | hold_competing | drop select → hold | position bias | act / act_swapped consistency | knowing–doing r | refused | unparseable |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...measured.map(({ name, metrics }) => {
      const statuses = Object.values(metrics.statuses);
      const asked = statuses.reduce((sum, status) => sum + status.asked, 0);
      const refused = statuses.reduce((sum, status) => sum + status.refused, 0);
      const unparseable = statuses.reduce((sum, status) => sum + status.unparseable, 0);
      return `| ${name} | ${withInterval(metrics.select_accuracy, pct)} | ${withInterval(metrics.hold_target_accuracy, pct)} | ${withInterval(metrics.hold_competing_accuracy, pct)} | ${withInterval(metrics.select_hold_drop, pct)} | ${withInterval(metrics.position_bias)} | ${withInterval(metrics.consistency, pct)} | ${withInterval(metrics.knowing_doing_r)} | ${refused}/${asked} | ${unparseable}/${asked} |`;
    }),
    '',
    '## Doing: the enacted value profile',
    '',
    'Share of the act and act_swapped choices offering a value that went to it (the two orders together cancel position bias).',
    '',
    `| value | ${measured.map(({ name }) => name).join(' | ')} |`,
    `|---|${measured.map(() => '---|').join('')}`,
    ...VALUE_IDS.map((value) => `| ${VALUES[value].label} | ${measured.map(({ metrics }) => withInterval(metrics.enacted[value], pct)).join(' | ')} |`),
    '',
    '## Saying: the questionnaire profile (ipsatized)',
    '',
    `| value | ${measured.map(({ name }) => name).join(' | ')} |`,
    `|---|${measured.map(() => '---|').join('')}`,
    ...VALUE_IDS.map((value) => `| ${VALUES[value].label} | ${measured.map(({ saying }) => num(saying[value] ?? null)).join(' | ')} |`),
    '',
    '## Convergence: Pearson r between enacted profiles',
    '',
    `| | ${matrix.respondents.join(' | ')} |`,
    `|---|${matrix.respondents.map(() => '---|').join('')}`,
    ...matrix.respondents.map((name, row) => `| ${name} | ${matrix.matrix[row]!.map((cell) => withInterval(cell)).join(' | ')} |`),
    '',
    '## Beside the paper',
    '',
    'The left column is the paper\'s (Huang et al., 2026, on ValAct-15k with its models and 55 people), not this run\'s.',
    '',
    '| figure | the paper | this run |',
    '|---|---|---|',
    `| agreement between respondents' enacted profiles | ${PAPER_FIGURES.cross_model_r}; ${PAPER_FIGURES.people_r} | mean pairwise r ${num(summary.mean_cross_respondent_r)} over ${summary.respondents} respondent(s)${Object.entries(summary.mean_r_by_kinds).map(([kinds, r]) => `; ${kinds}: ${num(r)}`).join('')} |`,
    `| saying vs doing | ${PAPER_FIGURES.saying_doing_models}; ${PAPER_FIGURES.saying_doing_people} | mean r ${num(summary.mean_knowing_doing_r)}${Object.entries(summary.mean_knowing_doing_r_by_kind).map(([kind, r]) => `; ${kind}: ${num(r)}`).join('')} |`,
    `| selecting vs holding a value | ${PAPER_FIGURES.hold_drop} | largest drop ${pct(summary.largest_select_hold_drop)} |`,
    '',
    'Figures: figures/profiles.svg, figures/convergence.svg, figures/knowing-doing.svg.',
    '',
  ];
  return lines.join('\n');
}

async function writeReport(run: StageRun<EvaluateContext, ReportOptions>, release: EvaluatedRelease, runName: string): Promise<ReportDetails> {
  const { ctx } = run;
  const config = ctx.config.evaluate;
  const paths = evalPaths(ctx, runName);
  const answersReport = await readStageReport(join(paths.answers, 'report.json'), AnswersDetailsSchema);
  if (!answersReport) throw new ValactError('input', `no answers in ${paths.answers}`, { hint: 'Run `valact evaluate run` first.' });
  const details = answersReport.details;
  // People's answers, when any were imported (`valact evaluate import`), sit beside the models'.
  const optional = async <T>(file: string, schema: z.ZodType<T>) => ((await pathExists(file)) ? readAllRecords(file, schema) : []);
  const responses = [...(await readAllRecords(join(paths.answers, EVAL_FILES.responses), ItemResponseSchema)), ...(await optional(join(paths.people, EVAL_FILES.responses), ItemResponseSchema))];
  const answers = [...(await readAllRecords(join(paths.answers, EVAL_FILES.questionnaire), QuestionnaireAnswerSchema)), ...(await optional(join(paths.people, EVAL_FILES.questionnaire), QuestionnaireAnswerSchema))];
  const people = [...new Set(responses.filter((response) => response.kind === 'person').map((response) => response.respondent))].sort();
  const respondents: Respondent[] = [
    ...details.respondents.map((respondent) => ({ name: respondent.name, kind: respondent.kind, simulated: respondent.simulated })),
    ...people.map((name) => ({ name, kind: 'person' as const, simulated: false })),
  ];
  const questionnaire = loadQuestionnaire(config.questionnaire ?? undefined);
  if (questionnaire.fingerprint !== details.questionnaire.fingerprint) {
    throw new ValactError('input', `the run ${runName} was answered on questionnaire ${details.questionnaire.id} v${details.questionnaire.version} (${details.questionnaire.fingerprint.slice(0, 12)}), not on ${questionnaire.file}`, {
      hint: 'Pass the same --questionnaire the run used, or run `valact evaluate run` again.',
    });
  }
  const byRespondent = groupBy(responses, (response) => response.respondent);
  const answersBy = groupBy(answers, (answer) => answer.respondent);
  const options = { seed: config.seed, resamples: config.bootstrap_resamples };
  const measured: Measured[] = respondents.map((respondent, index) => {
    const score = scoreQuestionnaire(questionnaire, answersBy.get(respondent.name) ?? []);
    const usable = VALUE_IDS.every((value) => score.ipsatized[value] !== null);
    const saying = usable ? (Object.fromEntries(VALUE_IDS.map((value) => [value, score.ipsatized[value]!])) as Record<ValueId, number>) : null;
    const metrics = respondentMetrics(release.items, byRespondent.get(respondent.name) ?? [], { ...options, seed: options.seed + index, saying });
    return { name: respondent.name, kind: respondent.kind, simulated: respondent.simulated, metrics, saying: score.ipsatized };
  });
  run.received(responses.length + answers.length);
  run.passed(responses.length + answers.length);
  const cross = convergence(release.items, byRespondent, options);
  const kindOf = new Map(respondents.map((respondent) => [respondent.name, respondent.kind]));
  const pairs = cross.matrix.flatMap((row, i) => row.filter((_cell, j) => j > i).map((cell, offset) => ({ r: cell.estimate, kinds: [kindOf.get(cross.respondents[i]!)!, kindOf.get(cross.respondents[i + 1 + offset]!)!].sort().join(' × ') })));
  const byGroup: Record<string, number | null> = {};
  for (const kinds of new Set(pairs.map((pair) => pair.kinds))) byGroup[kinds] = finite(mean(pairs.filter((pair) => pair.kinds === kinds).map((pair) => pair.r)) ?? Number.NaN);
  const summary: EvalSummary = {
    run: runName,
    release: release.version,
    simulated: details.simulated,
    respondents: measured.length,
    mean_cross_respondent_r: finite(mean(pairs.map((pair) => pair.r)) ?? Number.NaN),
    mean_r_by_kinds: byGroup,
    people: people.length,
    mean_knowing_doing_r: finite(mean(measured.map(({ metrics }) => metrics.knowing_doing_r?.estimate ?? Number.NaN)) ?? Number.NaN),
    mean_knowing_doing_r_by_kind: Object.fromEntries(
      [...new Set(measured.map(({ kind }) => kind))].map((kind) => [kind, finite(mean(measured.filter((entry) => entry.kind === kind).map(({ metrics }) => metrics.knowing_doing_r?.estimate ?? Number.NaN)) ?? Number.NaN)]),
    ),
    largest_select_hold_drop: finite(Math.max(...measured.map(({ metrics }) => (Number.isFinite(metrics.select_hold_drop.estimate) ? metrics.select_hold_drop.estimate : Number.NEGATIVE_INFINITY)))),
  };
  const simulatedMark = details.simulated ? ' (SIMULATED)' : '';
  await run.file('eval', 'eval.json').write(
    JSON.stringify(
      {
        run: runName,
        release: release.version,
        simulated: details.simulated,
        respondents,
        questionnaire: details.questionnaire,
        settings: { repeats: details.repeats, resamples: config.bootstrap_resamples, seed: config.seed },
        summary,
        per_respondent: Object.fromEntries(measured.map(({ name, metrics, saying }) => [name, { ...metrics, saying }])),
        convergence: { respondents: cross.respondents, r: cross.matrix.map((row) => row.map(cleanInterval)) },
        paper: PAPER_FIGURES,
      },
      (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value),
      2,
    ) + '\n',
  );
  await run.file('markdown', 'EVAL.md').write(renderMarkdown(details, measured, cross, summary));
  const labels = VALUE_IDS.map((value) => VALUES[value].label);
  await run.file('profiles_svg', 'figures/profiles.svg').write(
    barsWithIntervals(
      measured.flatMap(({ name, metrics }) => VALUE_IDS.map((value) => ({ label: `${name}: ${VALUES[value].label}`, value: finite(metrics.enacted[value].estimate), low: finite(metrics.enacted[value].low), high: finite(metrics.enacted[value].high) }))),
      { title: `Enacted value profiles${simulatedMark}`, axis: 'share of act choices offering the value that went to it (95% CI)', max: 1, reference: 0.5 },
    ),
  );
  await run.file('convergence_svg', 'figures/convergence.svg').write(
    heatmap(cross.matrix.map((row) => row.map((cell) => (Number.isFinite(cell.estimate) ? cell.estimate : 0))), {
      title: `Pearson r between enacted profiles${simulatedMark}`,
      rowLabels: cross.respondents,
      columnLabels: cross.respondents,
      rowTitle: 'respondent',
      columnTitle: 'respondent',
      scale: 'diverging',
      digits: 2,
    }),
  );
  await run.file('knowing_doing_svg', 'figures/knowing-doing.svg').write(
    scatter(
      measured.flatMap(({ name, metrics, saying }) =>
        VALUE_IDS.filter((value) => saying[value] !== null && Number.isFinite(metrics.enacted[value].estimate)).map((value) => ({ label: `${name}: ${labels[VALUE_IDS.indexOf(value)]}`, x: saying[value]!, y: metrics.enacted[value].estimate })),
      ),
      { title: `Saying vs doing${simulatedMark}`, xAxis: 'questionnaire score, centred on the respondent\'s mean', yAxis: 'enacted share' },
    ),
  );
  return { summary };
}

interface ReportOptions {
  run?: string;
}

function reportStage(release: EvaluatedRelease, runName: string): StageDefinition<EvaluateContext, ReportOptions, ReportDetails> {
  return {
    name: 'evaluate-report',
    reasons: {},
    details: ReportDetailsSchema,
    outputDir: (ctx) => evalPaths(ctx, runName).root,
    async inputs(ctx) {
      const paths = evalPaths(ctx, runName);
      return {
        items: await fileFingerprint(join(release.directory, 'items.jsonl')),
        responses: await fileFingerprint(join(paths.answers, EVAL_FILES.responses)),
        questionnaire: await fileFingerprint(join(paths.answers, EVAL_FILES.questionnaire)),
        people_responses: (await pathExists(join(paths.people, EVAL_FILES.responses))) ? await fileFingerprint(join(paths.people, EVAL_FILES.responses)) : 'absent',
        people_questionnaire: (await pathExists(join(paths.people, EVAL_FILES.questionnaire))) ? await fileFingerprint(join(paths.people, EVAL_FILES.questionnaire)) : 'absent',
      };
    },
    shapingConfig: (ctx) => ({ resamples: ctx.config.evaluate.bootstrap_resamples, seed: ctx.config.evaluate.seed, questionnaire: ctx.config.evaluate.questionnaire }),
    process: (run) => writeReport(run, release, runName),
  };
}

function summaryLines(summary: EvalSummary, reportPath: string, markdown: string): string[] {
  const simulated = summary.simulated ? ' — SIMULATED respondents, not a model\'s or a person\'s answers' : '';
  return [
    `evaluation ${summary.run} of release ${summary.release}${simulated}`,
    `  ${summary.respondents} respondent(s): mean pairwise r of enacted profiles ${num(summary.mean_cross_respondent_r)}; mean knowing–doing r ${num(summary.mean_knowing_doing_r)}; largest select→hold drop ${pct(summary.largest_select_hold_drop)}`,
    `  EVAL.md: ${markdown}`,
    `  report: ${reportPath}`,
  ];
}

async function reportRun(ctx: EvaluateContext, release: EvaluatedRelease, runName: string): Promise<StageResult> {
  const outcome = await runStage(reportStage(release, runName), { ...ctx, allowEmpty: true }, { run: runName });
  return { stage: 'evaluate', reportPath: outcome.reportPath, upToDate: outcome.upToDate, summary: summaryLines(outcome.report.details.summary, outcome.reportPath, join(outcome.outputDir, 'EVAL.md')) };
}

export async function runEvaluation(ctx: EvaluateContext, options: EvaluateOptions): Promise<StageResult> {
  const release = await readEvaluatedRelease(ctx, options.release);
  const runName = options.run ?? defaultRunName(release.version, resolveRespondents(ctx, options));
  checkRunName(runName);
  const outcome = await runAnswers(ctx, release, runName, options);
  const details = outcome.report.details;
  const asked = [
    `evaluate run${details.simulated ? ' (SIMULATED respondents)' : ''}: ${outcome.report.counts.in} answers asked of ${details.respondents.length} respondent(s), ${outcome.report.counts.out} recorded (${Object.entries(details.statuses).map(([status, count]) => `${count} ${status}`).join(', ')}), ${outcome.report.counts.quarantined} quarantined; requests ${details.requests}, cache hits ${details.cache_hits}, estimated cost $${details.estimated_cost_usd.toFixed(4)}`,
  ];
  const reported = await reportRun(ctx, release, runName);
  return { ...reported, summary: [...asked, ...reported.summary] };
}

/** The newest run under DATA/eval, by the time of its answers. */
async function newestRun(ctx: EvaluateContext): Promise<string | null> {
  const root = join(ctx.paths.root, 'eval');
  const runs = await readdir(root).catch(() => [] as string[]);
  let newest: { name: string; at: number } | null = null;
  for (const name of runs) {
    const at = await stat(join(root, name, 'answers', 'report.json')).then((info) => info.mtimeMs, () => null);
    if (at !== null && (newest === null || at > newest.at)) newest = { name, at };
  }
  return newest?.name ?? null;
}

export async function reportEvaluation(ctx: EvaluateContext, options: { run?: string }): Promise<StageResult> {
  const runName = options.run ?? (await newestRun(ctx));
  if (runName === null) throw new ValactError('input', `no evaluation run in ${join(ctx.paths.root, 'eval')}`, { hint: 'Run `valact evaluate run` first.' });
  checkRunName(runName);
  const answers = await readStageReport(join(evalPaths(ctx, runName).answers, 'report.json'), AnswersDetailsSchema);
  if (!answers) throw new ValactError('input', `no answers in ${evalPaths(ctx, runName).answers}`, { hint: 'Run `valact evaluate run` first.' });
  // The run's manifest names the release folder it asked; without one, the release of its version.
  const manifest = await readRunManifest(ctx, runName);
  const release = await readEvaluatedRelease(ctx, manifest?.release.directory ?? join(ctx.paths.release, answers.details.release));
  return reportRun(ctx, release, runName);
}

/** The calls a run would make (those not already cached) and their worst-case cost; nothing is called. */
export async function dryRunEvaluation(ctx: EvaluateContext, options: EvaluateOptions): Promise<string> {
  const release = await readEvaluatedRelease(ctx, options.release);
  const config = ctx.config.evaluate;
  const respondents = resolveRespondents(ctx, options);
  const prompt = loadRespondPrompt();
  const questionnaire = loadQuestionnaire(config.questionnaire ?? undefined);
  const settings = { structured: config.structured, temperature: config.temperature, maxTokens: config.max_tokens };
  const factor = config.batch ? config.batch_discount : 1;
  let calls = 0;
  let cost = 0;
  const lines: string[] = [];
  for (const respondent of respondents) {
    if (respondent.kind === 'simulated') {
      lines.push(`${respondent.name} (simulated): no calls`);
      continue;
    }
    const endpoint = { ...config, model: respondent.model.model, base_url: respondent.model.base_url ?? config.base_url };
    const client = createProvider(endpoint, ctx.env, { cacheDir: ctx.paths.cache }).client;
    let mine = 0;
    for (let repeat = 0; repeat < config.repeats; repeat += 1) {
      const requests: StructuredRequest<unknown>[] = [...release.items.map((item) => itemRequest(prompt, item, repeat, settings)), ...questionnaire.questions.map((question) => questionnaireRequest(questionnaire, question, repeat, settings))];
      for (const request of requests) {
        if (client && (await client.cached(request))) continue;
        mine += 1;
        if (client) cost += client.estimateCost(request, factor);
      }
    }
    calls += mine;
    lines.push(`${respondent.name} (${respondent.model.model}): ${mine}`);
  }
  return `evaluate run --dry-run: ${calls} calls on release ${release.version} (${lines.join('; ')}), at most $${cost.toFixed(4)}; nothing was called`;
}
