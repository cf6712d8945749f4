/**
 * `valact audit <subcommand>`: judge a release with LLM judges, run the human round trip
 * (export packets, serve the annotation page, import answers) and report the measurement.
 * `judge` and `import` write the report afterwards, so DATA/audit/<version>/ is always current.
 */
import type { CommandSpec, OptionSpec } from '../core/command.ts';
import type { StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import type { AuditContext } from './judging.ts';
import type { AuditSummary } from './contract.ts';
import { endpointOptions } from '../llm/options.ts';

const RELEASE_OPTION: OptionSpec = { name: 'release', kind: 'string', placeholder: 'DIR', default: null, description: 'The release folder to audit (default: the newest under DATA/release/).' };

const pct = (value: number | null) => (value === null ? 'n/a' : `${(value * 100).toFixed(1)}%`);

function summaryLines(summary: AuditSummary, reportPath: string): string[] {
  const simulated = summary.simulated ? ' — SIMULATED raters, not a model\'s or a person\'s reading' : '';
  const accuracy = summary.judge_accuracy;
  return [
    `audit of release ${summary.audited_release}${simulated}`,
    `  judged ${summary.scenarios_judged} scenarios by ${summary.judges.length} judge(s): options read as labelled ${pct(accuracy.estimate)} (95% CI ${pct(accuracy.low)}–${pct(accuracy.high)}), κ ${summary.judge_kappa.estimate?.toFixed(3) ?? 'n/a'}`,
    `  annotated by people: ${summary.scenarios_annotated} scenarios, ${summary.annotators} annotator(s)${summary.human_accuracy ? `, accuracy ${pct(summary.human_accuracy.estimate)}` : ''}`,
    `  flagged: ${summary.flagged} (flagged.jsonl)`,
    `  report: ${reportPath}`,
  ];
}

async function report(ctx: AuditContext, release: string | undefined): Promise<StageResult> {
  const { runReport } = await import('./report.ts');
  const outcome = await runReport(ctx, release ? { release } : {});
  return { stage: 'audit', reportPath: outcome.reportPath, upToDate: outcome.upToDate, summary: summaryLines(outcome.report.details.summary, outcome.reportPath) };
}

const releaseOf = (args: Record<string, unknown>) => (typeof args.release === 'string' ? args.release : undefined);

export const auditJudgeCommand: CommandSpec<AuditContext> = {
  name: 'audit judge',
  summary: 'Every scenario of a release read blind by each LLM judge; then the report',
  options: [
    RELEASE_OPTION,
    { name: 'judge', kind: 'multiple', placeholder: 'MODEL', default: null, description: 'A judge model on the default endpoint; repeat for several (default: audit.judges, else audit.model on the endpoint, else two offline simulated judges).' },
    ...endpointOptions('audit', 'two simulated judges'),
  ],
  notes: [
    'Judges see the situation and both options in a seeded shuffled order, the ten value definitions, and never a label.',
    'Writes DATA/audit/<version>/judges/ (judgments.jsonl, dropped.jsonl, report.json), then the report (audit.json, AUDIT.md, figures/, flagged.jsonl).',
    'Offline judges answer from the labels with seeded errors (audit.offline_neighbour_rate, audit.offline_across_rate): SIMULATED, marked so everywhere.',
  ],
  async run(ctx, args) {
    const { runJudges, dryRunJudges } = await import('./judging.ts');
    const judges = Array.isArray(args.judge) ? (args.judge as string[]) : [];
    const options = { ...(releaseOf(args) ? { release: releaseOf(args)! } : {}), judges };
    if (ctx.config.audit.dry_run) return { stage: 'audit judge', summary: [await dryRunJudges(ctx, options)] };
    const { release, outcome } = await runJudges(ctx, options);
    const details = outcome.report.details;
    const judged = [
      `audit judge${details.simulated ? ' (SIMULATED judges)' : ''}: ${outcome.report.counts.in} judge calls, ${outcome.report.counts.out} answered, ${outcome.report.counts.quarantined} quarantined; requests ${details.requests}, cache hits ${details.cache_hits}, estimated cost $${details.estimated_cost_usd.toFixed(4)}`,
    ];
    const reported = await report(ctx, release.directory);
    return { ...reported, summary: [...judged, ...reported.summary] };
  },
};

export const auditExportCommand: CommandSpec<AuditContext> = {
  name: 'audit export',
  summary: 'Draw a stratified sample and write one packet per annotator (CSV and JSONL, no labels)',
  options: [
    RELEASE_OPTION,
    { name: 'sample', kind: 'integer', placeholder: 'N', config: 'audit.sample', description: 'Scenarios drawn, stratified by target value.' },
    { name: 'annotators', kind: 'integer', placeholder: 'K', config: 'audit.annotators', description: 'Annotators: one packet each.' },
    { name: 'overlap', kind: 'number', placeholder: 'SHARE', config: 'audit.overlap', description: 'Share of the sample every annotator sees (agreement among people is measured on it).' },
    { name: 'seed', kind: 'integer', placeholder: 'N', config: 'audit.seed', description: 'Seed of the draw.' },
  ],
  notes: ['Writes DATA/audit/<version>/packets/<sample id>/: sample.json, annotator-K.csv and annotator-K.jsonl.', 'Serve a .jsonl packet with `valact audit serve --packet FILE`, or fill the .csv in a spreadsheet.'],
  async run(ctx, args) {
    const { runExport } = await import('./round-trip.ts');
    const { sample, outcome } = await runExport(ctx, releaseOf(args) ? { release: releaseOf(args)! } : {});
    return {
      stage: 'audit export',
      reportPath: outcome.reportPath,
      upToDate: outcome.upToDate,
      summary: [
        `audit export: sample ${sample.sample_id} of ${sample.size} scenarios from release ${sample.release}, ${sample.overlap.length} seen by every annotator`,
        ...sample.annotators.map((annotator) => `  ${annotator}: ${sample.assignment[annotator]!.length} items -> ${outcome.outputDir}/${annotator}.csv, ${annotator}.jsonl`),
      ],
    };
  },
};

export const auditServeCommand: CommandSpec<AuditContext> = {
  name: 'audit serve',
  summary: 'Serve the annotation page for one packet on 127.0.0.1 (answers saved as they are given)',
  options: [
    { name: 'packet', kind: 'string', placeholder: 'FILE', default: null, description: 'An annotator\'s .jsonl packet from `valact audit export` (required).' },
    { name: 'port', kind: 'integer', placeholder: 'N', default: 8377, description: 'Port on 127.0.0.1 (0 = any free port).' },
  ],
  notes: [
    'Answers are appended to <packet>.answers.jsonl and synced to disk before the page shows them saved; reopening resumes at the first unanswered item.',
    'Keys: 1–9 and 0 choose a value, Tab moves between the options, Enter saves and goes on. Stop the server with Ctrl-C.',
    'Import the answers with `valact audit import <packet>.answers.jsonl`.',
  ],
  async run(_ctx, args) {
    if (typeof args.packet !== 'string') throw new ValactError('usage', 'audit serve needs --packet FILE (an annotator\'s .jsonl packet)');
    const { startAnnotationServer } = await import('./server.ts');
    const server = await startAnnotationServer(args.packet, typeof args.port === 'number' ? args.port : 8377);
    process.stdout.write(`annotation page: ${server.url}\nanswers: ${server.answersFile}\nCtrl-C to stop (every answer is already on disk)\n`);
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    await server.close();
    return { stage: 'audit serve', summary: [`audit serve: stopped (${signal}); answers in ${server.answersFile}`] };
  },
};

export const auditImportCommand: CommandSpec<AuditContext> = {
  name: 'audit import',
  summary: 'Import filled packets (CSV) or the page\'s answers (JSONL); then the report',
  options: [RELEASE_OPTION],
  positionals: 'files',
  notes: ['Refuses, naming file, line and column, unknown scenario ids, values outside the ten, duplicate answers and packets from another sample; nothing is half-imported.'],
  async run(ctx, args) {
    const { runImport } = await import('./round-trip.ts');
    const files = Array.isArray(args.files) ? (args.files as string[]) : [];
    const { release, outcome } = await runImport(ctx, { ...(releaseOf(args) ? { release: releaseOf(args)! } : {}), files });
    const details = outcome.report.details;
    const reported = await report(ctx, release.directory);
    return { ...reported, summary: [`audit import: ${details.answers} answers from ${details.annotators.join(', ')} (sample ${details.sample_id})`, ...reported.summary] };
  },
};

export const auditReportCommand: CommandSpec<AuditContext> = {
  name: 'audit report',
  summary: 'Measure the labels against every judgment and annotation so far; write audit.json, AUDIT.md, figures, flagged.jsonl',
  options: [
    RELEASE_OPTION,
    { name: 'resamples', kind: 'integer', placeholder: 'N', config: 'audit.bootstrap_resamples', description: 'Bootstrap resamples behind every interval.' },
  ],
  notes: ['Run by `judge` and `import` already; run it alone after changing the bootstrap settings.'],
  run: (ctx, args) => report(ctx, releaseOf(args)),
};
