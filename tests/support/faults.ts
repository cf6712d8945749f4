/**
 * What the fault-injection suite needs from the machine: the CLI in a child process, a data
 * folder on a small tmpfs (a full disk for real), and a way to make a folder read-only for root.
 * Where mounting is not allowed, the disk is filled by a preloaded module that makes every write
 * under the data folder fail with ENOSPC instead (tests/support/inject-enospc.mjs), and the test
 * log says so.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
const BIN = join(REPO, 'bin', 'valact.js');
const INJECT_ENOSPC = join(REPO, 'tests', 'support', 'inject-enospc.mjs');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  /** Kill the child with SIGKILL once this resolves (or right away when it is a number of ms). */
  killWhen?: (child: ReturnType<typeof spawn>) => Promise<void>;
  /** Make every write under this folder fail with ENOSPC (the fallback when no tmpfs can be mounted). */
  injectEnospcUnder?: string;
}

/** Run `valact ...args` in a child process, as a researcher would. */
export function valactCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const nodeArgs = options.injectEnospcUnder ? ['--import', INJECT_ENOSPC, BIN] : [BIN];
  const child = spawn(process.execPath, [...nodeArgs, ...args], {
    cwd: REPO,
    env: {
      ...process.env,
      OPENAI_API_KEY: undefined,
      OPENAI_BASE_URL: undefined,
      SOURCE_DATE_EPOCH: '1735689600',
      ...(options.injectEnospcUnder ? { VALACT_TEST_ENOSPC_UNDER: options.injectEnospcUnder } : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<CliResult>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal, stdout, stderr }));
  });
  if (options.killWhen) {
    void options.killWhen(child).then(() => child.kill('SIGKILL'));
  }
  return exited.then((result) => ({ ...result, stdout, stderr }));
}

function run(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}

/** A folder for one test; on a tmpfs of `sizeMb` when mounting is allowed. */
export interface FaultFolder {
  path: string;
  /** True when `path` is a tmpfs this suite mounted (a full disk and a read-only remount are real). */
  mounted: boolean;
  remountReadOnly(): boolean;
  remountWritable(): boolean;
  dispose(): Promise<void>;
}

export async function faultFolder(sizeMb: number): Promise<FaultFolder> {
  const path = await mkdtemp(join(tmpdir(), 'valact-faults-'));
  const mounted = process.getuid?.() === 0 && run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', path]);
  return {
    path,
    mounted,
    remountReadOnly: () => mounted && run('mount', ['-o', 'remount,ro', path]),
    remountWritable: () => mounted && run('mount', ['-o', 'remount,rw', path]),
    async dispose() {
      if (mounted) run('umount', ['-l', path]);
      await rm(path, { recursive: true, force: true });
    },
  };
}

/** Fill a mounted tmpfs, leaving `leaveBytes` free. */
export function fillDisk(folder: FaultFolder, leaveBytes: number): string {
  const filler = join(folder.path, 'filler.bin');
  // fallocate fills exactly; dd is the portable fallback.
  const stats = spawnSync('df', ['-B1', '--output=avail', folder.path], { encoding: 'utf8' }).stdout.trim().split('\n').pop()!;
  const available = Number(stats) - leaveBytes;
  if (!run('fallocate', ['-l', String(available), filler])) {
    run('dd', ['if=/dev/zero', `of=${filler}`, 'bs=4096', `count=${Math.floor(available / 4096)}`]);
  }
  return filler;
}

export async function emptyFolder(path: string): Promise<void> {
  await rm(path, { recursive: true, force: true });
  await mkdir(path, { recursive: true });
}
