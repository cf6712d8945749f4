/**
 * The human half of `valact evaluate`: `survey` serves one person a packet of a release's items
 * and the questionnaire on a local page; `import` brings people's answers (the page's, or a
 * CSV from another survey tool) into a run, beside the models'.
 */
import { join } from 'node:path';
import type { CommandSpec, OptionSpec } from '../core/command.ts';
import type { StageResult } from '../core/context.ts';
import { ValactError } from '../core/errors.ts';
import { pathExists } from '../core/files.ts';
import type { EvaluateContext } from './answering.ts';

const QUESTIONNAIRE_OPTION: OptionSpec = {
  name: 'questionnaire',
  kind: 'string',
  placeholder: 'FILE',
  config: 'evaluate.questionnaire',
  description: 'A questionnaire file in the format of prompts/questionnaire.v1.md (default: that file, which is not a validated instrument).',
};

const stringArg = (args: Record<string, unknown>, name: string) => (typeof args[name] === 'string' ? (args[name] as string) : undefined);
const integerArg = (args: Record<string, unknown>, name: string, fallback: number) => (typeof args[name] === 'number' ? (args[name] as number) : fallback);

/** Defaults of `evaluate survey`. */
export const SURVEY_DEFAULTS = { scenarios: 20, seed: 1, port: 8378 } as const;

export const evaluateSurveyCommand: CommandSpec<EvaluateContext> = {
  name: 'evaluate survey',
  summary: 'Serve one person a sample of a release\'s items and the questionnaire on 127.0.0.1 (answers saved as they are given)',
  options: [
    { name: 'release', kind: 'string', placeholder: 'DIR', default: null, description: 'The release folder to draw from (default: the newest under DATA/release/).' },
    { name: 'respondent', kind: 'string', placeholder: 'NAME', default: null, description: 'The person\'s name in every report: a pseudonym of letters, digits, dot, dash or underscore (required).' },
    { name: 'scenarios', kind: 'integer', placeholder: 'N', default: SURVEY_DEFAULTS.scenarios, description: 'Scenarios drawn, stratified by target value; the person answers all five items of each.' },
    { name: 'seed', kind: 'integer', placeholder: 'N', default: SURVEY_DEFAULTS.seed, description: 'Seed of the draw (the same for everyone drawn with it) and, with the name, of the person\'s order.' },
    { name: 'port', kind: 'integer', placeholder: 'N', default: SURVEY_DEFAULTS.port, description: 'Port on 127.0.0.1 (0 = any free port).' },
    QUESTIONNAIRE_OPTION,
  ],
  notes: [
    'The packet is written once to DATA/eval/people/<NAME>/packet.jsonl (the items\' text and options, never their values or keys; then the questionnaire). Serving again with other settings or another release is refused.',
    'Answers are appended to DATA/eval/people/<NAME>/answers.jsonl and synced to disk before the page shows them saved; reopening resumes at the first unanswered entry.',
    'Keys: A / B (or 1 / 2) choose an option, 1–6 a point of the questionnaire\'s scale, P prefer not to answer (recorded as refused), Enter saves and goes on, ← back. Stop the server with Ctrl-C.',
    'Import the answers into a run with `valact evaluate import DATA/eval/people/<NAME>/answers.jsonl --run NAME`.',
  ],
  async run(ctx, args): Promise<StageResult> {
    const respondent = stringArg(args, 'respondent');
    if (respondent === undefined) throw new ValactError('usage', 'evaluate survey needs --respondent NAME (a pseudonym for the person answering)');
    const { prepareSurvey } = await import('./people.ts');
    const { startSurveyServer } = await import('./survey-server.ts');
    const release = stringArg(args, 'release');
    const survey = await prepareSurvey(ctx, {
      respondent,
      scenarios: integerArg(args, 'scenarios', SURVEY_DEFAULTS.scenarios),
      seed: integerArg(args, 'seed', SURVEY_DEFAULTS.seed),
      ...(release !== undefined ? { release } : {}),
    });
    const server = await startSurveyServer(survey.directory, { port: integerArg(args, 'port', SURVEY_DEFAULTS.port), log: ctx.log });
    const { header } = survey.packet;
    process.stdout.write(
      [
        `survey page: ${server.url}`,
        `${survey.created ? 'drew' : 'reusing'} packet ${header.packet_id} for ${header.respondent}: ${header.items} items of ${header.drawn} scenarios from release ${header.release.version}, then ${header.questions} questions (${server.answered()} of ${server.total} answered so far)`,
        `answers: ${server.answersFile}`,
        'Ctrl-C to stop (every answer is already on disk)',
        '',
      ].join('\n'),
    );
    const signal = await new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const answered = server.answered();
    await server.close();
    return { stage: 'evaluate survey', summary: [`evaluate survey: stopped (${signal}); ${header.respondent} answered ${answered} of ${server.total}; answers in ${server.answersFile}`] };
  },
};

