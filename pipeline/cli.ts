/**
 * The `valact` command line: the only place that reads argv, prints errors and chooses the
 * exit code. Commands are declared as data in each stage's command.ts and loaded from here.
 */
import { parseArgs } from 'node:util';
import { COMMANDS } from './commands.ts';
import type { CommandEntry, CommandGroup } from './stages.ts';
import { ConfigSchema, DEFAULT_CONFIG, getConfigValue, loadConfig, withConfigValue, type Config } from './config.ts';
import { SHARED_OPTIONS, type CommandSpec, type OptionSpec } from './core/command.ts';
import { createContext } from './core/context.ts';
import { ValactError, asIoError, isValactError } from './core/errors.ts';
import { describeZodError } from './core/jsonl.ts';

export interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: Readonly<Record<string, string | undefined>>;
}

const defaultIo = (): Io => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

function topLevelHelp(): string {
  const width = Math.max(...COMMANDS.map(({ name }) => name.length));
  const lines = [
    'valact — build, re-build and audit value-alignment benchmarks from Reddit advice posts',
    '',
    'Usage: valact <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(({ name, summary }) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'Run `valact <command> --help` for a command\'s options and their defaults.',
  ];
  return lines.join('\n') + '\n';
}

function groupHelp(group: CommandGroup): string {
  const width = Math.max(...group.subcommands.map(({ name }) => name.length));
  return [
    `valact ${group.name} — ${group.summary}`,
    '',
    `Usage: valact ${group.name} <subcommand> [options]`,
    '',
    'Subcommands:',
    ...group.subcommands.map(({ name, summary }) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    `Run \`valact ${group.name} <subcommand> --help\` for its options and their defaults.`,
  ].join('\n') + '\n';
}

function describeDefault(option: OptionSpec): string {
  const value = option.config ? getConfigValue(DEFAULT_CONFIG, option.config) : option.default;
  if (value === undefined || value === null) return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function flagText(option: OptionSpec): string {
  if (option.kind === 'boolean') return `--${option.name}`;
  const placeholder = option.choices ? option.choices.join('|') : (option.placeholder ?? 'VALUE');
  return `--${option.name} <${placeholder}>`;
}

function commandHelp(spec: CommandSpec): string {
  const all = [...spec.options, ...SHARED_OPTIONS];
  const width = Math.max(...all.map((option) => flagText(option).length));
  const row = (option: OptionSpec) =>
    `  ${flagText(option).padEnd(width)}  ${option.description} (default: ${describeDefault(option)})`;
  const lines = [
    `valact ${spec.name} — ${spec.summary}`,
    '',
    `Usage: valact ${spec.name} [options]${spec.positionals ? ` [${spec.positionals.toUpperCase()}...]` : ''}`,
    '',
    'Options:',
    ...spec.options.map(row),
    '',
    'Shared options:',
    ...SHARED_OPTIONS.map(row),
    `  ${'-h, --help'.padEnd(width)}  Show this help.`,
  ];
  if (spec.notes?.length) lines.push('', ...spec.notes);
  return lines.join('\n') + '\n';
}

function convertOption(option: OptionSpec, raw: string | boolean | (string | boolean)[]): unknown {
  const fail = (rule: string, received: unknown) =>
    new ValactError('usage', `--${option.name} must be ${rule}; received ${JSON.stringify(received)}`);
  switch (option.kind) {
    case 'boolean':
      return raw === true;
    case 'number': {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) throw fail('a number', raw);
      return value;
    }
    case 'integer': {
      const value = Number(raw);
      if (!Number.isInteger(value)) throw fail('a whole number', raw);
      return value;
    }
    case 'list':
      return String(raw)
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
    case 'multiple':
      return (Array.isArray(raw) ? raw : [raw]).map(String);
    case 'string': {
      const value = String(raw);
      if (option.choices && !option.choices.includes(value)) throw fail(`one of ${option.choices.join(', ')}`, value);
      return value;
    }
  }
}

interface ParsedCommandLine {
  help: boolean;
  values: Record<string, unknown>;
}

function parseCommandLine(spec: CommandSpec, argv: string[]): ParsedCommandLine {
  const all = [...spec.options, ...SHARED_OPTIONS];
  const parseOptions: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const option of all) {
    parseOptions[option.name] = {
      type: option.kind === 'boolean' ? 'boolean' : 'string',
      ...(option.kind === 'multiple' ? { multiple: true } : {}),
    };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: parseOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new ValactError('usage', `valact ${spec.name}: ${(error as Error).message}`, {
      hint: `Run \`valact ${spec.name} --help\` for the options.`,
    });
  }
  const values: Record<string, unknown> = {};
  for (const option of all) {
    const raw = parsed.values[option.name];
    if (raw !== undefined) values[option.name] = convertOption(option, raw);
  }
  if (parsed.positionals.length > 0) {
    if (!spec.positionals) {
      throw new ValactError('usage', `valact ${spec.name} takes no arguments; received ${parsed.positionals.join(' ')}`);
    }
    const existing = (values[spec.positionals] as string[] | undefined) ?? [];
    values[spec.positionals] = [...existing, ...parsed.positionals];
  }
  return { help: parsed.values.help === true, values };
}

