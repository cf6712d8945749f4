// REJECT posts that repeat an earlier KEEP post: exact re-posts (`duplicate`), and cross-posts
// or lightly edited re-posts (`near_duplicate`). detail = the earliest post's id (filled in
// by materialize). Originals are referenced by their author name. All invented by us.
import { rej, type AuthoredPost, type Opts } from './lib.ts';
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

const KEEPS = [
  ...selfDirection, ...stimulation, ...hedonism, ...achievement, ...power,
  ...security, ...conformity, ...tradition, ...benevolence, ...universalism,
];

function original(author: string): AuthoredPost {
  const found = KEEPS.find((p) => p.author === author);
  if (!found) throw new Error(`no keep post by ${author}`);
  return found;
}

const DAY = 86400;

/** Exact re-post of an earlier post's body (same author), optionally elsewhere / retitled. */
function repost(author: string, sub?: string, title?: string, opts: Opts = {}): AuthoredPost {
  const o = original(author);
  return rej('duplicate', sub ?? o.sub, o.author, title ?? o.title, o.body, { dupOf: author, ...opts });
}

/** Re-post with a small edit applied to the body. */
function edited(author: string, edit: (body: string) => string, sub?: string, title?: string, opts: Opts = {}): AuthoredPost {
  const o = original(author);
  const body = edit(o.body);
  if (body === o.body) throw new Error(`edit changed nothing for ${author}`);
  return rej('near_duplicate', sub ?? o.sub, o.author, title ?? o.title, body, { dupOf: author, ...opts });
}

/** A Reddit cross-post: empty selftext, url = parent permalink, crosspost_parent set. */
function crosspost(author: string, sub: string, crossposter: string, title?: string, after?: number): AuthoredPost {
  const o = original(author);
  return rej('near_duplicate', sub, crossposter, title ?? o.title, '', { dupOf: author, tags: ['crosspost'], after });
}

function replaceOnce(from: string, to: string): (b: string) => string {
  return (b) => {
    if (!b.includes(from)) throw new Error(`edit anchor not found: ${from.slice(0, 40)}`);
    return b.replace(from, to);
  };
}

const grindRepost = edited(
  'done_with_the_grind',
  (b) => `${b}\n\nEDIT: forgot to add, I have no kids and my partner makes enough that we'd be fine on the lower salary.`,
  'findapath',
  'Quit my 70-hour consulting job for a chill 40-hour job that pays half? (repost from careerguidance)',
  { key: 'grind_repost', after: 2 * DAY },
);

export const duplicateRejects: AuthoredPost[] = [
  // --- exact duplicates ---
  repost('inkpot_wanderer', 'findapath', undefined, { after: 3 * DAY }),
  repost('cubicle_to_chiangmai', 'travel', 'Would you quit a stable job to backpack for a year?', { after: 9 * DAY }),
  repost('boss_of_my_buddies', 'Advice', 'Promoted over my work friends - take it or not?', { after: 5 * DAY }),
  repost('brothers_keeper_22', undefined, undefined, { after: 2 * DAY }),
  repost('creek_runs_orange', 'Advice', 'Whistleblow on my employer or keep my job?', { after: 6 * DAY }),

  // --- near duplicates: small edits ---
  grindRepost,
  rej(
    'near_duplicate',
    'antiwork',
    'done_with_the_grind',
    'Giving up half my salary to have a life, am I crazy?',
    grindRepost.body.replace("I'm a management consultant, 33,", "Posted this in a couple of subs already but I want the antiwork take. I'm a management consultant, 33,"),
    { dupOf: 'grind_repost', after: 1 * DAY },
  ),
  edited(
    'shabbat_shift_question',
    replaceOnce(" I asked for a religious accommodation and HR said they'd \"try.\"", ''),
    'Judaism',
    'Keep Shabbat or take a job with Saturday shifts?',
    { after: 4 * DAY },
  ),
  edited(
    'pension_or_pivot',
    (b) => `Reposting because my first post got buried, sorry mods.\n\n${b}`,
    'personalfinance',
    undefined,
    { after: 1 * DAY },
  ),
  edited(
    'suit_at_the_wedding',
    replaceOnce(
      'I have a really nice tailored black suit',
      'For context, I\'m not trying to make a statement, I just genuinely feel awful in dresses. I have a really nice tailored black suit',
    ),
    'AITAH',
    'WIBTA if I wore a suit to my sister\'s black-tie wedding?',
    { after: 3 * DAY },
  ),
  edited(
    'fellowship_or_family',
    (b) => b.replace('My mentor says I have a real shot', 'My mentor says I have a genuine shot').replace('a two-year-old', 'a two year old'),
    'careerguidance',
    'Apply for a very competitive fellowship that would take me away for a year?',
    { after: 7 * DAY },
  ),

  // --- near duplicates: cross-posts ---
  crosspost('saw_him_on_the_app', 'AITAH', 'saw_him_on_the_app', undefined, 8 * 3600),
  crosspost('tokyo_on_a_whim', 'solotravel', 'tokyo_on_a_whim', 'Offered a job in Tokyo on a whim - anyone moved abroad like this?', 20 * 3600),
  crosspost('steward_maybe_marco', 'careerguidance', 'union_floor_watcher', undefined, 2 * DAY),
];
