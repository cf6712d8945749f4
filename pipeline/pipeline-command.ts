/**
 * `valact pipeline` (and `npm start`): every stage in order on one config, stopping at the
 * first failure. Each stage skips work it already finished, so a re-run is cheap. A version
 * already published with other content (say, after the code changed) is published as the next
 * free patch instead of failing — the release stage's own option, never an overwrite.
 */
import type { CommandSpec } from './core/command.ts';
import { STAGE_COMMANDS, type PipelineContext } from './stages.ts';

/** Arguments the pipeline gives a stage beyond the config. */
const STAGE_ARGS: Readonly<Record<string, Record<string, unknown>>> = {
  release: { 'if-published': 'next-patch' },
};

export const pipelineCommand: CommandSpec<PipelineContext> = {
  name: 'pipeline',
  summary: 'Run collect -> filter -> generate -> validate -> release on the current config',
  options: [],
  notes: [
    'With no config, this runs on the bundled sample corpus with the offline provider (no network, no credentials)',
    'and publishes a small SIMULATED sample release. Stage options come from --config; see each stage\'s --help.',
  ],
  async run(ctx) {
    const summary: string[] = [];
    for (const stage of STAGE_COMMANDS) {
      ctx.log.info(`== ${stage.name}`);
      const result = await (await stage.load()).run(ctx, STAGE_ARGS[stage.name] ?? {});
      summary.push(...result.summary);
    }
    return { stage: 'pipeline', summary };
  },
};
