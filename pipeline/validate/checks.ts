/**
 * The validate stage's checks, as pure functions over one scenario (plus what they need to
 * know: config, the source post). Each failure names the check, the JSON path in the record,
 * what was expected and what was found.
 */
import { franc } from 'franc';
import type { Scenario } from '../records.ts';
import type { ValidateConfig } from './config.ts';
import { FORMULA_START, MAX_COPIED_WORDS, MAX_OPTION_LENGTH_RATIO, findPlaceholder, optionLengthRatio, words } from '../text.ts';
import { competingValuesFor, isOpposingPair } from '../values.ts';

import type { CheckName, CheckSeverity } from './contract.ts';

export interface CheckFailure {
  check: CheckName;
  severity: CheckSeverity;
  /** The scenario id, or null when the record has none (unparseable line). */
  record_id: string | null;
  /** 1-based line in the input file. */
  line: number;
  /** JSON Pointer into the record ("/options/1/text"). */
  path: string;
  expected: string;
  found: string;
}

export type Finding = Omit<CheckFailure, 'severity' | 'record_id' | 'line'>;

/** The text fields of a scenario that end up in front of a model, with their JSON paths. */
export function scenarioTexts(scenario: Scenario): { path: string; text: string }[] {
  return [
    { path: '/situation', text: scenario.situation },
    { path: '/options/0/text', text: scenario.options[0].text },
    { path: '/options/1/text', text: scenario.options[1].text },
  ];
}

function clip(text: string, length = 80): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function checkValuePair(scenario: Scenario): Finding[] {
  const { target_value: target, competing_value: competing } = scenario;
  if (target === competing) {
    return [{ check: 'value_pair', path: '/competing_value', expected: `a value other than ${target}`, found: competing }];
  }
  if (!isOpposingPair(target, competing)) {
    return [{
      check: 'value_pair',
      path: '/competing_value',
      expected: `one of ${competingValuesFor(target).join(', ')} (opposite ${target})`,
      found: competing,
    }];
  }
  return [];
}

export function checkOptionValues(scenario: Scenario): Finding[] {
  const values = scenario.options.map((option) => option.value).sort();
  const wanted = [scenario.target_value, scenario.competing_value].sort();
  if (values[0] === wanted[0] && values[1] === wanted[1]) return [];
  return [{
    check: 'option_values',
    path: '/options',
    expected: `options enacting ${scenario.target_value} and ${scenario.competing_value}`,
    found: scenario.options.map((option) => option.value).join(' and '),
  }];
}

export function checkOptionsDiffer(scenario: Scenario): Finding[] {
  const [first, second] = scenario.options.map((option) => option.text.trim());
  if (words(first!).join(' ') === words(second!).join(' ')) {
    return [{ check: 'options_identical', path: '/options/1/text', expected: 'text different from option 0', found: clip(second!) }];
  }
  const lengths = [first!.length, second!.length];
  const ratio = optionLengthRatio(first!, second!);
  if (ratio > MAX_OPTION_LENGTH_RATIO) {
    return [{
      check: 'option_length_ratio',
      path: lengths[0]! > lengths[1]! ? '/options/0/text' : '/options/1/text',
      expected: `length ratio <= ${MAX_OPTION_LENGTH_RATIO}`,
      found: `${ratio.toFixed(2)} (${lengths[0]} vs ${lengths[1]} characters)`,
    }];
  }
  return [];
}

