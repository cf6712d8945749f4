/**
 * People as respondents: the survey packet (a seeded sample stratified by target value, all five
 * items of each scenario, act and act_swapped kept apart, no values or keys), the survey server
 * (answers on disk before the page hears "saved", resume at the first unanswered entry), and
 * `evaluate import` of CSV and the page's JSONL into a run: the expected records, every
 * rejection named by file:line[:column], idempotent re-import, a conflicting one refused with
 * nothing changed, and the run's report counting the person.
 */
import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../pipeline/cli.ts';
import { parseConfig } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { ValactError } from '../pipeline/core/errors.ts';
import type { ItemResponse, QuestionnaireAnswer } from '../pipeline/evaluate/contract.ts';
import { buildPacket, drawSurveyScenarios, packetText, prepareSurvey, readSurveyRelease, runPeopleImport, surveyItemOrder, type PacketItem, type PageAnswer } from '../pipeline/evaluate/people.ts';
import { loadQuestionnaire } from '../pipeline/evaluate/questionnaire.ts';
import { evaluateImportCommand, evaluateSurveyCommand } from '../pipeline/evaluate/survey-command.ts';
import { startSurveyServer } from '../pipeline/evaluate/survey-server.ts';
import { expandScenario, loadItemTemplates } from '../pipeline/release/items.ts';
import type { Item } from '../pipeline/records.ts';
import { VALUE_IDS } from '../pipeline/values.ts';
import { captureIo } from './support/io.ts';
import { balancedScenarios } from './support/scenario-fixtures.ts';
import { readJsonl } from './support/files.ts';

const cleanups: string[] = [];
afterAll(async () => {
  await Promise.all(cleanups.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'valact-survey-'));
  cleanups.push(dir);
  return dir;
}

const questionnaire = loadQuestionnaire();

function contextFor(data: string) {
  return createContext({ dataDir: data, config: parseConfig({}, 'test'), quiet: true, stderr: captureIo().stderr });
}

/** A release folder of `perValue` scenarios per target value, as the brief's small release. */
async function makeRelease(data: string, version = '1.0.0', perValue = 2): Promise<{ dir: string; items: Item[] }> {
  const dir = join(data, 'release', version);
  await mkdir(dir, { recursive: true });
  const items = balancedScenarios(perValue).flatMap((scenario) => expandScenario(scenario, loadItemTemplates()));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ version, simulated: false, files: [] }));
  await writeFile(join(dir, 'items.jsonl'), items.map((item) => JSON.stringify(item)).join('\n') + '\n');
  return { dir, items };
}

/** A run's answers/manifest.json as `evaluate run` writes it: the release it asked and its model respondents. */
async function makeRun(data: string, run: string, releaseDir: string, models: string[] = ['gpt-test']): Promise<void> {
  const dir = join(data, 'eval', run, 'answers');
  await mkdir(dir, { recursive: true });
  await writeFile(
    join(dir, 'manifest.json'),
    JSON.stringify({
      run,
      release: { version: '1.0.0', directory: releaseDir, files: {}, simulated: false },
      respondents: models.map((name) => ({ name, kind: 'model', model: name, simulated: false })),
      questionnaire: { id: questionnaire.id, version: questionnaire.version, fingerprint: questionnaire.fingerprint, validated: false, notice: questionnaire.notice },
    }),
  );
}


const person = (respondent: string, item: Item, answer: 'A' | 'B' | null, raw: string | null): ItemResponse => ({
  respondent,
  kind: 'person',
  item_id: item.id,
  scenario_id: item.scenario_id,
  item_type: item.type,
  repeat: 0,
  answer,
  status: answer === null ? 'refused' : 'answered',
  raw,
  tokens: null,
  simulated: false,
});
const rating = (respondent: string, question_id: string, value: number | null, raw: string | null): QuestionnaireAnswer => ({
  respondent,
  kind: 'person',
  question_id,
  repeat: 0,
  rating: value,
  status: value === null ? 'refused' : 'answered',
  raw,
  simulated: false,
});

