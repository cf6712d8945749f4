/**
 * Time to validate and publish a full-size release: 3,000 synthetic scenarios (300 per value)
 * -> 15,000 items, in a temporary data folder. Prints figures; target under 5 seconds.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../pipeline/config.ts';
import { createContext } from '../pipeline/core/context.ts';
import { run as validate } from '../pipeline/validate/run.ts';
import { run as release } from '../pipeline/release/run.ts';
import { verifyRelease } from '../pipeline/release/verify.ts';
import { balancedScenarios, writeGenerateReport, writeStageInputs } from '../tests/support/scenario-fixtures.ts';

const PER_VALUE = 300;
const dir = await mkdtemp(join(tmpdir(), 'valact-bench-release-'));
try {
  await writeStageInputs(dir, balancedScenarios(PER_VALUE));
  await writeGenerateReport(dir, PER_VALUE);
  const ctx = createContext({ dataDir: dir, config: DEFAULT_CONFIG, quiet: true, env: { SOURCE_DATE_EPOCH: '1735689600' } });
  const seconds = async (work: () => Promise<unknown>) => {
    const started = process.hrtime.bigint();
    await work();
    return Number(process.hrtime.bigint() - started) / 1e9;
  };
  const validateSeconds = await seconds(() => validate(ctx));
  const releaseSeconds = await seconds(() => release(ctx, { version: '1.0.0' }));
  const verifySeconds = await seconds(async () => {
    const result = await verifyRelease(join(dir, 'release', '1.0.0'));
    if (!result.ok) throw new Error(`verify failed: ${JSON.stringify(result.problems.slice(0, 3))}`);
  });
  const total = validateSeconds + releaseSeconds;
  console.log(`scenarios: ${PER_VALUE * 10}, items: ${PER_VALUE * 50}`);
  console.log(`validate: ${validateSeconds.toFixed(2)} s`);
  console.log(`release (select, expand, render, write): ${releaseSeconds.toFixed(2)} s`);
  console.log(`validate + release: ${total.toFixed(2)} s (target < 5 s) ${total < 5 ? 'OK' : 'OVER TARGET'}`);
  console.log(`release --verify: ${verifySeconds.toFixed(2)} s`);
} finally {
  await rm(dir, { recursive: true, force: true });
}
