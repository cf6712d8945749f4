/**
 * The bundled sample corpus: every post here is invented by the valact authors (fictional
 * people, made-up usernames, no real Reddit content). `samplePosts` holds the materialized
 * Pushshift-style records, each with the `label` a correct filter should reach, sorted by
 * created_utc then id. `scripts/build-sample.ts` writes them to data/raw/sample/.
 */
import type { AuthoredPost, SamplePost } from './lib.ts';
import { materialize } from './materialize.ts';
import { selfDirection } from './keep-self-direction.ts';
import { stimulation } from './keep-stimulation.ts';
import { hedonism } from './keep-hedonism.ts';
import { achievement } from './keep-achievement.ts';
import { power } from './keep-power.ts';
import { security } from './keep-security.ts';
import { conformity } from './keep-conformity.ts';
import { tradition } from './keep-tradition.ts';
import { benevolence } from './keep-benevolence.ts';
import { universalism } from './keep-universalism.ts';
import { specialKeeps } from './keep-special.ts';
import { longKeeps } from './keep-long.ts';
import { nonEnglish } from './reject-lang.ts';
import { metadataRejects } from './reject-metadata.ts';
import { contentRejects } from './reject-content.ts';
import { duplicateRejects } from './reject-duplicates.ts';

export type { SamplePost, SampleLabel, SubmissionRecord, SampleValueId, RejectReason, LabelTag } from './lib.ts';
export { SAMPLE_VALUE_IDS, REJECT_REASONS, LABEL_TAGS } from './lib.ts';

/** All authored posts, in authoring order (keeps first, then rejects). */
export const authoredPosts: AuthoredPost[] = [
  ...selfDirection,
  ...stimulation,
  ...hedonism,
  ...achievement,
  ...power,
  ...security,
  ...conformity,
  ...tradition,
  ...benevolence,
  ...universalism,
  ...specialKeeps,
  ...longKeeps,
  ...nonEnglish,
  ...metadataRejects,
  ...contentRejects,
  ...duplicateRejects,
];

function byTimeThenId(a: SamplePost, b: SamplePost): number {
  return a.created_utc - b.created_utc || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every sample post, materialized, sorted by created_utc then id. */
export const samplePosts: SamplePost[] = materialize(authoredPosts).sort(byTimeThenId);
