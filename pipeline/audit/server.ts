/**
 * `valact audit serve --packet FILE`: the annotation page, served on 127.0.0.1 by node:http.
 * One scenario at a time; every answer is appended to `<packet>.answers.jsonl` and synced to
 * disk before the page hears "saved", so a closed tab or a killed server loses nothing, and the
 * page reopens at the first unanswered item. The page is one self-contained HTML file.
 */
import { appendFile, open, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { ValactError } from '../core/errors.ts';
import { VALUES, VALUE_IDS, isValueId } from '../values.ts';
import { PageAnswerSchema, type PacketRow, type PageAnswer } from './packets.ts';
import { readJsonBody, send } from '../core/http.ts';

const PAGE = fileURLToPath(new URL('./annotate.html', import.meta.url));
/** The most an answer may weigh: a comment, not a file. */
const MAX_BODY_BYTES = 64 * 1024;

export interface AnnotationServer {
  url: string;
  answersFile: string;
  close(): Promise<void>;
}

export function answersFileFor(packet: string): string {
  return packet.replace(/\.(jsonl|csv)$/i, '') + '.answers.jsonl';
}

async function readPacket(packet: string): Promise<PacketRow[]> {
  let text: string;
  try {
    text = await readFile(packet, 'utf8');
  } catch (error) {
    throw new ValactError('input', `cannot read packet ${packet}: ${(error as Error).message}`, { hint: 'Give an annotator\'s .jsonl packet from `valact audit export`.' });
  }
  if (!packet.endsWith('.jsonl')) throw new ValactError('usage', `${packet}: serve the packet's .jsonl file (the .csv is for spreadsheets)`);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as PacketRow;
      } catch (error) {
        throw new ValactError('input', `${packet}:${index + 1}: not JSON: ${(error as Error).message}`);
      }
    });
}

/** Answers saved so far, the last one per item (going back and answering again replaces it). */
async function savedAnswers(file: string): Promise<Map<string, PageAnswer>> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const answers = new Map<string, PageAnswer>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const answer = PageAnswerSchema.parse(JSON.parse(line));
      answers.set(answer.scenario_id, answer);
    } catch {
      // A line torn by a kill mid-write: that answer was never confirmed to the page.
    }
  }
  return answers;
}

/** Append one line and sync it to disk: the page hears "saved" only once it is. */
async function appendDurably(file: string, line: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.appendFile(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function startAnnotationServer(packet: string, port = 0): Promise<AnnotationServer> {
  const rows = await readPacket(packet);
  if (rows.length === 0) throw new ValactError('input', `${packet} holds no items`);
  const answersFile = answersFileFor(packet);
  // Make sure the answers file exists, so a reader can always open it.
  await appendFile(answersFile, '');
  const page = await readFile(PAGE, 'utf8');
  const byScenario = new Map(rows.map((row) => [row.scenario_id, row]));
  const values = VALUE_IDS.map((id, index) => ({ id, key: String((index + 1) % 10), label: VALUES[id].label, definition: VALUES[id].definition }));

  const server: Server = createServer((request, response) => {
    void (async () => {
      try {
        const route = `${request.method} ${new URL(request.url ?? '/', 'http://127.0.0.1').pathname}`;
        if (route === 'GET /') return send(response, 200, page, 'text/html; charset=utf-8');
        if (route === 'GET /api/state') {
          const answers = await savedAnswers(answersFile);
          const items = rows.map((row) => ({ position: Number(row.position), scenario_id: row.scenario_id, situation: row.situation, option_1: row.option_1, option_2: row.option_2 }));
          const next = items.find((item) => !answers.has(item.scenario_id))?.position ?? null;
          return send(response, 200, { sample_id: rows[0]!.sample_id, annotator: rows[0]!.annotator, values, items, answers: Object.fromEntries(answers), next });
        }
        if (route === 'POST /api/answer') {
          const body = await readJsonBody(request, PageAnswerSchema, MAX_BODY_BYTES);
          if ('error' in body) return send(response, 400, { error: body.error });
          const answer: PageAnswer = body.value;
          const row = byScenario.get(answer.scenario_id);
          const problem = !row
            ? `scenario ${answer.scenario_id} is not in this packet`
            : answer.sample_id !== row.sample_id || answer.annotator !== row.annotator
              ? 'the answer names another sample or annotator'
              : [answer.option_1, answer.option_2].some((option) => !isValueId(option.value) || (option.second_value !== null && !isValueId(option.second_value)))
                ? 'a value that is not one of the ten'
                : null;
          if (problem) return send(response, 400, { error: problem });
          await appendDurably(answersFile, JSON.stringify(answer) + '\n');
          const answers = await savedAnswers(answersFile);
          return send(response, 200, { saved: true, answered: answers.size, total: rows.length });
        }
        send(response, 404, { error: `no route ${route}` });
      } catch (error) {
        send(response, 500, { error: (error as Error).message });
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new ValactError('usage', `cannot listen on 127.0.0.1:${port}: ${error.message}`, { hint: 'Pick another --port.' })));
    server.listen(port, '127.0.0.1', resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}/`,
    answersFile,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
