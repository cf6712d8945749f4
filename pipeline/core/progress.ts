/**
 * Progress for long stages: a redrawn bar with rate and ETA on a terminal, plain periodic
 * lines when stderr is not a TTY (logs, CI), nothing under --quiet.
 */

export interface Progress {
  /** Count `amount` more units done; `note` replaces the trailing free text (tokens, cost...). */
  tick(amount?: number, note?: string): void;
  setTotal(total: number | null): void;
  /** Final line with the totals. */
  done(note?: string): void;
}

export interface ProgressOptions {
  label: string;
  /** Total units, when known; without it the display shows counts and rate only. */
  total?: number | null;
  unit?: string;
  /** Where to draw; default process.stderr. */
  stream?: NodeJS.WriteStream;
  quiet?: boolean;
  /** Seconds between plain lines when not on a TTY. Default 10. */
  plainIntervalSeconds?: number;
  /** Injected clock for tests. */
  now?: () => number;
}

const BAR_WIDTH = 24;
const TTY_REDRAW_MS = 100;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--:--';
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = whole % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(secs).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const numberFormat = new Intl.NumberFormat('en-US');

export function createProgress(options: ProgressOptions): Progress {
  if (options.quiet) return { tick() {}, setTotal() {}, done() {} };
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const unit = options.unit ?? 'records';
  const isTty = Boolean(stream.isTTY);
  const plainIntervalMs = (options.plainIntervalSeconds ?? 10) * 1000;
  const startedAt = now();
  let total = options.total ?? null;
  let done = 0;
  let note = '';
  let lastDrawAt = 0;

  function render(final: boolean): string {
    const elapsedSeconds = Math.max((now() - startedAt) / 1000, 1e-9);
    const rate = done / elapsedSeconds;
    const rateText = `${numberFormat.format(Math.round(rate))} ${unit}/s`;
    let text: string;
    if (total !== null && total > 0) {
      const share = Math.min(done / total, 1);
      const filled = Math.round(share * BAR_WIDTH);
      const bar = isTty ? `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ` : '';
      const eta = final ? formatDuration(elapsedSeconds) : `ETA ${formatDuration((total - done) / Math.max(rate, 1e-9))}`;
      text = `${options.label} ${bar}${(share * 100).toFixed(1)}% ${numberFormat.format(done)}/${numberFormat.format(total)} ${unit}, ${rateText}, ${eta}`;
    } else {
      text = `${options.label} ${numberFormat.format(done)} ${unit}, ${rateText}, ${formatDuration(elapsedSeconds)}`;
    }
    return note ? `${text} ${note}` : text;
  }

  function draw(final = false): void {
    const at = now();
    if (!final && at - lastDrawAt < (isTty ? TTY_REDRAW_MS : plainIntervalMs)) return;
    lastDrawAt = at;
    if (isTty) stream.write(`\r\x1b[2K${render(final)}${final ? '\n' : ''}`);
    else stream.write(`${render(final)}\n`);
  }

  lastDrawAt = isTty ? 0 : startedAt;
  return {
    tick(amount = 1, newNote) {
      done += amount;
      if (newNote !== undefined) note = newNote;
      draw();
    },
    setTotal(newTotal) {
      total = newTotal;
    },
    done(finalNote) {
      if (finalNote !== undefined) note = finalNote;
      draw(true);
    },
  };
}