/** Apply flags that override config fields, then validate the result once. */
function applyConfigFlags(spec: CommandSpec, config: Config, values: Record<string, unknown>): Config {
  let merged = config;
  for (const option of spec.options) {
    if (option.config && values[option.name] !== undefined) {
      merged = withConfigValue(merged, option.config, values[option.name]);
    }
  }
  const result = ConfigSchema.safeParse(merged);
  if (!result.success) {
    const flags = spec.options.filter((option) => option.config && values[option.name] !== undefined);
    throw new ValactError('usage', `invalid option value: ${describeZodError(result.error)}`, {
      hint: flags.length > 0 ? `Check ${flags.map((flag) => `--${flag.name}`).join(', ')}.` : undefined,
    });
  }
  return result.data;
}

/** Run the CLI; returns the exit code. Never throws. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [commandName, ...rest] = argv;
  if (commandName === undefined || commandName === '--help' || commandName === '-h' || commandName === 'help') {
    io.stdout.write(topLevelHelp());
    return commandName === undefined ? 2 : 0;
  }
  try {
    const found = COMMANDS.find(({ name }) => name === commandName);
    if (!found) {
      throw new ValactError('usage', `unknown command "${commandName}"`, {
        hint: `Commands: ${COMMANDS.map(({ name }) => name).join(', ')}.`,
      });
    }
    let entry: CommandEntry;
    let args = rest;
    if ('subcommands' in found) {
      const [subcommandName, ...subcommandArgs] = rest;
      if (subcommandName === undefined || subcommandName === '--help' || subcommandName === '-h') {
        io.stdout.write(groupHelp(found));
        return subcommandName === undefined ? 2 : 0;
      }
      const subcommand = found.subcommands.find(({ name }) => name === subcommandName);
      if (!subcommand) {
        throw new ValactError('usage', `unknown command "${commandName} ${subcommandName}"`, {
          hint: `Subcommands of ${commandName}: ${found.subcommands.map(({ name }) => name).join(', ')}.`,
        });
      }
      entry = subcommand;
      args = subcommandArgs;
    } else {
      entry = found;
    }
    const spec = await entry.load();
    const { help, values } = parseCommandLine(spec, args);
    if (help) {
      io.stdout.write(commandHelp(spec));
      return 0;
    }
    const config = applyConfigFlags(spec, await loadConfig((values.config as string | undefined) ?? null), values);
    const ctx = createContext({
      dataDir: (values.data as string | undefined) ?? 'data',
      config,
      force: values.force === true,
      allowEmpty: values['allow-empty'] === true,
      quiet: values.quiet === true,
      env: io.env,
      stderr: io.stderr,
    });
    const result = await spec.run(ctx, values);
    io.stdout.write(result.summary.join('\n') + '\n');
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(thrown: unknown, io: Io): number {
  // A permission or disk-full error is the machine's, not a bug: name the path and what to do.
  const error = asIoError(thrown);
  if (isValactError(error)) {
    io.stderr.write(`error [${error.code}]: ${error.message}\n`);
    if (error.hint) io.stderr.write(`  ${error.hint}\n`);
    return error.exitCode;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr.write(`internal error: ${detail}\n  This is a bug in valact; please report it with the command you ran.\n`);
  return 70;
}
