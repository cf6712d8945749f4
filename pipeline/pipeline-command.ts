/** `valact pipeline`: every stage in order on one config, stopping at the first failure. */
import type { CommandSpec } from './core/command.ts';
import { STAGES } from './core/context.ts';
import { COMMANDS } from './cli.ts';

export const pipelineCommand: CommandSpec = {
  name: 'pipeline',
  summary: 'Run collect -> filter -> generate -> validate -> release on the current config',
  options: [],
  async run(ctx) {
    const summary: string[] = [];
    for (const stage of STAGES) {
      const spec = await COMMANDS[stage]!.load();
      ctx.log.info(`== ${stage}`);
      const result = await spec.run(ctx, {});
      summary.push(...result.summary);
    }
    return { stage: 'pipeline', summary };
  },
};
