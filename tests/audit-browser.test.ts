/**
 * The annotation page in a real browser: headless Chromium (the Debian package), driven by
 * playwright-core through executablePath. An annotator answers three items — by keyboard, by
 * mouse, and by keyboard again with a straw-man flag — the server is killed (SIGKILL) and
 * started again, the page resumes at item four, and importing the answers file gives the
 * expected table in the scenarios' stored option order.
 *
 * Without a browser the test fails when VALACT_REQUIRE_BROWSER=1 (CI sets it) and otherwise
 * is skipped with a loud notice — never passed quietly.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownOrder } from '../pipeline/audit/judge.ts';
import type { PacketRow } from '../pipeline/audit/packets.ts';
import { main } from '../pipeline/cli.ts';
import type { Scenario } from '../pipeline/records.ts';
import type { ValueId } from '../pipeline/values.ts';
import { findBrowser, killChild, servePage } from './support/browser.ts';
import { captureIo } from './support/io.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';

const BROWSER = findBrowser('the annotation page test');

/** `valact audit serve` in a child process; resolves with its URL once it listens. */
const serve = (packet: string) => servePage(['audit', 'serve', '--packet', packet, '--port', '0'], 'annotation page');

describe.skipIf(!BROWSER)('the annotation page in headless Chromium', () => {
  let data: string;
  let release: string;
  let browser: Browser;
  let packet: string;
  let rows: PacketRow[];
  let scenarios: Map<string, Scenario>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'valact-browser-'));
    release = join(data, 'release', '1.0.0');
    await mkdir(release, { recursive: true });
    const fixture = balancedScenarios(1);
    scenarios = new Map(fixture.map((scenario) => [scenario.id, scenario]));
    await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: false }));
    await writeFile(join(release, 'scenarios.jsonl'), fixture.map((scenario) => JSON.stringify(scenario)).join('\n') + '\n');
    const io = captureIo();
    expect(await main(['audit', 'export', '--data', data, '--release', release, '--sample', '6', '--annotators', '1', '--overlap', '0', '--quiet'], io)).toBe(0);
    const sampleId = /sample (s[0-9a-f]{10})/.exec(io.out())![1]!;
    packet = join(data, 'audit', '1.0.0', 'packets', sampleId, 'annotator-1.jsonl');
    rows = (await readFile(packet, 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as PacketRow);
    browser = await chromium.launch({ executablePath: BROWSER!, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(children.map(killChild));
    await rm(data, { recursive: true, force: true });
  });

  it('answers three items by keyboard and mouse, survives a killed server, resumes at item four, and imports as expected', async () => {
    const first = await serve(packet);
    children.push(first.child);
    const page = await browser.newPage();
    await page.goto(first.url);
    const progress = page.getByTestId('progress');
    await expect.poll(() => progress.textContent()).toBe('Item 1 of 6 · 0 answered');

    // Item 1, by keyboard: 1 = self-direction for option 1 (option 2 is then highlighted), 9 = benevolence, Enter.
    await page.keyboard.press('1');
    await page.keyboard.press('9');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe('Item 2 of 6 · 1 answered');

    // Item 2, by mouse; option 1 marked implausible.
    await page.getByTestId('value-1-security').click();
    await page.getByTestId('value-2-power').click();
    await page.getByTestId('plausible-1').uncheck();
    await page.getByTestId('save').click();
    await expect.poll(() => progress.textContent()).toBe('Item 3 of 6 · 2 answered');

    // Item 3, by keyboard in the other order: b, 4 = achievement for option 2; a, 0 = universalism for option 1; s = straw man.
    for (const key of ['b', '4', 'a', '0', 's']) await page.keyboard.press(key);
    await page.getByTestId('comment').fill('option 2 is a straw man');
    await page.getByTestId('save').click();
    await expect.poll(() => progress.textContent()).toBe('Item 4 of 6 · 3 answered');

    // The server dies without warning; a new one starts on the same packet.
    await killChild(first.child);
    const second = await serve(packet);
    children.push(second.child);
    await page.goto(second.url);
    await expect.poll(() => progress.textContent()).toBe('Item 4 of 6 · 3 answered');
    expect(await page.getByTestId('situation').textContent()).toBe(rows[3]!.situation);
    await killChild(second.child);

    const io = captureIo();
    const answers = packet.replace(/\.jsonl$/, '.answers.jsonl');
    expect(await main(['audit', 'import', '--data', data, '--release', release, '--quiet', answers], io)).toBe(0);
    const imported = (await readFile(join(data, 'audit', '1.0.0', 'annotations', 'annotations.jsonl'), 'utf8'))
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { scenario_id: string; options: { value: ValueId; plausible: boolean }[]; genuine_dilemma: boolean; comment: string | null });

    // What was chosen per shown option, mapped back to the stored order the judgments use.
    const shown: [ValueId, boolean, ValueId, boolean, boolean, string | null][] = [
      ['self_direction', true, 'benevolence', true, true, null],
      ['security', false, 'power', true, true, null],
      ['universalism', true, 'achievement', true, false, 'option 2 is a straw man'],
    ];
    const expected = shown.map(([value1, plausible1, value2, plausible2, genuine, comment], position) => {
      const scenario = scenarios.get(rows[position]!.scenario_id)!;
      const readings = [{ value: value1, plausible: plausible1 }, { value: value2, plausible: plausible2 }];
      if (shownOrder(scenario)[0] === 1) readings.reverse();
      return { scenario_id: scenario.id, options: readings, genuine_dilemma: genuine, comment };
    });
    expect(
      imported
        .map(({ scenario_id, options, genuine_dilemma, comment }) => ({ scenario_id, options: options.map(({ value, plausible }) => ({ value, plausible })), genuine_dilemma, comment }))
        .sort((a, b) => (a.scenario_id < b.scenario_id ? -1 : 1)),
    ).toEqual(expected.sort((a, b) => (a.scenario_id < b.scenario_id ? -1 : 1)));
  }, 120_000);
});