describe('the survey packet', () => {
  let data: string;
  let items: Item[];
  let releaseDir: string;

  beforeAll(async () => {
    data = await tempDir();
    ({ dir: releaseDir, items } = await makeRelease(data));
  });

  it('draws scenarios stratified by target value, the same for the same seed', () => {
    const targetOf = new Map(items.map((item) => [item.scenario_id, item.target_value]));
    const ten = drawSurveyScenarios(items, 10, 7);
    expect(ten).toHaveLength(10);
    expect(new Set(ten.map((id) => targetOf.get(id))).size).toBe(10);
    // 15 of 20: every value once, five of them twice — which five depends on the seed.
    const fifteen = drawSurveyScenarios(items, 15, 7);
    const perValue = VALUE_IDS.map((value) => fifteen.filter((id) => targetOf.get(id) === value).length);
    expect(perValue.every((count) => count === 1 || count === 2)).toBe(true);
    expect(new Set(fifteen).size).toBe(15);
    expect(drawSurveyScenarios(items, 15, 7)).toEqual(fifteen);
    const others = [1, 2, 3, 4, 5].map((seed) => drawSurveyScenarios(items, 15, seed).slice().sort().join());
    expect(others.some((draw) => draw !== fifteen.slice().sort().join())).toBe(true);
    // Asking for more than the release holds draws it all.
    expect(drawSurveyScenarios(items, 50, 7)).toHaveLength(20);
  });

  it('holds all five items of each drawn scenario in a seeded order with act and act_swapped apart, then the questionnaire, and never a value or key', async () => {
    const release = await readSurveyRelease(contextFor(data), releaseDir);
    const packet = buildPacket(release, questionnaire, { respondent: 'ana', scenarios: 8, seed: 3 });
    const itemEntries = packet.entries.filter((entry): entry is PacketItem => entry.entry === 'item');
    expect(packet.header).toMatchObject({ respondent: 'ana', scenarios: 8, drawn: 8, seed: 3, items: 40, questions: questionnaire.questions.length });
    expect(itemEntries).toHaveLength(40);
    expect(packet.entries.slice(40).map((entry) => (entry.entry === 'question' ? entry.question_id : null))).toEqual(questionnaire.questions.map((question) => question.id));
    expect(packet.entries.map((entry) => entry.position)).toEqual(packet.entries.map((_entry, index) => index + 1));
    const drawn = new Set(drawSurveyScenarios(items, 8, 3));
    expect(itemEntries.map((entry) => entry.item_id).sort()).toEqual(items.filter((item) => drawn.has(item.scenario_id)).map((item) => item.id).sort());
    for (const scenario of drawn) {
      const at = (type: string) => itemEntries.findIndex((entry) => entry.item_id === `${scenario}_${type}`);
      expect(Math.abs(at('act') - at('act_swapped'))).toBeGreaterThanOrEqual(10);
    }
    // Not in file order, and another person gets another order of the same items.
    expect(itemEntries.map((entry) => entry.item_id)).not.toEqual(items.filter((item) => drawn.has(item.scenario_id)).map((item) => item.id));
    const other = buildPacket(release, questionnaire, { respondent: 'ben', scenarios: 8, seed: 3 });
    expect(other.entries.map((entry) => entry.position)).toEqual(packet.entries.map((entry) => entry.position));
    expect(other.entries.filter((entry) => entry.entry === 'item').map((entry) => (entry as PacketItem).item_id)).not.toEqual(itemEntries.map((entry) => entry.item_id));
    expect(packetText(buildPacket(release, questionnaire, { respondent: 'ana', scenarios: 8, seed: 3 }))).toBe(packetText(packet));
    const text = packetText(packet);
    for (const secret of ['"value"', 'target_value', 'competing_value', 'target_label', 'correct_label', '"key"', ...VALUE_IDS.map((value) => `"${value}"`)]) expect(text).not.toContain(secret);
    expect(itemEntries[0]!.options.map((option) => option.label)).toEqual(['A', 'B']);
  });

  it('keeps act and act_swapped apart even in a tiny sample', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const one = items.filter((item) => item.scenario_id === items[0]!.scenario_id);
      const order = surveyItemOrder(one, seed, 'p').map((item) => item.type);
      expect(Math.abs(order.indexOf('act') - order.indexOf('act_swapped'))).toBeGreaterThanOrEqual(2);
    }
  });

  it('writes the packet once, reuses it with the same settings, and refuses other settings or another release', async () => {
    const ctx = contextFor(data);
    const first = await prepareSurvey(ctx, { respondent: 'carla', scenarios: 4, seed: 9, release: releaseDir });
    expect(first.created).toBe(true);
    expect(first.packetFile).toBe(join(data, 'eval', 'people', 'carla', 'packet.jsonl'));
    const written = await readFile(first.packetFile, 'utf8');
    expect(written).toBe(packetText(first.packet));
    const again = await prepareSurvey(ctx, { respondent: 'carla', scenarios: 4, seed: 9, release: releaseDir });
    expect(again.created).toBe(false);
    expect(await readFile(first.packetFile, 'utf8')).toBe(written);

    const refused = async (options: { scenarios: number; seed: number; release: string }, pattern: RegExp) => {
      const error = await prepareSurvey(ctx, { respondent: 'carla', ...options }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ValactError);
      expect((error as ValactError).message).toMatch(pattern);
      expect((error as ValactError).message).toContain('never mixed');
      expect(await readFile(first.packetFile, 'utf8')).toBe(written);
    };
    await refused({ scenarios: 4, seed: 10, release: releaseDir }, /--seed 9 rather than 10/);
    await refused({ scenarios: 6, seed: 9, release: releaseDir }, /--scenarios 4 rather than 6/);
    const { dir: otherRelease } = await makeRelease(data, '1.1.0', 3);
    await refused({ scenarios: 4, seed: 9, release: otherRelease }, /release 1\.0\.0 .* rather than 1\.1\.0/);
  });

  it('refuses a name that is no pseudonym, and a survey with no --respondent', async () => {
    await expect(prepareSurvey(contextFor(data), { respondent: '../x', scenarios: 2, seed: 1, release: releaseDir })).rejects.toThrow(/a respondent's name is/);
    await expect(evaluateSurveyCommand.run(contextFor(data), { release: releaseDir })).rejects.toThrow(/needs --respondent NAME/);
  });
});

