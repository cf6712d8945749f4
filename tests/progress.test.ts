import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration } from '../pipeline/core/progress.ts';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  }) as unknown as NodeJS.WriteStream & { text: () => string };
  Object.assign(stream, { isTTY, text: () => text });
  return stream;
}

describe('progress display', () => {
  it('prints plain periodic lines with rate and ETA when not on a terminal', () => {
    let clock = 0;
    const stream = fakeStream(false);
    const progress = createProgress({ label: 'filter', total: 100, unit: 'posts', stream, now: () => clock, plainIntervalSeconds: 10 });
    clock = 5_000;
    progress.tick(10); // under the interval: no line yet
    clock = 10_000;
    progress.tick(10);
    clock = 20_000;
    progress.tick(30);
    progress.done();
    const lines = stream.text().trimEnd().split('\n');
    expect(lines).toEqual([
      'filter 20.0% 20/100 posts, 2 posts/s, ETA 00:40',
      'filter 50.0% 50/100 posts, 3 posts/s, ETA 00:20',
      'filter 50.0% 50/100 posts, 3 posts/s, 00:20',
    ]);
    expect(stream.text()).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal', () => {
    let clock = 0;
    const stream = fakeStream(true);
    const progress = createProgress({ label: 'generate', total: 4, stream, now: () => clock });
    clock = 1_000;
    progress.tick(2, '$0.01');
    progress.done();
    expect(stream.text()).toContain('\r\x1b[2Kgenerate [############------------] 50.0% 2/4 records');
    expect(stream.text()).toContain('$0.01');
    expect(stream.text().endsWith('\n')).toBe(true);
  });

  it('is silent under --quiet', () => {
    const stream = fakeStream(true);
    const progress = createProgress({ label: 'x', total: 1, stream, quiet: true });
    progress.tick();
    progress.done();
    expect(stream.text()).toBe('');
  });

  it.each([
    [59, '00:59'],
    [3_725, '1:02:05'],
    [Number.POSITIVE_INFINITY, '--:--'],
  ])('formats %d seconds as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
