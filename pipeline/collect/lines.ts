/**
 * A synchronous newline splitter over decoded chunks. Lines are handed out as ranges of the
 * chunk (no copy, no per-line object); only a line that straddles two chunks is copied. Synchronous on purpose:
 * the per-line work of collect is a few byte searches, and an await per line would cost more.
 */

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** A line longer than this is corrupt input, not a submission; it is reported, not buffered. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;

export interface LineSink {
  /** A non-empty line, `buffer[start, end)` without its newline, and its 1-based number. */
  line(buffer: Buffer, start: number, end: number, lineNumber: number): void;
  /** A line longer than MAX_LINE_BYTES, dropped unread. */
  oversized(lineNumber: number, byteLength: number): void;
}

export class LineSplitter {
  /** Lines seen so far, empty ones included (so numbers match `sed -n Np`). */
  lineNumber = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private discardingBytes = 0;

  constructor(private readonly sink: LineSink) {}

  push(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(NEWLINE);
    if (newline === -1) {
      // Copied: the chunk's memory goes back to the decoder once this call returns.
      this.hold(Buffer.from(chunk));
      return;
    }
    if (this.pendingBytes > 0 || this.discardingBytes > 0) {
      this.hold(chunk.subarray(0, newline));
      this.finishPending();
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    while (newline !== -1) {
      this.emit(chunk, start, newline);
      start = newline + 1;
      newline = chunk.indexOf(NEWLINE, start);
    }
    // Copy the tail: the chunk's memory goes back to the decoder once this call returns.
    if (start < chunk.length) this.hold(Buffer.from(chunk.subarray(start)));
  }

  /** The input ended: a last line without a newline is still a line. */
  end(): void {
    if (this.pendingBytes > 0 || this.discardingBytes > 0) this.finishPending();
  }

  private hold(part: Buffer): void {
    if (this.discardingBytes > 0 || this.pendingBytes + part.length > MAX_LINE_BYTES) {
      this.discardingBytes += this.pendingBytes + part.length;
      this.pending = [];
      this.pendingBytes = 0;
      return;
    }
    if (part.length === 0) return;
    this.pending.push(part);
    this.pendingBytes += part.length;
  }

  private finishPending(): void {
    if (this.discardingBytes > 0) {
      this.lineNumber += 1;
      this.sink.oversized(this.lineNumber, this.discardingBytes);
      this.discardingBytes = 0;
      return;
    }
    const joined = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.emit(joined, 0, joined.length);
  }

  private emit(buffer: Buffer, start: number, end: number): void {
    this.lineNumber += 1;
    if (end > start && buffer[end - 1] === CARRIAGE_RETURN) end -= 1;
    if (end > start) this.sink.line(buffer, start, end, this.lineNumber);
  }
}
