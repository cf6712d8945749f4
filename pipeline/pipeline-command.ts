/**
 * `valact pipeline` (and `npm start`): every stage in order on one config, stopping at the
 * first failure. Each stage skips work it already finished, so a re-run is cheap.
 */
import type { CommandSpec } from './core/command.ts';
import { STAGES, type StageContext, type StageResult } from './core/context.ts';
import { isValactError } from './core/errors.ts';
import { COMMANDS } from './cli.ts';

/**
 * Release on the configured version; when that version is already published with different
 * content (say, after the code changed), publish the next free patch version instead of
 * failing — a published version is still never overwritten.
 */
async function releaseStage(ctx: StageContext): Promise<StageResult> {
  const { run, nextFreePatch } = await import('./release/run.ts');
  try {
    return await run(ctx, {});
  } catch (error) {
    if (!isValactError(error) || error.code !== 'already_exists') throw error;
    const next = await nextFreePatch(ctx.paths.release, ctx.config.release.version);
    ctx.log.info(`release ${ctx.config.release.version} is already published with different content; publishing ${next} instead`);
    return run(ctx, { version: next });
  }
}

export const pipelineCommand: CommandSpec = {
  name: 'pipeline',
  summary: 'Run collect -> filter -> generate -> validate -> release on the current config',
  options: [],
  notes: [
    'With no config, this runs on the bundled sample corpus with the offline provider (no network, no credentials)',
    'and publishes a small SIMULATED sample release. Stage options come from --config; see each stage\'s --help.',
  ],
  async run(ctx) {
    const summary: string[] = [];
    for (const stage of STAGES) {
      ctx.log.info(`== ${stage}`);
      const result = stage === 'release' ? await releaseStage(ctx) : await (await COMMANDS[stage]!.load()).run(ctx, {});
      summary.push(...result.summary);
    }
    return { stage: 'pipeline', summary };
  },
};
