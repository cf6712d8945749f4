/**
 * What the validate stage promises the release: its outputs and the shape of its report's
 * details (the verdict, the checks, availability per value). Checks are reasons: a hard check
 * quarantines the record and fails the stage, a soft one rejects the record.
 */
import { z } from 'zod';
import type { ReasonCatalog } from '../core/stage.ts';
import { VALUE_IDS } from '../values.ts';

/** The checks, with their severity: the release card lists them. */
/**
 * Hard checks guard the record contract: a failure means the file or the generate stage is
 * broken, so the stage fails. Soft checks judge content: the record is rejected and the
 * release simply does not see it.
 */
export type CheckSeverity = 'hard' | 'soft';

export const CHECKS = {
  json: { severity: 'hard', description: 'the line is one valid JSON value' },
  schema_ajv: { severity: 'hard', description: 'conforms to schemas/scenario.schema.json (ajv, strict)' },
  schema_zod: { severity: 'hard', description: 'conforms to the zod ScenarioSchema' },
  duplicate_id: { severity: 'hard', description: 'scenario ids are unique' },
  value_pair: { severity: 'hard', description: 'competing value differs from the target and sits in the opposing group' },
  option_values: { severity: 'hard', description: 'one option enacts the target value, the other the competing value' },
  options_identical: { severity: 'soft', description: 'the two options differ' },
  option_length_ratio: { severity: 'soft', description: 'the options are of similar length' },
  pii: { severity: 'soft', description: 'no e-mail, phone, URL or username left in the text' },
  placeholder: { severity: 'soft', description: 'no template placeholder or mask token left in the text' },
  formula_start: { severity: 'soft', description: 'no text opens with =, +, -, @, a tab or a carriage return (a spreadsheet would run it)' },
  source_post_missing: { severity: 'soft', description: 'the source post is in the filter output' },
  verbatim_copy: { severity: 'soft', description: 'no long word span copied verbatim from the source post' },
  language: { severity: 'soft', description: 'the situation is English' },
  situation_length: { severity: 'soft', description: 'the situation length is within bounds' },
} as const satisfies Record<string, { severity: CheckSeverity; description: string }>;

export type CheckName = keyof typeof CHECKS;
export const CHECK_NAMES = Object.keys(CHECKS) as CheckName[];

export const VALIDATE_OUTPUTS = { scenarios: 'scenarios.jsonl' } as const;

export const VALIDATE_REASONS: ReasonCatalog = Object.fromEntries(
  CHECK_NAMES.map((check) => [check, { check, disposition: CHECKS[check].severity === 'hard' ? 'quarantined' : 'rejected', description: CHECKS[check].description }]),
);

const Count = z.number().int().nonnegative();

export const ValidateDetailsSchema = z.object({
  verdict: z.enum(['passed', 'failed']),
  /** Hard checks that failed at least once, by name. */
  hard_failures: z.array(z.enum(CHECK_NAMES as [CheckName, ...CheckName[]])),
  checks: z.record(z.string(), z.object({ severity: z.enum(['hard', 'soft']), failed: Count, description: z.string() })),
  /** Valid scenarios per value against what generate was asked for (null when no generate report says). */
  availability: z.record(z.enum(VALUE_IDS), z.object({ available: Count, requested: Count.nullable(), shortfall: Count.nullable() })),
  simulated_scenarios: Count,
  /** The validate config this run checked with: the release fingerprints it. */
  config: z.record(z.string(), z.unknown()),
});
export type ValidateDetails = z.infer<typeof ValidateDetailsSchema>;
