/** Small FilteredPost fixtures for the generate tests: clear dilemmas that each lean on one value. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FilteredPost } from '../../pipeline/records.ts';

const DILEMMAS: [string, string, string][] = [
  ['a1', 'Quit to start my own design business or stay at the agency?', 'I want independence and my own creative path. My boss offered a raise to stay. Should I leave?'],
  ['a2', 'Backpack abroad for a year of adventure or keep my boring routine job?', 'I crave something new and exciting, a thrill. Or do I stay safe? Which should I choose?'],
  ['a3', 'Spend my bonus on a luxury spa vacation to treat myself or save it?', 'I want to enjoy life and relax for once, pure pleasure. Should I splurge or not?'],
  ['a4', 'Go for the competitive promotion and prestige or keep my easy role?', 'I am ambitious and want success in my career and to prove myself. Do I apply?'],
  ['a5', 'Run for council president to get control and status or stay out?', 'I want power and authority and influence. Should I run for the position?'],
  ['a6', 'Keep the stable job with a pension or join a risky startup?', 'Safety and security matter, and my savings are small and the mortgage is big. Should I stay?'],
  ['a7', 'Follow the dress code and rules at the office or push back?', 'Everyone expects me to fit in and be polite, and the rules are clear. Should I speak up?'],
  ['a8', 'Keep the family tradition of the church holiday gathering or skip it?', 'Our religious custom and heritage is old, my grandparents started it. Should I go this year?'],
  ['a9', 'Help my sister and her kids move or go on my own trip?', 'My family needs my support and I promised to be loyal and help. What should I do?'],
  ['b1', 'Report my company for dumping waste into the river or stay quiet?', 'The environment and the community suffer; it is unfair to strangers. Should I be a whistleblower?'],
];

export function fixturePosts(): FilteredPost[] {
  const posts: FilteredPost[] = DILEMMAS.map(([id, title, text]) => ({
    id,
    subreddit: 'Advice',
    created_utc: 1_700_000_000,
    permalink: `/r/Advice/comments/${id}/fixture/`,
    title,
    text,
    language: { code: 'eng', confidence: 0.99, method: 'fixture' },
    quality: { word_count: text.split(' ').length, advice_probability: 0.9, request_cues: ['question_mark'] },
    pii_masked: {},
    content_flags: { sexual: [], self_harm: [], violence: [], minors: [] },
    filter_version: 'fixture',
  }));
  // No decision at all: the classifier calls it unusable.
  posts.push({ ...posts[0]!, id: 'z9', title: 'My week', text: 'Today I painted the fence. It was nice weather.' });
  return posts;
}

export async function writeFilteredPosts(dataDir: string, posts: FilteredPost[] = fixturePosts()): Promise<string> {
  const folder = join(dataDir, 'work', 'filter');
  await mkdir(folder, { recursive: true });
  const file = join(folder, 'posts.jsonl');
  await writeFile(file, posts.map((post) => JSON.stringify(post)).join('\n') + '\n');
  return file;
}
