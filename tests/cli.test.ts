import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { COMMANDS } from '../pipeline/commands.ts';
import { SHARED_OPTIONS } from '../pipeline/core/command.ts';
import { captureIo } from './support/io.ts';

const run = promisify(execFile);
const bin = join(import.meta.dirname, '..', 'bin', 'valact.js');

describe('valact CLI', () => {
  it('the installed bin lists the six commands', async () => {
    const { stdout } = await run(process.execPath, [bin, '--help']);
    for (const name of ['collect', 'filter', 'generate', 'validate', 'release', 'pipeline']) {
      expect(stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
  });

  it.each(['stage:collect', 'stage:filter', 'stage:generate', 'stage:validate', 'stage:release', 'pipeline'])(
    'the npm script %s reaches its command on a fresh clone (no global install)',
    async (script) => {
      const { stdout } = await run('npm', ['run', '--silent', script, '--', '--help'], { cwd: join(import.meta.dirname, '..') });
      const command = script.replace('stage:', '');
      expect(stdout).toMatch(new RegExp(`^valact ${command} — `));
    },
  );

  // Every command, and every subcommand of a group (`audit judge`), as the words a researcher types.
  const EVERY_COMMAND = COMMANDS.flatMap((entry) => ('subcommands' in entry ? entry.subcommands.map((sub) => ({ words: [entry.name, sub.name], load: sub.load })) : [{ words: [entry.name], load: entry.load }]));

  it.each(EVERY_COMMAND.map(({ words, load }) => [words.join(' '), words, load] as const))('`valact %s --help` lists every option with its default', async (_name, words, load) => {
    const io = captureIo();
    expect(await main([...words, '--help'], io)).toBe(0);
    const spec = await load();
    for (const option of [...spec.options, ...SHARED_OPTIONS]) {
      expect(io.out()).toMatch(new RegExp(`--${option.name}\\b.*\\(default: [^)]+\\)`));
    }
  });

  it.each(COMMANDS.filter((entry) => 'subcommands' in entry).map(({ name }) => name))('`valact %s --help` lists its subcommands', async (name) => {
    const io = captureIo();
    expect(await main([name, '--help'], io)).toBe(0);
    const group = COMMANDS.find((entry) => entry.name === name)!;
    for (const sub of 'subcommands' in group ? group.subcommands : []) expect(io.out()).toContain(sub.name);
  });

  it('shows defaults taken from the config (collect --source defaults to sample)', async () => {
    const io = captureIo();
    await main(['collect', '--help'], io);
    expect(io.out()).toMatch(/--source <sample\|dump\|reddit>.*\(default: sample\)/);
    expect(io.out()).toMatch(/--data <DIR>.*\(default: data\)/);
  });

  it.each([
    [['nonsense'], 2, /unknown command "nonsense"/],
    [['collect', '--bogus'], 2, /Unknown option '--bogus'/],
    [['collect', '--limit', 'many'], 2, /--limit must be a whole number; received "many"/],
    [['collect', '--source', 'ftp'], 2, /--source must be one of sample, dump, reddit; received "ftp"/],
    [['collect', '--config', '/nonexistent/valact.json'], 2, /cannot read config file \/nonexistent\/valact\.json/],
  ])('rejects %j with exit %i and a clear message', async (argv, code, message) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(code);
    expect(io.err()).toMatch(message);
  });

  it.each([
    ['a secret in the config', { generate: { api_key: 'sk-123' } }, /secrets do not belong in the config file \(generate\.api_key\)/],
    ['an unknown section', { colect: {} }, /invalid config: .*colect/],
    ['a wrong type', { collect: { limit: 'ten' } }, /invalid config: collect\.limit/],
  ])('refuses %s, naming the file', async (_label, config, message) => {
    const dir = await mkdtemp(join(tmpdir(), 'valact-cli-'));
    const file = join(dir, 'valact.json');
    await writeFile(file, JSON.stringify(config));
    const io = captureIo();
    expect(await main(['filter', '--config', file], io)).toBe(2);
    expect(io.err()).toContain(file);
    expect(io.err()).toMatch(message);
  });
});
