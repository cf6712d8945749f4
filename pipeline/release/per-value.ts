/**
 * How many scenarios per value a release takes when the config does not say: the number the
 * generate stage was asked for (its report records it), so the sample run (10 per value with
 * the offline provider) and a full run (300) both release what they generated for.
 */
import type { StageContext } from '../core/context.ts';
import { readStageReport } from '../core/report.ts';

/** The full ValAct release size, used when neither the config nor a generate report says. */
export const FULL_RELEASE_PER_VALUE = 300;

export async function resolvePerValue(ctx: StageContext): Promise<number> {
  if (ctx.config.release.per_value !== null) return ctx.config.release.per_value;
  const generateReport = await readStageReport(ctx.paths.report('generate'));
  const generated = generateReport?.details?.per_value;
  return typeof generated === 'number' && Number.isInteger(generated) && generated > 0 ? generated : FULL_RELEASE_PER_VALUE;
}
