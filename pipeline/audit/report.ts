/**
 * `valact audit report` (run after every judge and import): the measurement over all judgments
 * of a release, written to DATA/audit/<version>/ — audit.json (every figure), AUDIT.md (tables),
 * figures/*.svg (the confusion heatmap, recall per value with intervals) and flagged.jsonl (the
 * scenarios the judges reject, with every judge's answer), which `valact generate --regenerate`
 * reads. Every scenario leaves the stage passed or flagged.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { pathExists } from '../core/files.ts';
import { readAllRecords } from '../core/jsonl.ts';
import { fileFingerprint, readStageReport } from '../core/report.ts';
import { runStage, type StageDefinition, type StageRun } from '../core/stage.ts';
import { barsWithIntervals, heatmap } from '../svg.ts';
import { VALUES, VALUE_IDS, areNeighbours } from '../values.ts';
import { AUDIT_FILES, AuditSummarySchema, JudgmentSchema, type AuditSummary, type Judgment } from './contract.ts';
import { JudgeDetailsSchema, type AuditContext } from './judging.ts';
import { measure, type CleanInterval, type Measurement } from './measure.ts';
import { auditPaths, readAuditedRelease, type AuditedRelease } from './release.ts';

export const AUDIT_REPORT_REASONS = {
  flagged: { check: 'judges', disposition: 'rejected', description: 'a majority of the judges reject the scenario (both options read as other values, or a straw man)' },
} as const;

export const ReportDetailsSchema = z.object({ summary: AuditSummarySchema });
export type ReportDetails = z.infer<typeof ReportDetailsSchema>;

export interface ReportOptions {
  release?: string;
}

const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);
const num = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const withInterval = (interval: CleanInterval | null, format = num) =>
  interval === null || interval.estimate === null ? 'n/a' : `${format(interval.estimate)} (95% CI ${format(interval.low)}–${format(interval.high)})`;

export function renderAuditMarkdown(release: AuditedRelease, result: Measurement, summary: AuditSummary): string {
  const simulated = summary.simulated ? ' — SIMULATED' : '';
  const lines = [
    `# Label audit of release ${release.version}${simulated}`,
    '',
    summary.simulated
      ? '**SIMULATED.** Some raters here are offline simulators that answer from the labels with seeded errors; they exist to exercise the measurement. These figures say nothing about the labels.'
      : 'Raters read each scenario blind (no labels; option order shuffled by a seed from the scenario id) and named the value each option enacts.',
    '',
    `Scenarios: ${result.scenarios}; judged: ${result.scenarios_judged} by ${result.judges.length} judge(s) (${summary.judges.map((judge) => `${judge.name}${judge.simulated ? ' [simulated]' : ''}`).join(', ') || 'none'}); annotated by people: ${result.scenarios_annotated} (${result.annotators.length} annotator(s)).`,
    '',
    '## Headline figures (95% bootstrap intervals over scenarios)',
    '',
    '| figure | value |',
    '|---|---|',
    `| judges: options read as their labelled value (accuracy) | ${withInterval(result.judge_accuracy, pct)} |`,
    `| judges: Cohen's κ against the labels (ten values) | ${withInterval(result.judge_kappa)} |`,
    `| agreement among judges: Fleiss' κ | ${withInterval(result.judges_fleiss_kappa)} |`,
    `| agreement among judges: Krippendorff's α (nominal) | ${withInterval(result.judges_alpha)} |`,
    `| people: accuracy against the labels | ${withInterval(result.human_accuracy, pct)} |`,
    `| people: Cohen's κ against the labels | ${withInterval(result.human_kappa)} |`,
    `| agreement among people: Fleiss' κ | ${withInterval(result.humans_fleiss_kappa)} |`,
    `| agreement among people: Krippendorff's α (nominal) | ${withInterval(result.humans_alpha)} |`,
    `| judges against people (majority readings): agreement | ${withInterval(result.judges_vs_humans?.agreement ?? null, pct)} |`,
    `| of the judges' confusions, share between neighbours on the circle | ${withInterval(result.confusions.adjacent_share, pct)} (${result.confusions.adjacent} adjacent, ${result.confusions.across} across) |`,
    `| scenarios flagged by the judges | ${result.flagged.length} of ${result.scenarios_judged} |`,
    '',
    '## Per judge',
    '',
    '| judge | options | accuracy | Cohen\'s κ |',
    '|---|---:|---|---|',
    ...Object.entries(result.per_judge).map(([judge, figures]) => `| ${judge} | ${figures.options} | ${withInterval(figures.accuracy, pct)} | ${withInterval(figures.kappa)} |`),
    '',
    ...(result.annotators.length > 0
      ? ['## Per annotator', '', '| annotator | options | accuracy | Cohen\'s κ |', '|---|---:|---|---|', ...Object.entries(result.per_annotator).map(([annotator, figures]) => `| ${annotator} | ${figures.options} | ${pct(figures.accuracy)} | ${num(figures.kappa)} |`), '']
      : []),
    '## Per value (judges)',
    '',
    '| value | options labelled | precision | recall (95% CI) |',
    '|---|---:|---|---|',
    ...VALUE_IDS.map((value) => `| ${VALUES[value].label} | ${result.per_value[value].support} | ${pct(result.per_value[value].precision)} | ${withInterval(result.per_value[value].recall_interval, pct)} |`),
    '',
    '## Confusion matrix (labelled value in rows, judged value in columns)',
    '',
    'Neighbours on Schwartz\'s circle are outlined in figures/confusion.svg: confusing benevolence with universalism is a different failure from confusing benevolence with power.',
    '',
    `| labelled \\ judged | ${VALUE_IDS.map((value) => VALUES[value].label).join(' | ')} |`,
    `|---|${VALUE_IDS.map(() => '---:').join('|')}|`,
    ...VALUE_IDS.map((value, row) => `| ${VALUES[value].label} | ${result.confusion[row]!.join(' | ')} |`),
    '',
    '## Flagged scenarios',
    '',
    result.flagged.length === 0 ? 'None.' : `${result.flagged.length} scenario(s), each with every judge's answer, in flagged.jsonl; \`valact release --exclude-flagged\` leaves them out and \`valact generate --regenerate <flagged.jsonl>\` rewrites them.`,
    '',
  ];
  return lines.join('\n');
}

async function writeReport(run: StageRun<AuditContext, ReportOptions>, release: AuditedRelease): Promise<ReportDetails> {
  const { ctx } = run;
  const paths = auditPaths(ctx, release.version);
  const judgmentsFile = join(paths.judges, AUDIT_FILES.judgments);
  const annotationsFile = join(paths.annotations, AUDIT_FILES.annotations);
  const judgments: Judgment[] = [
    ...((await pathExists(judgmentsFile)) ? await readAllRecords(judgmentsFile, JudgmentSchema) : []),
    ...((await pathExists(annotationsFile)) ? await readAllRecords(annotationsFile, JudgmentSchema) : []),
  ];
  const config = ctx.config.audit;
  const result = measure(release.scenarios, judgments, { resamples: config.bootstrap_resamples, seed: config.seed });
  const judgeReport = await readStageReport(join(paths.judges, 'report.json'), JudgeDetailsSchema);
  const judges = judgeReport?.details.judges ?? [];
  const simulated = judgments.some((judgment) => judgment.simulated) || judges.some((judge) => judge.simulated);
  const summary: AuditSummary = {
    audited_release: release.version,
    scenarios_fingerprint: release.scenariosFingerprint,
    simulated,
    judges,
    annotators: result.annotators.length,
    scenarios_judged: result.scenarios_judged,
    scenarios_annotated: result.scenarios_annotated,
    judge_accuracy: result.judge_accuracy,
    judge_kappa: result.judge_kappa,
    judges_alpha: result.judges_alpha,
    human_accuracy: result.human_accuracy,
    humans_alpha: result.humans_alpha,
    confusions_adjacent_share: result.confusions.adjacent_share.estimate,
    flagged: result.flagged.length,
  };
  const flaggedIds = new Set(result.flagged.map((entry) => entry.scenario_id));
  for (const scenario of release.scenarios) {
    run.received();
    if (flaggedIds.has(scenario.id)) run.drop({ id: scenario.id, reason: 'flagged', evidence: { objections: result.flagged.find((entry) => entry.scenario_id === scenario.id)!.objections } });
    else run.passed();
  }
  const flagged = run.jsonl<unknown>('flagged', AUDIT_FILES.flagged);
  for (const entry of result.flagged) await flagged.write(entry);
  await run.file('audit', AUDIT_FILES.report).write(JSON.stringify({ release: release.version, release_directory_name: release.version, prompt: judgeReport?.details.prompt ?? null, summary, measurement: result }, null, 2) + '\n');
  await run.file('markdown', AUDIT_FILES.markdown).write(renderAuditMarkdown(release, result, summary));
  const labels = VALUE_IDS.map((value) => VALUES[value].label);
  await run.file('confusion_svg', 'figures/confusion.svg').write(
    heatmap(result.confusion, {
      title: `Labelled vs judged value${simulated ? ' (SIMULATED judges)' : ''}`,
      rowLabels: labels,
      columnLabels: labels,
      rowTitle: 'labelled value',
      columnTitle: 'value named by the judges',
      outline: (row, column) => areNeighbours(VALUE_IDS[row]!, VALUE_IDS[column]!),
    }),
  );
  await run.file('agreement_svg', 'figures/agreement-by-value.svg').write(
    barsWithIntervals(
      VALUE_IDS.map((value) => ({ label: VALUES[value].label, value: result.per_value[value].recall_interval.estimate, low: result.per_value[value].recall_interval.low, high: result.per_value[value].recall_interval.high })),
      { title: `Options read as their labelled value, per value${simulated ? ' (SIMULATED)' : ''}`, axis: 'share of options (judges), with 95% bootstrap interval' },
    ),
  );
  return { summary };
}

export function reportStage(release: AuditedRelease): StageDefinition<AuditContext, ReportOptions, ReportDetails> {
  return {
    name: 'audit',
    reasons: AUDIT_REPORT_REASONS,
    details: ReportDetailsSchema,
    outputDir: (ctx) => auditPaths(ctx, release.version).root,
    async inputs(ctx) {
      const paths = auditPaths(ctx, release.version);
      const optional = async (file: string) => ((await pathExists(file)) ? await fileFingerprint(file) : 'absent');
      return {
        scenarios: await fileFingerprint(join(release.directory, 'scenarios.jsonl')),
        judgments: await optional(join(paths.judges, AUDIT_FILES.judgments)),
        annotations: await optional(join(paths.annotations, AUDIT_FILES.annotations)),
      };
    },
    shapingConfig: (ctx) => ({ resamples: ctx.config.audit.bootstrap_resamples, seed: ctx.config.audit.seed }),
    process: (run) => writeReport(run, release),
  };
}

export async function runReport(ctx: AuditContext, options: ReportOptions = {}, known?: AuditedRelease) {
  const release = known ?? (await readAuditedRelease(ctx, options.release));
  return runStage(reportStage(release), { ...ctx, allowEmpty: true }, options);
}
