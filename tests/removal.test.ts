import { describe, expect, it } from 'vitest';
import { removalOf, removalReasonOf, type RemovalFields } from '../pipeline/removal.ts';

const present: RemovalFields = { removed_by_category: null, selftext: 'Should I take the job?', title: 'Job or school?', author: 'someone' };

describe('removal: one rule for collect and filter', () => {
  it.each<[string, Partial<RemovalFields>, string | null]>([
    ['a post that is present', {}, null],
    ['a moderator removal flag', { removed_by_category: 'moderator' }, 'removed removed_by_category:moderator'],
    ['an author deletion flag', { removed_by_category: 'author' }, 'deleted removed_by_category:author'],
    ['a [removed] body', { selftext: ' [removed] ' }, 'removed body:[removed]'],
    ['a [Deleted] body in other letter case', { selftext: '[Deleted]' }, 'deleted body:[deleted]'],
    ['the short Removed by Reddit banner', { selftext: '[ Removed by Reddit ]' }, 'removed body:removed_by_reddit_banner'],
    ['the long banner', { selftext: '[ Removed by Reddit on account of violating the content policy. ]' }, 'removed body:removed_by_reddit_banner'],
    ['a banner with text after it', { selftext: '[ Removed by Reddit ]\n\nsome surviving text' }, 'removed body:removed_by_reddit_banner'],
    ['a banner as the title', { title: '[ Removed by Reddit ]' }, 'removed title:removed_by_reddit_banner'],
    ['a [deleted] title', { title: '[deleted]' }, 'deleted title:[deleted]'],
    ['an intact body whose author is [deleted]', { author: '[deleted]' }, 'deleted author:[deleted]'],
    ['a body that merely mentions a removal', { selftext: 'My post was [removed] by mods last week, should I repost?' }, null],
  ])('%s', (_label, change, expected) => {
    const removal = removalOf({ ...present, ...change });
    expect(removal === null ? null : `${removal.reason} ${removal.evidence}`).toBe(expected);
  });

  it.each([
    ['removed_by_category:moderator', 'removed'],
    ['removed_by_category:author', 'deleted'],
    ['body:[deleted]', 'deleted'],
    ['author:[deleted]', 'deleted'],
    ['body:removed_by_reddit_banner', 'removed'],
    ['deleted', 'deleted'],
    ['reddit', 'removed'],
  ])('reads the recorded evidence %s as %s', (evidence, reason) => {
    expect(removalReasonOf(evidence)).toBe(reason);
  });
});