export const evaluateImportCommand: CommandSpec<EvaluateContext> = {
  name: 'evaluate import',
  summary: 'Import people\'s answers (the survey page\'s answers.jsonl, or a CSV) into a run; then the report',
  options: [
    { name: 'run', kind: 'string', placeholder: 'NAME', default: null, description: 'The run under DATA/eval/ the answers join (required).' },
    { name: 'release', kind: 'string', placeholder: 'DIR', default: null, description: 'The release, for a run with no answers/manifest.json naming it (default: the run\'s).' },
    QUESTIONNAIRE_OPTION,
  ],
  positionals: 'files',
  notes: [
    'A .jsonl file is a survey page\'s answers.jsonl, read with the packet.jsonl beside it.',
    'A .csv file has a header and the columns respondent,kind,id,answer (any order; other columns ignored): kind item with an item id of the release and answer A, B or empty (prefer not to answer); kind question with a question id and a whole number on the questionnaire\'s scale, or empty.',
    'Refuses, naming file, line and column, unknown item or question ids, answers outside A/B or the scale, two answers by one person to one id, and a person named like one of the run\'s models; nothing is half-imported.',
    'Writes DATA/eval/<run>/people/responses.jsonl and questionnaire.jsonl (kind "person", repeat 0), merged with earlier imports: importing a file again changes nothing; a different answer to the same id is refused.',
  ],
  async run(ctx, args): Promise<StageResult> {
    const run = stringArg(args, 'run');
    if (run === undefined) throw new ValactError('usage', 'evaluate import needs --run NAME (the run under DATA/eval/ the answers join)');
    const { runPeopleImport } = await import('./people.ts');
    const release = stringArg(args, 'release');
    const files = Array.isArray(args.files) ? (args.files as string[]) : [];
    const { outcome } = await runPeopleImport(ctx, { run, files, ...(release !== undefined ? { release } : {}) });
    const details = outcome.report.details;
    const imported = [
      `evaluate import: ${details.imported.responses} item answers and ${details.imported.questionnaire} questionnaire answers from ${details.respondents.join(', ')} (${details.added.responses + details.added.questionnaire} new); run ${details.run} now holds ${details.people} person(s): ${details.responses} item answers, ${details.questionnaire} questionnaire answers (${Object.entries(details.statuses).map(([status, count]) => `${count} ${status}`).join(', ')})`,
      `  ${join(outcome.outputDir, 'responses.jsonl')}, ${join(outcome.outputDir, 'questionnaire.jsonl')}`,
    ];
    // The report needs the run's model answers; a run of people only is reported once it has them.
    const { evalPaths } = await import('./published.ts');
    if (!(await pathExists(join(evalPaths(ctx, run).answers, 'report.json')))) {
      return { stage: 'evaluate import', reportPath: outcome.reportPath, upToDate: false, summary: [...imported, `  no model answers in run ${run} yet: \`valact evaluate report --run ${run}\` once it has them`] };
    }
    const { reportEvaluation } = await import('./evaluation.ts');
    const reported = await reportEvaluation(ctx, { run });
    return { ...reported, summary: [...imported, ...reported.summary] };
  },
};
