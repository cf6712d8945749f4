// @ts-check
/**
 * A filter worker thread. It loads the TypeScript of the filter through tsx (the thread starts
 * without the main thread's loader) and judges the batches of input lines it is sent
 * (judge-lines.ts). Started by run.ts for large inputs.
 */
import { register } from 'tsx/esm/api';

register();
const { serveJudge } = await import('./judge-lines.ts');
serveJudge();