describe('the survey server', () => {
  let data: string;
  let directory: string;
  let itemIds: string[];
  let packetId: string;
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    vi.restoreAllMocks();
  });

  beforeAll(async () => {
    data = await tempDir();
    const { dir } = await makeRelease(data);
    const survey = await prepareSurvey(contextFor(data), { respondent: 'dora', scenarios: 2, seed: 4, release: dir });
    directory = survey.directory;
    packetId = survey.packet.header.packet_id;
    itemIds = survey.packet.entries.flatMap((entry) => (entry.entry === 'item' ? [entry.item_id] : []));
  });

  const start = async () => {
    const server = await startSurveyServer(directory, { port: 0, log: { warn: () => undefined, info: () => undefined } });
    closers.push(() => server.close());
    return server;
  };
  const post = (url: string, body: unknown) => fetch(new URL('api/answer', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const state = async (url: string) => (await (await fetch(new URL('api/state', url))).json()) as { next: number | null; answers: Record<string, unknown>; entries: unknown[] };

  it('syncs each answer to disk before acknowledging it, and resumes at the first unanswered entry after a restart', async () => {
    const server = await start();
    expect((await state(server.url)).next).toBe(0);
    // Watch every fsync: the acknowledgement must come after one, with the line already in the file.
    const probe = await open(server.answersFile, 'r');
    const prototype = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
    await probe.close();
    const events: string[] = [];
    const sync = prototype.sync;
    vi.spyOn(prototype, 'sync').mockImplementation(async function (this: unknown) {
      await sync.call(this);
      events.push('synced');
    });
    for (const [index, answer] of (['A', null, 'B'] as const).entries()) {
      events.push('posted');
      const response = await post(server.url, { packet_id: packetId, respondent: 'dora', entry: 'item', id: itemIds[index]!, answer } satisfies PageAnswer);
      expect(response.status).toBe(200);
      events.push('acknowledged');
      expect(await readJsonl<PageAnswer>(server.answersFile)).toHaveLength(index + 1);
    }
    expect(events).toEqual(['posted', 'synced', 'acknowledged', 'posted', 'synced', 'acknowledged', 'posted', 'synced', 'acknowledged']);
    vi.restoreAllMocks();
    // Going back and answering the first entry again replaces its answer; the resume point stays.
    expect((await post(server.url, { packet_id: packetId, respondent: 'dora', entry: 'item', id: itemIds[0], answer: 'B' })).status).toBe(200);
    await closers.pop()!();

    // A torn line from a killed write is cut off; the answers before it stand.
    await writeFile(server.answersFile, (await readFile(server.answersFile, 'utf8')) + '{"packet_id":"' + packetId + '","resp');
    const restarted = await start();
    const resumed = await state(restarted.url);
    expect(resumed.next).toBe(3);
    expect(resumed.answers).toEqual({ [`item:${itemIds[0]}`]: 'B', [`item:${itemIds[1]}`]: null, [`item:${itemIds[2]}`]: 'B' });
    expect(restarted.answered()).toBe(3);
  });

  it.each([
    ['another packet', { packet_id: 'pother', respondent: 'dora', entry: 'item', id: 'x', answer: 'A' }, /another packet/],
    ['an unknown item', { packet_id: 'PACKET', respondent: 'dora', entry: 'item', id: 'sc_nope_act', answer: 'A' }, /not in this packet/],
    ['a rating off the scale', { packet_id: 'PACKET', respondent: 'dora', entry: 'question', id: 'q01', rating: 7 }, /off the scale 1–6/],
    ['an answer that is no letter', { packet_id: 'PACKET', respondent: 'dora', entry: 'item', id: 'ITEM', answer: 'C' }, /not an answer/],
  ])('refuses %s with 400 and saves nothing', async (_name, body, pattern) => {
    const server = await start();
    const before = await readFile(server.answersFile, 'utf8');
    const filled = JSON.parse(JSON.stringify(body).replace('PACKET', packetId).replace('ITEM', itemIds[5]!)) as unknown;
    const response = await post(server.url, filled);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(pattern);
    expect(await readFile(server.answersFile, 'utf8')).toBe(before);
  });

  it('refuses a second server on the same person while the first runs', async () => {
    await start();
    await expect(startSurveyServer(directory, { port: 0, log: { warn: () => undefined, info: () => undefined } })).rejects.toThrow(/already running/);
  });
});

