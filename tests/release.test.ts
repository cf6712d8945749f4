import { cp, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { sha256Hex } from '../pipeline/core/fingerprint.ts';
import { ItemSchema, type Item, type Manifest } from '../pipeline/records.ts';
import { parseItemsCsv, rowToItem } from '../pipeline/release/csv.ts';
import { verifyRelease } from '../pipeline/release/verify.ts';
import { balancedScenarios, writeStageInputs } from './support/scenario-fixtures.ts';
import { captureIo } from './support/io.ts';

const EPOCH = { SOURCE_DATE_EPOCH: '1735689600' };

async function valact(args: string[], env: Record<string, string> = EPOCH) {
  const io = captureIo(env);
  const code = await main([...args, '--quiet'], io);
  return { code, out: io.out(), err: io.err() };
}

/** A data folder with 4 valid scenarios per value, validated. */
async function validatedDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'valact-release-'));
  await writeStageInputs(dir, balancedScenarios(4));
  expect((await valact(['validate', '--data', dir])).code).toBe(0);
  return dir;
}

async function filesOf(directory: string): Promise<Map<string, string>> {
  const names = (await readdir(directory, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
  const contents = new Map<string, string>();
  for (const entry of names) {
    const path = join(entry.parentPath, entry.name);
    contents.set(path.slice(directory.length + 1), sha256Hex(await readFile(path)));
  }
  return contents;
}

async function readItems(file: string): Promise<Item[]> {
  return (await readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Item);
}

/** Rewrite a file of a copied release and, when `rehash`, fix the manifest so only the deeper checks can catch it. */
async function tamper(directory: string, file: string, change: (text: string) => string, rehash: boolean): Promise<void> {
  const path = join(directory, file);
  const bytes = Buffer.from(change(await readFile(path, 'utf8')));
  await writeFile(path, bytes);
  if (!rehash) return;
  const manifest = JSON.parse(await readFile(join(directory, 'manifest.json'), 'utf8')) as Manifest;
  const entry = manifest.files.find((candidate) => candidate.path === file)!;
  Object.assign(entry, { bytes: bytes.length, sha256: sha256Hex(bytes) });
  await writeFile(join(directory, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

describe('release', () => {
  it('publishes a balanced, simulated release that verifies, with every file hashed', async () => {
    const dir = await validatedDataDir();
    const published = await valact(['release', '--data', dir, '--per-value', '3']);
    expect(published.code).toBe(0);
    expect(published.out).toContain('30 scenarios, 150 items');
    expect(published.out).toContain('SIMULATED');
    const release = join(dir, 'release', '0.1.0');
    const manifest = JSON.parse(await readFile(join(release, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest).toMatchObject({ version: '0.1.0', per_value: 3, created: '2025-01-01', simulated: true });
    expect(Object.values(manifest.counts.per_value)).toEqual(Array(10).fill(3));
    expect(Object.values(manifest.counts.per_item_type)).toEqual(Array(5).fill(30));
    expect(manifest.files.map((file) => file.path)).toEqual([
      'CHANGELOG.md', 'README.md', 'croissant.json', 'items.csv', 'items.jsonl',
      'scenarios.jsonl', 'schemas/item.schema.json', 'schemas/manifest.schema.json', 'schemas/scenario.schema.json',
    ]);
    const card = await readFile(join(release, 'README.md'), 'utf8');
    expect(card.split('---\n')[2]!.trimStart()).toMatch(/^> \[!WARNING\]\n> \*\*SIMULATED DATA/);
    expect(card).toMatch(/configs:\n- config_name: scenarios\n[\s\S]*- config_name: items\n/);
    const croissant = JSON.parse(await readFile(join(release, 'croissant.json'), 'utf8'));
    expect(croissant.description).toMatch(/^SIMULATED DATA/);
    expect(croissant.distribution[0].sha256).toBe(sha256Hex(await readFile(join(release, 'scenarios.jsonl'))));
    expect(await verifyRelease(release)).toMatchObject({ ok: true, problems: [] });
    expect((await valact(['release', '--data', dir, '--verify', release])).code).toBe(0);
  });

  it('gives the dataset card a YAML header that a Hugging Face loader can read', async () => {
    const dir = await validatedDataDir();
    expect((await valact(['release', '--data', dir, '--per-value', '3'])).code).toBe(0);
    const release = join(dir, 'release', '0.1.0');
    const card = await readFile(join(release, 'README.md'), 'utf8');
    const header = /^---\n([\s\S]*?)\n---\n/.exec(card)?.[1];
    expect(header).toBeDefined();
    const metadata = parseYaml(header!) as {
      license: string;
      pretty_name: string;
      task_categories: string[];
      size_categories: string[];
      configs: { config_name: string; data_files: { split: string; path: string }[] }[];
    };
    expect(metadata.license).toBe('cc-by-4.0');
    expect(metadata.pretty_name).toMatch(/SIMULATED/);
    expect(metadata.size_categories).toEqual(['n<1K']);
    expect(metadata.configs.map((config) => config.config_name)).toEqual(['scenarios', 'items']);
    for (const config of metadata.configs) {
      for (const dataFile of config.data_files) {
        // Every file a config names exists in the folder and holds one JSON record per line.
        const lines = (await readFile(join(release, dataFile.path), 'utf8')).trimEnd().split('\n');
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
      }
    }
  });

  it('writes a CSV that parses back to the same items', async () => {
    const dir = await validatedDataDir();
    await valact(['release', '--data', dir, '--per-value', '2']);
    const release = join(dir, 'release', '0.1.0');
    const items = await readItems(join(release, 'items.jsonl'));
    const csv = await readFile(join(release, 'items.csv'), 'utf8');
    expect(csv.split('\r\n').length).toBe(items.length + 2); // header, rows, final CRLF
    const parsed = (await parseItemsCsv(csv)).map((row) => ItemSchema.parse(rowToItem(row)));
    expect(parsed).toEqual(items);
  });

  const CORRUPTIONS: [string, string, (text: string) => string, boolean, string][] = [
    ['a flipped key', 'items.jsonl', (text) => text.replace('"target_label":"A"', '"target_label":"B"'), true, 'key'],
    ['a missing field', 'scenarios.jsonl', (text) => text.replace(/"situation":"[^"]*",/, ''), true, 'schema'],
    ['a hash mismatch', 'items.csv', (text) => text.replace('What would you do?', 'What would you rather do?'), false, 'hash'],
    ['a count that lies', 'manifest.json', (text) => text.replace('"items": 100', '"items": 101'), false, 'count'],
    ['a cell a spreadsheet would run', 'items.csv', (text) => text.replace('\r\n', '\r\n=1+'), true, 'csv_formula'],
  ];

  it.each(CORRUPTIONS)('--verify rejects a copy with %s (in %s)', async (_name, file, change, rehash, check) => {
    const dir = await validatedDataDir();
    await valact(['release', '--data', dir, '--per-value', '2']);
    const copy = join(dir, 'corrupted');
    await cp(join(dir, 'release', '0.1.0'), copy, { recursive: true });
    await tamper(copy, file, change, rehash);
    const result = await verifyRelease(copy);
    expect(result.ok).toBe(false);
    expect(result.problems.map((problem) => problem.check)).toContain(check);
    const cli = await valact(['release', '--data', dir, '--verify', copy]);
    expect(cli.code).toBe(6);
    expect(cli.err).toContain(`[${check}]`);
  });

  it('rebuilds the same version from the same inputs into another folder byte for byte', async () => {
    const dir = await validatedDataDir();
    await valact(['release', '--data', dir, '--per-value', '3']);
    const elsewhere = join(dir, 'rebuild');
    expect((await valact(['release', '--data', dir, '--per-value', '3', '--out', elsewhere])).code).toBe(0);
    expect(await filesOf(elsewhere)).toEqual(await filesOf(join(dir, 'release', '0.1.0')));
  });

  it('never overwrites a published version: identical is up to date, different is refused naming the next patch', async () => {
    const dir = await validatedDataDir();
    await valact(['release', '--data', dir, '--per-value', '3']);
    const release = join(dir, 'release', '0.1.0');
    const before = await filesOf(release);
    const mtime = (await stat(join(release, 'items.jsonl'))).mtimeMs;
    const again = await valact(['release', '--data', dir, '--per-value', '3']);
    expect(again).toMatchObject({ code: 0 });
    expect(again.out).toContain('up to date');
    const refused = await valact(['release', '--data', dir, '--per-value', '2']);
    expect(refused.code).toBe(5);
    expect(refused.err).toContain('--version 0.1.1');
    expect(await filesOf(release)).toEqual(before);
    expect((await stat(join(release, 'items.jsonl'))).mtimeMs).toBe(mtime);
  });

  it('excludes take-down posts and lists them, with the reason, in the next patch version\'s change log', async () => {
    const dir = await validatedDataDir();
    await valact(['release', '--data', dir, '--per-value', '3']);
    const first = (await readFile(join(dir, 'release', '0.1.0', 'scenarios.jsonl'), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as { id: string; source: { post_id: string } });
    const removed = first[0]!;
    await writeFile(join(dir, 'takedown.txt'), `# requests\nt3_${removed.source.post_id}\n`);
    const patch = await valact(['release', '--data', dir, '--per-value', '3', '--version', '0.1.1']);
    expect(patch.code).toBe(0);
    expect(patch.out).toContain('1 added, 1 removed, 0 changed');
    const scenarios = await readFile(join(dir, 'release', '0.1.1', 'scenarios.jsonl'), 'utf8');
    expect(scenarios).not.toContain(`"post_id":"${removed.source.post_id}"`);
    const changelog = await readFile(join(dir, 'release', '0.1.1', 'CHANGELOG.md'), 'utf8');
    expect(changelog).toContain(`## 0.1.1 (2025-01-01)\n\nAgainst 0.1.0.`);
    expect(changelog).toContain(`- \`${removed.id}\`: take-down request for post ${removed.source.post_id}`);
    expect(changelog).toContain('## 0.1.0 (2025-01-01)');
    const manifest = JSON.parse(await readFile(join(dir, 'release', '0.1.1', 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.takedown).toEqual({ post_ids: [removed.source.post_id], scenarios_removed: 1 });
    expect(Object.values(manifest.counts.per_value)).toEqual(Array(10).fill(3));
  });

  it.each([
    [['--per-value', '5'], 5, 'short 1'],
    [['--per-value', '5', '--allow-unbalanced'], 0, '40 scenarios, 200 items'],
  ])('with %j: a value short of its quota is named, or published when allowed', async (flags, code, text) => {
    const dir = await validatedDataDir();
    const result = await valact(['release', '--data', dir, ...flags]);
    expect(result.code).toBe(code === 5 ? 6 : code);
    expect(result.out + result.err).toContain(text);
    if (code !== 0) expect(result.err).toContain('self_direction has 4');
  });

  it('refuses to release scenarios whose validation failed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'valact-release-'));
    await writeStageInputs(dir, [...balancedScenarios(1), '{"broken": true}']);
    expect((await valact(['validate', '--data', dir])).code).toBe(6);
    const result = await valact(['release', '--data', dir, '--per-value', '1']);
    expect(result.code).toBe(6);
    expect(result.err).toContain('refusing to release');
  });

  it.each(['01.2.3', '1.02.3', '1.2.03', '1.2', '1.2.3.4', 'v1.2.3', '1000000000.0.0', '../../x'])('refuses the version %j (strict semver, bounded parts)', async (version) => {
    const dir = await validatedDataDir();
    const result = await valact(['release', '--data', dir, '--per-value', '2', '--version', version]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/semantic version X\.Y\.Z/);
    expect(await readdir(join(dir, 'release')).catch(() => [])).toEqual([]);
  });

  it('refuses a take-down list outside the data folder without echoing its content', async () => {
    const dir = await validatedDataDir();
    const outside = join(dir, '..', `secret-${Date.now()}.txt`);
    await writeFile(outside, 'the first line of a private file\n');
    const config = join(dir, 'config.json');
    await writeFile(config, JSON.stringify({ release: { takedown_file: outside } }));
    const result = await valact(['release', '--data', dir, '--per-value', '2', '--config', config]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/must name a file inside the data folder/);
    expect(result.err).not.toContain('private file');
  });
});
