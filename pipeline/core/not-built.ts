import { ValactError } from './errors.ts';

/** What a command whose stage is not built yet does: say so and fail, never pretend to run. */
export function notBuilt(stage: string, issue: number): never {
  throw new ValactError('not_implemented', `valact ${stage} is not built yet (tracked in issue #${issue}); nothing was done`, {
    hint: 'See the README for the stages that are available.',
  });
}
