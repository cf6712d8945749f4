/**
 * The command-line options of a stage's model endpoint, for every stage whose config section
 * embeds LlmEndpointConfigShape (audit judges, evaluate respondents): one list, one wording.
 */
import type { OptionSpec } from '../core/command.ts';

/** `--provider`, `--base-url`, limits, `--max-cost`, `--batch` and `--dry-run`, bound to `section` of the config. */
export function endpointOptions(section: string, offlineMeans: string): OptionSpec[] {
  return [
    { name: 'provider', kind: 'string', choices: ['openai', 'offline'], config: `${section}.provider`, description: `Model provider (default: openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else offline: ${offlineMeans}).` },
    { name: 'base-url', kind: 'string', placeholder: 'URL', config: `${section}.base_url`, description: 'OpenAI-compatible endpoint (default: OPENAI_BASE_URL, else the OpenAI API).' },
    { name: 'concurrency', kind: 'integer', placeholder: 'N', config: `${section}.concurrency`, description: 'Requests in flight at once.' },
    { name: 'rpm', kind: 'number', placeholder: 'N', config: `${section}.rpm`, description: 'Requests per minute.' },
    { name: 'tpm', kind: 'number', placeholder: 'N', config: `${section}.tpm`, description: 'Tokens per minute.' },
    { name: 'max-cost', kind: 'number', placeholder: 'USD', config: `${section}.max_cost`, description: 'Stop cleanly before the estimated spend exceeds this.' },
    { name: 'batch', kind: 'boolean', config: `${section}.batch`, description: 'Use the Batch API (half price, slower).' },
    { name: 'dry-run', kind: 'boolean', config: `${section}.dry_run`, description: 'Print the number of calls and the cost estimate; call nothing.' },
  ];
}