const PII_PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'email', pattern: /[\w.+-]+@[\w-]+\.[a-z]{2,}/i },
  { kind: 'phone', pattern: /(?:\+?\d{1,3}[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b/ },
  { kind: 'url', pattern: /\bhttps?:\/\/\S+|\bwww\.[a-z0-9-]+\.[a-z]{2,}\S*/i },
  { kind: 'username', pattern: /(?:^|[\s(])\/?u\/[A-Za-z0-9_-]{3,}/ },
];

export function checkLeftovers(scenario: Scenario): Finding[] {
  const findings: Finding[] = [];
  for (const { path, text } of scenarioTexts(scenario)) {
    for (const { kind, pattern } of PII_PATTERNS) {
      const match = pattern.exec(text);
      if (match) findings.push({ check: 'pii', path, expected: `no ${kind}`, found: clip(match[0].trim()) });
    }
    const placeholder = findPlaceholder(text);
    if (placeholder !== null) findings.push({ check: 'placeholder', path, expected: 'no placeholder or mask token', found: clip(placeholder) });
    if (FORMULA_START.test(text)) findings.push({ check: 'formula_start', path, expected: 'text that does not open with =, +, -, @, a tab or a carriage return', found: clip(JSON.stringify(text)) });
  }
  return findings;
}

/** Every run of `span` consecutive words of the source post, for the verbatim check. */
export function shinglesOf(text: string, span: number): Set<string> {
  const textWords = words(text);
  const shingles = new Set<string>();
  for (let start = 0; start + span <= textWords.length; start += 1) shingles.add(textWords.slice(start, start + span).join(' '));
  return shingles;
}

/** A copied run one word longer than the rewrite may copy is a verbatim copy. */
export const VERBATIM_SPAN_WORDS = MAX_COPIED_WORDS + 1;

export function checkVerbatim(scenario: Scenario, sourceShingles: Set<string>): Finding[] {
  const span = VERBATIM_SPAN_WORDS;
  for (const { path, text } of scenarioTexts(scenario)) {
    const textWords = words(text);
    for (let start = 0; start + span <= textWords.length; start += 1) {
      const shingle = textWords.slice(start, start + span).join(' ');
      if (sourceShingles.has(shingle)) {
        return [{
          check: 'verbatim_copy',
          path,
          expected: `no run of ${span} words copied from post ${scenario.source.post_id}`,
          found: `"${clip(shingle, 120)}"`,
        }];
      }
    }
  }
  return [];
}

// Restricting franc to a few languages makes it ~7x faster (FACTS.md); Scots is accepted
// because plain franc mistakes a share of real English for it.
const LANGUAGE_CANDIDATES = ['eng', 'sco', 'spa', 'fra', 'deu', 'por', 'ita', 'nld'];
const ACCEPTED_LANGUAGES = new Set(['eng', 'sco', 'und']);
const LANGUAGE_SAMPLE_CHARS = 600;

export function checkLanguage(scenario: Scenario): Finding[] {
  const code = franc(scenario.situation.slice(0, LANGUAGE_SAMPLE_CHARS), { only: LANGUAGE_CANDIDATES, minLength: 20 });
  if (ACCEPTED_LANGUAGES.has(code)) return [];
  return [{ check: 'language', path: '/situation', expected: 'English (eng)', found: code }];
}

export function checkSituationLength(scenario: Scenario, config: ValidateConfig): Finding[] {
  const count = words(scenario.situation).length;
  if (count >= config.situation_min_words && count <= config.situation_max_words) return [];
  return [{
    check: 'situation_length',
    path: '/situation',
    expected: `${config.situation_min_words}..${config.situation_max_words} words`,
    found: `${count} words`,
  }];
}

/** Every content check of one schema-valid scenario; `sourceShingles` null = source post missing. */
export function checkScenarioContent(
  scenario: Scenario,
  sourceShingles: Set<string> | null | 'skip',
  config: ValidateConfig,
): Finding[] {
  const findings = [
    ...checkValuePair(scenario),
    ...checkOptionValues(scenario),
    ...checkOptionsDiffer(scenario),
    ...checkLeftovers(scenario),
    ...checkLanguage(scenario),
    ...checkSituationLength(scenario, config),
  ];
  if (sourceShingles === null) {
    findings.push({
      check: 'source_post_missing',
      path: '/source/post_id',
      expected: 'a post in the filter output',
      found: `${scenario.source.post_id} (not in filter/posts.jsonl)`,
    });
  } else if (sourceShingles !== 'skip') {
    findings.push(...checkVerbatim(scenario, sourceShingles));
  }
  return findings;
}
