/**
 * Child process for the crash-safety test: writes records through JsonlWriter, announces on
 * stdout once it is mid-stream, then keeps writing slowly until it is killed.
 */
import { JsonlWriter } from '../../pipeline/core/jsonl.ts';

const [target, mode] = process.argv.slice(2);
if (!target) throw new Error('usage: slow-writer.ts TARGET [journal]');

const writer = new JsonlWriter<{ n: number; payload: string }>(target);
for (let n = 0; ; n += 1) {
  await writer.write({ n, payload: 'x'.repeat(200) });
  if (n === 1000) process.stdout.write('mid-stream\n');
  if (n > 1000) await new Promise((resolve) => setTimeout(resolve, 1));
  if (mode === 'finish' && n === 2000) break;
}
await writer.commit();
