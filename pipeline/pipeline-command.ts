/**
 * `valact pipeline` (and `npm start`): every stage in order on one config, stopping at the
 * first failure, then the label audit of the release and the release again, so the card carries
 * the audit, and last the evaluation of that release (simulated respondents without an
 * endpoint). Each stage skips work it already finished, so a re-run is cheap. A version already
 * published with other content (say, once the audit exists) is published as the next free patch
 * — or found there, if an earlier run published exactly this build — never overwritten.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandSpec } from './core/command.ts';
import { readStageReport } from './core/report.ts';
import { ManifestSchema } from './records.ts';
import { ReleaseDetailsSchema } from './release/contract.ts';
import { AUDIT_COMMANDS, EVALUATE_COMMANDS, STAGE_COMMANDS, type PipelineContext } from './stages.ts';

/** Arguments the pipeline gives a stage beyond the config. */
const STAGE_ARGS: Readonly<Record<string, Record<string, unknown>>> = {
  release: { 'if-published': 'next-patch' },
};

/**
 * The release folder to audit: the one whose audit the newest release already carries (so a
 * re-run finds that audit up to date), else the newest release itself.
 */
async function releaseToAudit(ctx: PipelineContext): Promise<string> {
  const report = await readStageReport(ctx.paths.report('release'), ReleaseDetailsSchema);
  if (!report) throw new Error('pipeline: the release stage left no report');
  const published = join(ctx.paths.root, report.details.directory);
  const manifest = ManifestSchema.parse(JSON.parse(await readFile(join(published, 'manifest.json'), 'utf8')));
  return manifest.label_audit ? join(ctx.paths.release, manifest.label_audit.audited_release) : published;
}

export const pipelineCommand: CommandSpec<PipelineContext> = {
  name: 'pipeline',
  summary: 'Run collect -> filter -> generate -> validate -> release -> audit judge -> release -> evaluate run on the current config',
  options: [],
  notes: [
    'With no config, this runs on the bundled sample corpus with the offline provider (no network, no credentials)',
    'and publishes a small SIMULATED sample release, audits it with two SIMULATED offline judges, and publishes',
    'the next patch carrying the audit in its card, then evaluates it with SIMULATED respondents (EVAL.md).',
    'Stage options come from --config; see each stage\'s --help.',
  ],
  async run(ctx) {
    const summary: string[] = [];
    const release = STAGE_COMMANDS.find(({ name }) => name === 'release')!;
    const judge = AUDIT_COMMANDS.subcommands.find(({ name }) => name === 'judge')!;
    for (const stage of STAGE_COMMANDS) {
      ctx.log.info(`== ${stage.name}`);
      const result = await (await stage.load()).run(ctx, STAGE_ARGS[stage.name] ?? {});
      summary.push(...result.summary);
    }
    ctx.log.info('== audit judge');
    summary.push(...(await (await judge.load()).run(ctx, { release: await releaseToAudit(ctx) })).summary);
    ctx.log.info('== release (with the label audit)');
    summary.push(...(await (await release.load()).run(ctx, STAGE_ARGS.release!)).summary);
    ctx.log.info('== evaluate run');
    const evaluate = EVALUATE_COMMANDS.subcommands.find(({ name }) => name === 'run')!;
    summary.push(...(await (await evaluate.load()).run(ctx, {})).summary);
    return { stage: 'pipeline', summary };
  },
};
