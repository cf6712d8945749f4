/**
 * The survey page in a real browser: headless Chromium (the Debian package), driven by
 * playwright-core through executablePath. A person answers three entries — by keyboard, by
 * mouse, and "prefer not to answer" — the server is killed (SIGKILL) and started again, the
 * reloaded page resumes at entry four; the person answers the rest of the items and two
 * questionnaire questions, and importing the answers file into a run gives the expected records.
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
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import type { ItemResponse, QuestionnaireAnswer } from '../pipeline/evaluate/contract.ts';
import { readPacket, type PacketItem, type PacketQuestion } from '../pipeline/evaluate/people.ts';
import { loadQuestionnaire } from '../pipeline/evaluate/questionnaire.ts';
import { evaluateImportCommand } from '../pipeline/evaluate/survey-command.ts';
import { expandScenario, loadItemTemplates } from '../pipeline/release/items.ts';
import type { Item } from '../pipeline/records.ts';
import { findBrowser, killChild, servePage } from './support/browser.ts';
import { captureIo } from './support/io.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';

const BROWSER = findBrowser('the survey page test');

/** `valact evaluate survey` in a child process (the real CLI); resolves with its URL once it listens. */
const serve = (data: string, args: { release: string; respondent: string; scenarios: number; seed: number; port: number }) =>
  servePage(['evaluate', 'survey', '--data', data, '--release', args.release, '--respondent', args.respondent, '--scenarios', String(args.scenarios), '--seed', String(args.seed), '--port', String(args.port), '--quiet'], 'survey page');

describe.skipIf(!BROWSER)('the survey page in headless Chromium', () => {
  let data: string;
  let release: string;
  let browser: Browser;
  let items: Map<string, Item>;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'valact-survey-browser-'));
    release = join(data, 'release', '1.0.0');
    await mkdir(release, { recursive: true });
    const expanded = balancedScenarios(2).flatMap((scenario) => expandScenario(scenario, loadItemTemplates()));
    items = new Map(expanded.map((item) => [item.id, item]));
    await writeFile(join(release, 'manifest.json'), JSON.stringify({ version: '1.0.0', simulated: false, files: [] }));
    await writeFile(join(release, 'items.jsonl'), expanded.map((item) => JSON.stringify(item)).join('\n') + '\n');
    browser = await chromium.launch({ executablePath: BROWSER!, args: ['--no-sandbox'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(children.map(killChild));
    await rm(data, { recursive: true, force: true });
  });

  it('answers by keyboard and mouse, survives a killed server, resumes at entry four, takes the questionnaire, and imports as expected', async () => {
    const args = { release, respondent: 'pat', scenarios: 1, seed: 3, port: 0 };
    const first = await serve(data, args);
    children.push(first.child);
    const packetFile = join(data, 'eval', 'people', 'pat', 'packet.jsonl');
    const answersFile = join(data, 'eval', 'people', 'pat', 'answers.jsonl');
    const packet = await readPacket(packetFile);
    const shownItems = packet.entries.filter((entry): entry is PacketItem => entry.entry === 'item');
    const shownQuestions = packet.entries.filter((entry): entry is PacketQuestion => entry.entry === 'question');
    const total = packet.entries.length;
    expect(shownItems).toHaveLength(5);

    const page = await browser.newPage();
    await page.goto(first.url);
    const progress = page.getByTestId('progress');
    await expect.poll(() => progress.textContent()).toBe(`1 of ${total} · 0 answered`);
    expect(await page.getByTestId('prompt').textContent()).toBe(shownItems[0]!.prompt);

    // Entry 1 by keyboard: A, then Enter.
    await page.keyboard.press('a');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe(`2 of ${total} · 1 answered`);
    await expect.poll(() => page.getByTestId('status').textContent()).toBe('saved');

    // Entry 2 by mouse: option B, then the save button.
    await page.getByTestId('option-B').click();
    await page.getByTestId('save').click();
    await expect.poll(() => progress.textContent()).toBe(`3 of ${total} · 2 answered`);

    // Entry 3: prefer not to answer, by its key, then Enter.
    await page.keyboard.press('p');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe(`4 of ${total} · 3 answered`);

    // The server dies without warning; a new one starts on the same person.
    await killChild(first.child);
    const second = await serve(data, args);
    children.push(second.child);
    await page.goto(second.url);
    await expect.poll(() => progress.textContent()).toBe(`4 of ${total} · 3 answered`);
    expect(await page.getByTestId('prompt').textContent()).toBe(shownItems[3]!.prompt);

    // Entries 4 and 5 by the number keys: 2 is B, 1 is A.
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe(`5 of ${total} · 4 answered`);
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe(`6 of ${total} · 5 answered`);

    // The questionnaire: the first question by key 5, the second by clicking its scale point 2.
    expect(await page.getByTestId('portrait').textContent()).toBe(shownQuestions[0]!.text);
    expect(await page.getByTestId('point-6').textContent()).toContain(loadQuestionnaire().scale.labels[5]!);
    await page.keyboard.press('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => progress.textContent()).toBe(`7 of ${total} · 6 answered`);
    await page.getByTestId('point-2').click();
    await page.getByTestId('save').click();
    await expect.poll(() => progress.textContent()).toBe(`8 of ${total} · 7 answered`);
    await killChild(second.child);

    // Import into a run that evaluated this release.
    const run = join(data, 'eval', 'with-pat', 'answers');
    await mkdir(run, { recursive: true });
    await writeFile(join(run, 'manifest.json'), JSON.stringify({ run: 'with-pat', release: { version: '1.0.0', directory: release }, respondents: [{ name: 'gpt-test' }] }));
    const ctx = createContext({ dataDir: data, config: parseConfig({}, 'test'), quiet: true, stderr: captureIo().stderr });
    await evaluateImportCommand.run(ctx, { run: 'with-pat', files: [answersFile] });
    const people = join(data, 'eval', 'with-pat', 'people');
    const responses = (await readFile(join(people, 'responses.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as ItemResponse);
    const answers = (await readFile(join(people, 'questionnaire.jsonl'), 'utf8')).trimEnd().split('\n').map((line) => JSON.parse(line) as QuestionnaireAnswer);

    const given: ('A' | 'B' | null)[] = ['A', 'B', null, 'B', 'A'];
    const expected = shownItems.map((entry, index): ItemResponse => {
      const item = items.get(entry.item_id)!;
      const answer = given[index]!;
      return { respondent: 'pat', kind: 'person', item_id: item.id, scenario_id: item.scenario_id, item_type: item.type, repeat: 0, answer, status: answer === null ? 'refused' : 'answered', raw: answer, tokens: null, simulated: false };
    });
    expect(responses).toEqual(expected.sort((a, b) => (a.item_id < b.item_id ? -1 : 1)));
    expect(answers).toEqual(
      [
        { respondent: 'pat', kind: 'person', question_id: shownQuestions[0]!.question_id, repeat: 0, rating: 5, status: 'answered', raw: '5', simulated: false },
        { respondent: 'pat', kind: 'person', question_id: shownQuestions[1]!.question_id, repeat: 0, rating: 2, status: 'answered', raw: '2', simulated: false },
      ].sort((a, b) => (a.question_id < b.question_id ? -1 : 1)),
    );
  }, 60_000);
});
