/**
 * What the browser tests share: finding Debian's Chromium (a missing browser fails when
 * VALACT_REQUIRE_BROWSER=1, as CI sets it, and is otherwise announced loudly, never passed
 * quietly), and a local page served by the real CLI in a child process, so a SIGKILL is a real kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './faults.ts';

/** Chromium's path, or null after the notice (or the error, when a browser is required). */
export function findBrowser(what: string): string | null {
  const browser = process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((path) => existsSync(path)) ?? null;
  if (browser) return browser;
  const notice = `\n${'!'.repeat(78)}\n!! NO BROWSER: ${what} did not run. Install Chromium\n!! (apt-get install chromium) or set CHROMIUM_PATH. CI installs it and requires it.\n${'!'.repeat(78)}\n`;
  if (process.env.VALACT_REQUIRE_BROWSER === '1') throw new Error(`VALACT_REQUIRE_BROWSER=1 but no Chromium was found${notice}`);
  console.warn(notice);
  return null;
}

/** `valact <args>` in a child process; resolves with the URL it prints after `marker` once it listens. */
export async function servePage(args: readonly string[], marker: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(REPO, 'bin', 'valact.js'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  const pattern = new RegExp(`${marker}: (http://127\\.0\\.0\\.1:\\d+/)`);
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const found = pattern.exec(seen);
      if (found) resolve(found[1]!);
    });
    let errors = '';
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`valact ${args.slice(0, 2).join(' ')} exited (${code}) before listening: ${errors}`)));
  });
  return { child, url };
}

/** SIGKILL a child (if it still runs) and wait until it is gone. */
export async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}