describe('evaluate import', () => {
  let data: string;
  let releaseDir: string;
  let items: Item[];
  const run = 'r1';
  const peopleDir = () => join(data, 'eval', run, 'people');
  const header = 'respondent,kind,id,answer\n';

  beforeAll(async () => {
    data = await tempDir();
    ({ dir: releaseDir, items } = await makeRelease(data));
    await makeRun(data, run, releaseDir, ['gpt-test']);
  });

  const csv = async (name: string, text: string) => {
    const file = join(data, name);
    await writeFile(file, text);
    return file;
  };
  const importing = (files: string[], runName = run) => runPeopleImport(contextFor(data), { run: runName, files });

  it('turns a CSV into person records: letters either case, refusals, ratings, columns in any order', async () => {
    const [a, b, c] = [items[0]!, items[1]!, items[7]!];
    const file = await csv(
      'ana.csv',
      'id,answer,respondent,kind,submitted_at\n' +
        `${a.id},A,ana,item,2025-01-01\n` +
        `${b.id},b,ana,item,2025-01-01\n` +
        `${c.id},,ana,item,2025-01-01\n` +
        'q01,5,ana,question,2025-01-01\n' +
        'q02, ,ana,question,2025-01-01\n',
    );
    const { outcome } = await importing([file]);
    expect(outcome.outputDir).toBe(peopleDir());
    const responses = await readJsonl<ItemResponse>(join(peopleDir(), 'responses.jsonl'));
    const answers = await readJsonl<QuestionnaireAnswer>(join(peopleDir(), 'questionnaire.jsonl'));
    const byId = (x: { item_id: string }, y: { item_id: string }) => (x.item_id < y.item_id ? -1 : 1);
    expect(responses).toEqual([person('ana', a, 'A', 'A'), person('ana', b, 'B', 'b'), person('ana', c, null, null)].sort(byId));
    expect(answers).toEqual([rating('ana', 'q01', 5, '5'), rating('ana', 'q02', null, null)]);
    expect(outcome.report.details).toMatchObject({ respondents: ['ana'], imported: { responses: 3, questionnaire: 2 }, added: { responses: 3, questionnaire: 2 }, people: 1 });
  });

  it('turns the page\'s answers.jsonl into person records, the last answer to an entry standing and a torn last line ignored', async () => {
    const ctx = contextFor(data);
    const survey = await prepareSurvey(ctx, { respondent: 'eli', scenarios: 2, seed: 5, release: releaseDir });
    const entryItems = survey.packet.entries.filter((entry): entry is PacketItem => entry.entry === 'item');
    const line = (answer: PageAnswer) => JSON.stringify(answer) + '\n';
    const base = { packet_id: survey.packet.header.packet_id, respondent: 'eli' };
    await writeFile(
      survey.answersFile,
      line({ ...base, entry: 'item', id: entryItems[0]!.item_id, answer: 'A' }) +
        line({ ...base, entry: 'item', id: entryItems[1]!.item_id, answer: null }) +
        line({ ...base, entry: 'item', id: entryItems[0]!.item_id, answer: 'B' }) +
        line({ ...base, entry: 'question', id: 'q03', rating: 2 }) +
        '{"packet_id":"' + base.packet_id,
    );
    await importing([survey.answersFile]);
    const item = (id: string) => items.find((candidate) => candidate.id === id)!;
    const responses = (await readJsonl<ItemResponse>(join(peopleDir(), 'responses.jsonl'))).filter((response) => response.respondent === 'eli');
    expect(responses).toEqual([person('eli', item(entryItems[0]!.item_id), 'B', 'B'), person('eli', item(entryItems[1]!.item_id), null, null)].sort((x, y) => (x.item_id < y.item_id ? -1 : 1)));
    const answers = (await readJsonl<QuestionnaireAnswer>(join(peopleDir(), 'questionnaire.jsonl'))).filter((answer) => answer.respondent === 'eli');
    expect(answers).toEqual([rating('eli', 'q03', 2, '2')]);
    // The earlier import (ana) is still there.
    expect((await readJsonl<ItemResponse>(join(peopleDir(), 'responses.jsonl'))).some((response) => response.respondent === 'ana')).toBe(true);
  });

  it('imports the same file again without changing anything', async () => {
    const file = join(data, 'ana.csv');
    const before = [await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'questionnaire.jsonl'), 'utf8')];
    const { outcome } = await importing([file]);
    expect(outcome.report.details.added).toEqual({ responses: 0, questionnaire: 0 });
    expect([await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'questionnaire.jsonl'), 'utf8')]).toEqual(before);
  });

  it('refuses a conflicting re-import, naming the line, and changes nothing', async () => {
    const before = [await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'questionnaire.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'report.json'), 'utf8')];
    const file = await csv('ana-changed.csv', header + `ana,item,${items[20]!.id},A\nana,item,${items[0]!.id},B\n`);
    const error = (await importing([file]).catch((caught: unknown) => caught)) as ValactError;
    expect(error).toBeInstanceOf(ValactError);
    expect(error.message).toContain(`${file}:3:4: ana answered item ${items[0]!.id} "A" in an earlier import`);
    expect(error.message).toContain('nothing was imported');
    expect([await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'questionnaire.jsonl'), 'utf8'), await readFile(join(peopleDir(), 'report.json'), 'utf8')]).toEqual(before);
  });

  const item0 = () => items[0]!.id;
  it.each([
    ['an unknown item id', () => header + 'fay,item,sc_nope_act,A\n', ':2:3', /item "sc_nope_act" is not an item of release 1\.0\.0/],
    ['an unknown question id', () => header + `fay,item,${item0()},A\nfay,question,q99,3\n`, ':3:3', /question "q99" is not a question of/],
    ['an item answer outside A/B', () => header + `fay,item,${item0()},C\n`, ':2:4', /answer "C" to an item is not A, B or empty/],
    ['a rating off the scale', () => header + 'fay,question,q01,7\n', ':2:4', /not a whole number on the scale 1–6/],
    ['a rating that is not whole', () => header + 'fay,question,q01,4.5\n', ':2:4', /not a whole number on the scale/],
    ['a second answer to one id', () => header + `fay,item,${item0()},A\nfay,question,q01,2\nfay,item,${item0()},A\n`, ':4:3', /a second answer by fay to item .* \(the first is .*:2\)/],
    ['a person named like a model of the run', () => header + `gpt-test,item,${item0()},A\n`, ':2:1', /"gpt-test" is a model respondent of this run/],
    ['a kind that is neither', () => header + `fay,items,${item0()},A\n`, ':2:2', /kind "items" is neither item nor question/],
    ['a row with a stray comma', () => header + `fay,item,${item0()},A,extra\n`, ':2', /5 cells where the header has 4/],
    ['no header', () => `fay,item,${item0()},A\n`, ':1', /the header lacks the column\(s\) respondent, kind, id, answer/],
    ['a name that is no pseudonym', () => header + `fay smith,item,${item0()},A\n`, ':2:1', /respondent "fay smith" is not a name/],
    ['columns in another order', () => 'answer,kind,id,respondent\nA,item,sc_nope_act,fay\n', ':2:3', /not an item of release/],
  ])('refuses %s, naming file:line[:column], and imports nothing', async (_name, text, where, pattern) => {
    const before = await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8');
    const file = await csv('fay.csv', `${text()}`);
    // A good file alongside: nothing of it is imported either.
    const good = await csv('gus.csv', header + `gus,item,${items[3]!.id},A\n`);
    const error = (await importing([good, file]).catch((caught: unknown) => caught)) as ValactError;
    expect(error).toBeInstanceOf(ValactError);
    expect(error.code).toBe('input');
    const line = error.message.split('\n').find((candidate) => candidate.includes(`${file}${where}:`));
    expect(line, error.message).toBeDefined();
    expect(line).toMatch(pattern);
    expect(await readFile(join(peopleDir(), 'responses.jsonl'), 'utf8')).toBe(before);
  });

  it('refuses page answers that do not belong to their packet or to the run\'s release, naming file and line', async () => {
    const ctx = contextFor(data);
    const survey = await prepareSurvey(ctx, { respondent: 'hal', scenarios: 1, seed: 2, release: releaseDir });
    const id = (survey.packet.entries[0] as PacketItem).item_id;
    const base = { packet_id: survey.packet.header.packet_id, respondent: 'hal' };
    await writeFile(
      survey.answersFile,
      [
        { ...base, entry: 'item', id, answer: 'A' },
        { ...base, packet_id: 'pelsewhere', entry: 'item', id, answer: 'A' },
        { ...base, entry: 'question', id: 'q01', rating: 9 },
        { ...base, entry: 'item', id: items.find((item) => !survey.packet.entries.some((entry) => entry.entry === 'item' && entry.item_id === item.id))!.id, answer: 'B' },
      ]
        .map((answer) => JSON.stringify(answer))
        .join('\n') + '\nnot json\n',
    );
    const message = ((await importing([survey.answersFile]).catch((caught: unknown) => caught)) as ValactError).message;
    expect(message).toContain(`${survey.answersFile}:2: an answer by hal to packet pelsewhere`);
    expect(message).toContain(`${survey.answersFile}:3: rating 9 is off the scale 1–6`);
    expect(message).toMatch(new RegExp(`${survey.answersFile}:4: item "sc_\\w+" is not in the packet`));
    expect(message).toContain(`${survey.answersFile}:5: not JSON`);

    // A packet drawn from another release is refused as a whole, at its first line.
    const { dir: other } = await makeRelease(data, '2.0.0', 3);
    const stranger = await prepareSurvey(ctx, { respondent: 'ivy', scenarios: 1, seed: 2, release: other });
    await writeFile(stranger.answersFile, JSON.stringify({ packet_id: stranger.packet.header.packet_id, respondent: 'ivy', entry: 'question', id: 'q01', rating: 3 }) + '\n');
    const refused = ((await importing([stranger.answersFile]).catch((caught: unknown) => caught)) as ValactError).message;
    expect(refused).toContain(`${stranger.packetFile}:1: drawn from release 2.0.0`);
  });

  it('needs the run\'s release: from its manifest, or --release for a run of people only', async () => {
    const file = await csv('kim.csv', header + `kim,item,${items[2]!.id},B\n`);
    await expect(importing([file], 'no-such-run')).rejects.toThrow(/has no .*manifest\.json to name its release/);
    const { outcome } = await runPeopleImport(contextFor(data), { run: 'people-only', release: releaseDir, files: [file] });
    expect(outcome.report.details.responses).toBe(1);
    const { dir: other } = await makeRelease(data, '3.0.0', 1);
    await expect(runPeopleImport(contextFor(data), { run, release: other, files: [file] })).rejects.toThrow(/run r1 evaluated/);
  });
});

