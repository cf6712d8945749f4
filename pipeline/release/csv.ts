/** items.csv: one row per item, written and read through core/csv.ts (RFC 4180, formula cells escaped). */
import { parseCsv, parseCsvRaw, writeCsv } from '../core/csv.ts';
import type { Item } from '../records.ts';

export const ITEM_CSV_COLUMNS = [
  'id', 'scenario_id', 'type', 'target_value', 'competing_value', 'prompt',
  'option_a_text', 'option_a_value', 'option_b_text', 'option_b_value', 'target_label', 'correct_label',
] as const;
type ItemCsvRow = Record<(typeof ITEM_CSV_COLUMNS)[number], string>;

export function itemToRow(item: Item): ItemCsvRow {
  return {
    id: item.id,
    scenario_id: item.scenario_id,
    type: item.type,
    target_value: item.target_value,
    competing_value: item.competing_value,
    prompt: item.prompt,
    option_a_text: item.options[0].text,
    option_a_value: item.options[0].value,
    option_b_text: item.options[1].text,
    option_b_value: item.options[1].value,
    target_label: item.key.target_label,
    // An empty cell is how CSV says null; act items have no correct label.
    correct_label: item.key.correct_label ?? '',
  };
}

/** The inverse of itemToRow, unvalidated: callers parse the result with ItemSchema. */
export function rowToItem(row: ItemCsvRow): unknown {
  return {
    id: row.id,
    scenario_id: row.scenario_id,
    type: row.type,
    target_value: row.target_value,
    competing_value: row.competing_value,
    prompt: row.prompt,
    options: [
      { label: 'A', text: row.option_a_text, value: row.option_a_value },
      { label: 'B', text: row.option_b_text, value: row.option_b_value },
    ],
    key: { target_label: row.target_label, correct_label: row.correct_label === '' ? null : row.correct_label },
  };
}

export function itemsToCsv(items: Item[]): Promise<string> {
  return writeCsv(items.map(itemToRow), ITEM_CSV_COLUMNS);
}

export function parseItemsCsv(text: string): Promise<ItemCsvRow[]> {
  return parseCsv<(typeof ITEM_CSV_COLUMNS)[number]>(text);
}

/** The rows as they sit in the file, escapes included (for the formula check). */
export function parseItemsCsvRaw(text: string): Promise<ItemCsvRow[]> {
  return parseCsvRaw<(typeof ITEM_CSV_COLUMNS)[number]>(text);
}
