/**
 * Where a release's posts came from and which prompts shaped it, read from the reports the
 * earlier stages wrote (stages meet only through files). The sample corpus is invented, so a
 * release built from it must say so instead of calling its posts Reddit submissions.
 */
import { basename } from 'node:path';
import { CollectDetailsSchema } from '../collect/contract.ts';
import type { StageContext } from '../core/context.ts';
import { readStageReport } from '../core/report.ts';
import { GenerateDetailsSchema } from '../generate/contract.ts';

export interface Provenance {
  /** "sample", "dump" or "reddit", or null when collect's report is missing. */
  collectSource: string | null;
  /** One entry per input: "sample:RS_sample.zst", "dump:RS_2023-01.zst", "reddit_api:r/Advice/new". */
  inputs: string[];
  /** Prompt id.version -> sha256, from the generate report (the item templates are added by build). */
  prompts: Record<string, string>;
}

export async function readProvenance(ctx: StageContext<unknown>): Promise<Provenance> {
  const collect = await readStageReport(ctx.paths.report('collect'), CollectDetailsSchema);
  const generate = await readStageReport(ctx.paths.report('generate'), GenerateDetailsSchema);
  const collectSource = collect?.details.source ?? null;
  const prefix = collectSource === 'reddit' ? 'reddit_api' : (collectSource ?? 'unknown');
  // Input names only, never local paths: a release must not depend on the machine it was built on.
  const inputs = Object.keys(collect?.inputs ?? {}).map((name) => `${prefix}:${basename(name)}`).sort();
  return { collectSource, inputs, prompts: { ...(generate?.fingerprints.prompts ?? {}) } };
}

/** Sentence for the dataset card on where the posts came from. */
export function describeOrigin(provenance: Pick<Provenance, 'collectSource' | 'inputs'>, subreddits: string[]): string {
  const where = subreddits.length > 0 ? ` in ${subreddits.join(', ')}` : '';
  if (provenance.collectSource === 'sample') {
    const setIn = subreddits.length > 0 ? ` (written as if posted${where})` : '';
    return `posts from the bundled sample corpus (${provenance.inputs.join(', ')}), invented by the valact authors in the Pushshift dump format and not real Reddit content${setIn}`;
  }
  const via = provenance.collectSource === 'reddit' ? 'the live Reddit API' : 'the public monthly Reddit dumps';
  return `Reddit submissions from ${via} (${provenance.inputs.join(', ') || 'inputs not recorded'})${where}`;
}