describe('evaluate import into a run of simulated respondents, then the report', () => {
  it('adds the person beside the models, refuses a model\'s name, and the report counts the person', async () => {
    const data = await tempDir();
    const { dir, items } = await makeRelease(data);
    const io = captureIo();
    expect(await main(['evaluate', 'run', '--data', data, '--release', dir, '--run', 'mixed', '--quiet'], io), io.err()).toBe(0);
    const ctx = contextFor(data);
    const models = (JSON.parse(await readFile(join(data, 'eval', 'mixed', 'answers', 'manifest.json'), 'utf8')) as { respondents: { name: string }[] }).respondents.map((respondent) => respondent.name);
    const collide = join(data, 'collide.csv');
    await writeFile(collide, `respondent,kind,id,answer\n${models[0]},item,${items[0]!.id},A\n`);
    await expect(evaluateImportCommand.run(ctx, { run: 'mixed', files: [collide] })).rejects.toThrow(new RegExp(`collide\\.csv:2:1: respondent "${models[0]}" is a model respondent`));

    // One person answers every act and act_swapped of the release the same way round, and the questionnaire.
    const file = join(data, 'person.csv');
    const rows = items.filter((item) => item.type === 'act' || item.type === 'act_swapped').map((item) => `zoe,item,${item.id},${item.key.target_label}`);
    rows.push(...questionnaire.questions.map((question, index) => `zoe,question,${question.id},${(index % 6) + 1}`));
    await writeFile(file, `respondent,kind,id,answer\n${rows.join('\n')}\n`);
    const result = await evaluateImportCommand.run(ctx, { run: 'mixed', files: [file] });
    expect(result.summary[0]).toContain('evaluate import: 40 item answers and 30 questionnaire answers from zoe');
    const evaluation = JSON.parse(await readFile(join(data, 'eval', 'mixed', 'eval.json'), 'utf8')) as { summary: { people: number }; respondents: { name: string; kind: string }[] };
    expect(evaluation.summary.people).toBe(1);
    expect(evaluation.respondents).toContainEqual({ name: 'zoe', kind: 'person', simulated: false });
  }, 60_000);
});
