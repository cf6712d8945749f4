/**
 * The survey page of `valact evaluate survey`, served on 127.0.0.1 by node:http: one person's
 * packet, one entry at a time. Every answer is appended to answers.jsonl and synced to disk
 * before the page hears "saved", so a closed tab or a killed server loses nothing, and the page
 * reopens at the first unanswered entry. The page is one self-contained HTML file (survey.html).
 *
 * The audit's annotation page (audit/server.ts) works the same way; its helpers are private to
 * the audit stage, and a stage may not reach into another's internals, so the few lines of HTTP
 * plumbing are repeated here. The durable append is the library's journal (core/journal.ts).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ValactError } from '../core/errors.ts';
import { JournalWriter, recoverJournal } from '../core/journal.ts';
import { acquireStageLock, type StageLock } from '../core/lock.ts';
import { PageAnswerSchema, SURVEY_FILES, entryIdOf, entryKey, readPacket, type PacketEntry, type PageAnswer } from './people.ts';
import { readJsonBody, send } from '../core/http.ts';

const PAGE = fileURLToPath(new URL('./survey.html', import.meta.url));
/** The most an answer may weigh: a letter or a number, with ids. */
const MAX_BODY_BYTES = 16 * 1024;

export interface SurveyServer {
  url: string;
  answersFile: string;
  /** Entries answered so far, of `total`. */
  answered(): number;
  total: number;
  close(): Promise<void>;
}

export interface SurveyServerOptions {
  /** Port on 127.0.0.1; 0 = any free port. */
  port: number;
  log?: { warn(message: string): void; info(message: string): void };
}

/** An entry as the page shows it: the text and the choices, nothing else of the packet. */
function shown(entry: PacketEntry) {
  return entry.entry === 'item'
    ? { entry: 'item' as const, id: entry.item_id, prompt: entry.prompt, options: entry.options }
    : { entry: 'question' as const, id: entry.question_id, text: entry.text, scale: entry.scale };
}

/**
 * Serve the packet in `directory` (DATA/eval/people/<name>/). Holds the folder's lock while it
 * runs, so two servers never append to one answers file.
 */
export async function startSurveyServer(directory: string, options: SurveyServerOptions): Promise<SurveyServer> {
  const log = options.log ?? { warn: (message: string) => process.stderr.write(`${message}\n`), info: () => undefined };
  const packetFile = join(directory, SURVEY_FILES.packet);
  const answersFile = join(directory, SURVEY_FILES.answers);
  const packet = await readPacket(packetFile);
  const { header } = packet;
  if (packet.entries.length === 0) throw new ValactError('input', `${packetFile} holds no entries`);
  const byKey = new Map(packet.entries.map((entry) => [entryKey(entry.entry, entryIdOf(entry)), entry]));

  const lock: StageLock = await acquireStageLock(directory, 'evaluate-survey', log);
  let journal: JournalWriter<PageAnswer> | null = null;
  let server: Server | null = null;
  try {
    // A line torn by a kill was never confirmed to the page: cut it off, then read what was saved.
    const { records, tornBytes } = await recoverJournal<unknown>(answersFile);
    if (tornBytes > 0) log.info(`evaluate survey: cut a torn last line (${tornBytes} bytes, never confirmed to the page) off ${answersFile}`);
    const answers = new Map<string, 'A' | 'B' | number | null>();
    for (const { line, record } of records) {
      const parsed = PageAnswerSchema.safeParse(record);
      if (!parsed.success || parsed.data.packet_id !== header.packet_id || parsed.data.respondent !== header.respondent) {
        throw new ValactError('input', `${answersFile}:${line}: not an answer to ${header.respondent}'s packet ${header.packet_id}`, {
          hint: `The answers file belongs with the packet beside it; move ${directory} aside if it was mixed up.`,
        });
      }
      // Going back and answering again replaces the earlier answer.
      answers.set(entryKey(parsed.data.entry, parsed.data.id), parsed.data.entry === 'item' ? parsed.data.answer : parsed.data.rating);
    }
    journal = await JournalWriter.open<PageAnswer>(answersFile);
    const page = await readFile(PAGE, 'utf8');
    const entries = packet.entries.map(shown);
    const writer = journal;

    server = createServer((request, response) => {
      void (async () => {
        try {
          const route = `${request.method} ${new URL(request.url ?? '/', 'http://127.0.0.1').pathname}`;
          if (route === 'GET /') return send(response, 200, page, 'text/html; charset=utf-8');
          if (route === 'GET /api/state') {
            const next = entries.findIndex((entry) => !answers.has(entryKey(entry.entry, entry.id)));
            return send(response, 200, { respondent: header.respondent, packet_id: header.packet_id, entries, answers: Object.fromEntries(answers), next: next === -1 ? null : next });
          }
          if (route === 'POST /api/answer') {
            const body = await readJsonBody(request, PageAnswerSchema, MAX_BODY_BYTES);
            if ('error' in body) return send(response, 400, { error: body.error });
            const answer: PageAnswer = body.value;
            const entry = byKey.get(entryKey(answer.entry, answer.id));
            const problem =
              answer.packet_id !== header.packet_id || answer.respondent !== header.respondent
                ? 'the answer names another packet or respondent'
                : !entry
                  ? `${answer.entry} ${answer.id} is not in this packet`
                  : entry.entry === 'question' && answer.entry === 'question' && answer.rating !== null && (answer.rating < entry.scale.min || answer.rating > entry.scale.max)
                    ? `rating ${answer.rating} is off the scale ${entry.scale.min}–${entry.scale.max}`
                    : null;
            if (problem) return send(response, 400, { error: problem });
            // On disk before the page hears of it: a kill after this line loses nothing the person saw saved.
            await writer.append(answer);
            await writer.sync();
            answers.set(entryKey(answer.entry, answer.id), answer.entry === 'item' ? answer.answer : answer.rating);
            return send(response, 200, { saved: true, answered: answers.size, total: entries.length });
          }
          send(response, 404, { error: `no route ${route}` });
        } catch (error) {
          send(response, 500, { error: (error as Error).message });
        }
      })();
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once('error', (error) => reject(new ValactError('usage', `cannot listen on 127.0.0.1:${options.port}: ${error.message}`, { hint: 'Pick another --port (0 = any free port).' })));
      listening.listen(options.port, '127.0.0.1', resolve);
    });
    const { port } = listening.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/`,
      answersFile,
      answered: () => answers.size,
      total: entries.length,
      close: async () => {
        await new Promise<void>((resolve) => {
          listening.closeAllConnections();
          listening.close(() => resolve());
        });
        await writer.close();
        await lock.release();
      },
    };
  } catch (error) {
    server?.close();
    await journal?.close();
    await lock.release();
    throw error;
  }
}
