/**
 * The house's floors, kept by a test. The library floor (core/, llm/, values.ts, text.ts,
 * records.ts, removal.ts, json-schemas.ts, stats.ts, svg.ts) imports nothing above it; a stage folder imports the library, its own
 * files, and of another stage only that stage's contract.ts (its outputs, reasons and report
 * shape); the command floor (cli.ts, commands.ts, stages.ts, config.ts, pipeline-command.ts)
 * wires the stages together. No import cycle anywhere, type-only imports and lazy
 * `import()` included.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const PIPELINE = resolve(import.meta.dirname, '..', 'pipeline');
const LIBRARY_FILES = new Set(['values.ts', 'text.ts', 'records.ts', 'removal.ts', 'json-schemas.ts', 'stats.ts', 'svg.ts']);
const LIBRARY_FOLDERS = new Set(['core', 'llm']);
const COMMAND_FLOOR = new Set(['cli.ts', 'commands.ts', 'stages.ts', 'config.ts', 'pipeline-command.ts']);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|js)$/.test(entry) ? [path] : [];
  });
}

/** Relative imports of a file: static, re-exports, type-only and dynamic. */
export function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of source.matchAll(/(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of source.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

type Floor = { kind: 'library' } | { kind: 'stage'; stage: string } | { kind: 'command' };

function floorOf(file: string): Floor {
  const parts = relative(PIPELINE, file).split('/');
  if (parts.length === 1) {
    if (LIBRARY_FILES.has(parts[0]!)) return { kind: 'library' };
    if (COMMAND_FLOOR.has(parts[0]!)) return { kind: 'command' };
    throw new Error(`pipeline/${parts[0]} belongs to no floor: add it to a floor in tests/architecture.test.ts`);
  }
  return LIBRARY_FOLDERS.has(parts[0]!) ? { kind: 'library' } : { kind: 'stage', stage: parts[0]! };
}

function graph(): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const file of sourceFiles(PIPELINE)) {
    edges.set(file, importsOf(readFileSync(file, 'utf8')).map((specifier) => resolve(dirname(file), specifier)));
  }
  return edges;
}

/** Why an import breaks the floors, or null when it is allowed. */
export function violation(from: string, to: string): string | null {
  const source = floorOf(from);
  const target = floorOf(to);
  if (source.kind === 'library' && target.kind !== 'library') return 'the library floor imports from above it';
  if (source.kind === 'stage' && target.kind === 'command') return 'a stage imports the command floor';
  if (source.kind === 'stage' && target.kind === 'stage' && source.stage !== target.stage && !to.endsWith('/contract.ts')) {
    return `a stage reaches into ${target.stage}'s internals (only ${target.stage}/contract.ts is public)`;
  }
  return null;
}

function findCycle(edges: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

const name = (file: string) => relative(PIPELINE, file);

describe('the import graph', () => {
  const edges = graph();

  it('resolves every relative import to a file of the pipeline', () => {
    const missing = [...edges].flatMap(([from, targets]) => targets.filter((to) => !edges.has(to)).map((to) => `${name(from)} -> ${to}`));
    expect(missing).toEqual([]);
  });

  it('has no cycle', () => {
    expect(findCycle(edges)?.map(name) ?? null).toBeNull();
  });

  it('keeps the floors: library below stages, stages meeting only through contracts', () => {
    const broken = [...edges].flatMap(([from, targets]) =>
      targets.flatMap((to) => {
        const why = violation(from, to);
        return why ? [`${name(from)} -> ${name(to)}: ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  // The checks themselves must be able to fail.
  it.each([
    ['core/stage.ts', 'filter/run.ts', 'the library floor imports from above it'],
    ['llm/client.ts', 'config.ts', 'the library floor imports from above it'],
    ['release/run.ts', 'validate/run.ts', "a stage reaches into validate's internals (only validate/contract.ts is public)"],
    ['generate/run.ts', 'cli.ts', 'a stage imports the command floor'],
    ['release/run.ts', 'validate/contract.ts', null],
    ['cli.ts', 'filter/run.ts', null],
  ])('judges %s -> %s', (from, to, expected) => {
    expect(violation(join(PIPELINE, from), join(PIPELINE, to))).toBe(expected);
  });

  it('finds a cycle when there is one', () => {
    expect(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]))).toEqual(['a', 'b', 'c', 'a']);
  });
});
