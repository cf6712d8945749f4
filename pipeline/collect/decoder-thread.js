// @ts-check
/**
 * The zstd decoder thread: reads the file and decodes it synchronously into a ring of slots in
 * one SharedArrayBuffer. The main thread scans slot after slot and counts the ones it is done
 * with in `control[CONSUMED]`; the decoder fills a slot again only once that count says it is
 * free. So nothing is allocated or transferred per chunk, and handing a slot back costs an
 * atomic add, not a message. Decoding and scanning run on two cores.
 *
 * When the input is finished the thread waits for `control[RELEASED]` before it returns.
 * Returning frees the decoder's window (up to 2 GiB, resident as far as the input reached);
 * unmapping that much memory stalls the whole process for about 0.1 s per GB (measured:
 * the last chunks and the end message reached the main thread ~100 ms late on a 1.3 GB dump),
 * so it waits until the main thread has scanned the last chunk.
 *
 * Plain JavaScript (type-checked through JSDoc), so the thread runs on Node itself, with none of
 * the TypeScript loader the main thread was started with; started by dump.ts.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {object} DecoderThreadData
 * @property {string} bindingPath   zstd-napi's native binding, resolved by the main thread
 * @property {string} path          the .zst file
 * @property {SharedArrayBuffer} ring  poolSize slots of chunkBytes each
 * @property {SharedArrayBuffer} control  Int32 counters: CONSUMED (slots the main thread is done with), RELEASED
 * @property {number} poolSize
 * @property {number} chunkBytes
 * @property {number} readBytes
 * @property {number} windowLogMax
 * @property {number} CONSUMED
 * @property {number} RELEASED
 */

/** @typedef {import('zstd-napi/binding.js')} ZstdBinding */

const data = /** @type {DecoderThreadData} */ (workerData);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const zstd = /** @type {ZstdBinding} */ (createRequire(data.bindingPath)(data.bindingPath));
const control = new Int32Array(data.control);
const slots = Buffer.from(data.ring);

/**
 * The slot for chunk number `sequence`, once the main thread has finished with its last use.
 * @param {number} sequence
 */
function slotFor(sequence) {
  for (;;) {
    const consumed = Atomics.load(control, data.CONSUMED);
    if (sequence - consumed < data.poolSize) return sequence % data.poolSize;
    Atomics.wait(control, data.CONSUMED, consumed, 1000);
  }
}

function waitForRelease() {
  while (Atomics.load(control, data.RELEASED) === 0) Atomics.wait(control, data.RELEASED, 0, 1000);
}

function decode() {
  const context = new zstd.DCtx();
  context.setParameter(zstd.DParameter.windowLogMax, data.windowLogMax);
  /** @type {number | undefined} */
  let fd;
  let consumed = 0;
  let produced = 0;
  let inFrame = false;
  try {
    fd = openSync(data.path, 'r');
    const input = Buffer.allocUnsafe(data.readBytes);
    let sequence = 0;
    let slot = slotFor(sequence);
    let output = slots.subarray(slot * data.chunkBytes, (slot + 1) * data.chunkBytes);
    let filled = 0;
    for (;;) {
      const length = readSync(fd, input, 0, data.readBytes, null);
      if (length === 0) break;
      let pending = input.subarray(0, length);
      for (;;) {
        /** @type {[number, number, number]} */
        let result;
        try {
          result = context.decompressStream(output.subarray(filled), pending);
        } catch (error) {
          port.postMessage({ type: 'corrupt', message: /** @type {Error} */ (error).message, consumed, produced });
          return;
        }
        const [hint, made, used] = result;
        consumed += used;
        produced += made;
        filled += made;
        pending = pending.subarray(used);
        if (filled === output.length) {
          port.postMessage({ type: 'chunk', slot, length: filled, consumed });
          sequence += 1;
          slot = slotFor(sequence);
          output = slots.subarray(slot * data.chunkBytes, (slot + 1) * data.chunkBytes);
          filled = 0;
          continue;
        }
        if (pending.length === 0) {
          inFrame = hint !== 0;
          break;
        }
      }
    }
    if (filled > 0) port.postMessage({ type: 'chunk', slot, length: filled, consumed });
    port.postMessage(inFrame ? { type: 'truncated', consumed, produced } : { type: 'end', consumed, produced });
  } catch (error) {
    port.postMessage({ type: 'io', message: /** @type {Error} */ (error).message, consumed, produced });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

decode();
waitForRelease();
