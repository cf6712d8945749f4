/**
 * One run per stage and data folder. Two runs of a stage on one folder would mix their outputs
 * (one run's posts.jsonl beside the other's report), so a run takes `<stage folder>/.lock`
 * before it reads or writes anything: created exclusively, holding the holder's pid, host and
 * start time. A live holder refuses the second run at once; the lock of a process that died is
 * taken over with a warning.
 */
import { link, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { temporaryPathFor } from './atomic.ts';
import { ValactError, asIoError } from './errors.ts';

export const LOCK_FILE = '.lock';

interface LockHolder {
  pid: number;
  host: string;
  stage: string;
  started_at: string;
}

export interface StageLock {
  release(): Promise<void>;
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    const holder = JSON.parse(await readFile(file, 'utf8')) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string' ? (holder as LockHolder) : null;
  } catch {
    return null;
  }
}

/**
 * Create the lock with its content in one step: the holder is written to a temporary first and
 * hard-linked into place, which fails if a lock exists. A kill or a full disk never leaves an
 * empty lock behind.
 */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  const temporary = temporaryPathFor(file);
  try {
    await writeFile(temporary, JSON.stringify(holder) + '\n', { flag: 'wx' });
    await link(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw asIoError(error, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** A lock file with no readable holder that is older than this was left by an older valact or a crash. */
const UNREADABLE_LOCK_GRACE_MS = 2000;

export async function acquireStageLock(directory: string, stage: string, log: { warn(message: string): void }): Promise<StageLock> {
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw asIoError(error, directory);
  }
  const file = join(directory, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), stage, started_at: new Date().toISOString() };
  for (let attempt = 0; attempt < 60; attempt += 1) {
    if (await createExclusive(file, me)) {
      return {
        release: async () => {
          const holder = await readHolder(file);
          if (holder?.pid === me.pid && holder.started_at === me.started_at) await rm(file, { force: true });
        },
      };
    }
    const holder = await readHolder(file);
    if (holder === null) {
      const age = await stat(file).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (age < UNREADABLE_LOCK_GRACE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        continue;
      }
      await rm(file, { force: true });
      log.warn(`${stage}: removed an unreadable lock ${file} left by a run that no longer holds it`);
      continue;
    }
    const sameHost = holder.host === me.host;
    if (!sameHost || isProcessAlive(holder.pid)) {
      throw new ValactError(
        'locked',
        `${stage} is already running on ${directory}: process ${holder.pid} on ${holder.host}, started ${holder.started_at} (lock ${file})`,
        {
          hint: sameHost
            ? 'Wait for that run to finish, or stop it; two runs on one data folder would mix their outputs.'
            : `If no run on ${holder.host} is using this folder any more, delete ${file}.`,
        },
      );
    }
    // The holder died. Move its lock aside under a name of our own: of two runs taking over at
    // once, one rename succeeds and the other finds the winner's fresh lock next time round.
    const aside = temporaryPathFor(file);
    try {
      await rename(file, aside);
    } catch {
      continue;
    }
    const moved = await readHolder(aside);
    if (moved && (moved.pid !== holder.pid || moved.started_at !== holder.started_at)) {
      // We moved a live run's fresh lock: put it back and refuse.
      await rename(aside, file).catch(() => undefined);
      continue;
    }
    await rm(aside, { force: true });
    log.warn(`${stage}: took over the lock of process ${holder.pid} (started ${holder.started_at}), which is no longer running`);
  }
  throw new ValactError('locked', `${stage}: could not take the lock ${file}`, { hint: 'Another run keeps taking it; wait for it to finish.' });
}
