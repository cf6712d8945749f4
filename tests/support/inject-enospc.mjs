// @ts-check
/**
 * Preloaded (`node --import`) by the fault suite where no tmpfs can be mounted: every write to a
 * file under $VALACT_TEST_ENOSPC_UNDER fails with ENOSPC, as it would on a full disk. Reading
 * is untouched. Test support only; the pipeline never loads it.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const under = process.env.VALACT_TEST_ENOSPC_UNDER ? resolve(process.env.VALACT_TEST_ENOSPC_UNDER) : null;

/** @param {unknown} path */
const blocked = (path) => under !== null && typeof path === 'string' && resolve(path).startsWith(under);

/** @param {unknown} path */
function enospc(path) {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${String(path)}'`), { code: 'ENOSPC', errno: -28, syscall: 'write', path: String(path) });
}

const originalCreateWriteStream = fs.createWriteStream;
fs.createWriteStream = function createWriteStream(path, options) {
  const stream = originalCreateWriteStream(path, options);
  if (blocked(path)) {
    stream._write = (_chunk, _encoding, callback) => callback(enospc(path));
  }
  return stream;
};

const originalWriteFile = fs.promises.writeFile;
fs.promises.writeFile = async function writeFile(path, data, options) {
  if (blocked(path)) throw enospc(path);
  return originalWriteFile(path, data, options);
};

const originalOpen = fs.promises.open;
fs.promises.open = async function open(path, flags, mode) {
  const handle = await originalOpen(path, flags, mode);
  if (blocked(path) && typeof flags === 'string' && /[wa]/.test(flags)) {
    handle.write = /** @type {typeof handle.write} */ (async () => {
      throw enospc(path);
    });
  }
  return handle;
};

syncBuiltinESMExports();
