/**
 * Every CSV the project writes goes through here: RFC 4180 via fast-csv (CRLF rows, quoted
 * fields where needed), with spreadsheet formula injection escaped the way OWASP recommends
 * ("CSV Injection"): a cell that opens with =, +, -, @, a tab or a carriage return is prefixed
 * with a single quote, so a spreadsheet shows it as text instead of running it. A cell that
 * already opens with a single quote gets one too, so reading back (parseCsv) is exact.
 */
import { parseString, writeToString } from 'fast-csv';

/** Cells a spreadsheet would treat as a formula, plus the escape character itself. */
const NEEDS_ESCAPE = /^[=+\-@\t\r']/;
/** What a spreadsheet would run: the check `release --verify` makes on every cell it reads. */
export const FORMULA_CELL = /^[=+\-@\t\r]/;

export function escapeCell(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.startsWith("'") ? value.slice(1) : value;
}

export function writeCsv<Column extends string>(rows: Record<Column, string>[], columns: readonly Column[]): Promise<string> {
  const escaped = rows.map((row) => Object.fromEntries(columns.map((column) => [column, escapeCell(row[column])])) as Record<Column, string>);
  return writeToString(escaped, { headers: [...columns], rowDelimiter: '\r\n', includeEndRowDelimiter: true });
}

/** Rows as written (cells still escaped), for checks that look at the raw cells. */
export function parseCsvRaw<Column extends string>(text: string): Promise<Record<Column, string>[]> {
  return new Promise((resolve, reject) => {
    const rows: Record<Column, string>[] = [];
    let columns = 0;
    parseString<Record<Column, string>, Record<Column, string>>(text, { headers: true, strictColumnHandling: true })
      .on('error', reject)
      .on('headers', (headers: string[]) => (columns = headers.length))
      .on('data', (row: Record<Column, string>) => rows.push(row))
      // A row with too few or too many cells is an error, never a silently missing row.
      .on('data-invalid', (row: unknown, rowNumber: number) => {
        const cells = Array.isArray(row) ? row.length : Object.keys(row as object).length;
        reject(new Error(`line ${rowNumber + 1}: ${cells} cell(s) where the header has ${columns}`));
      })
      .on('end', () => resolve(rows));
  });
}

/** Rows with every cell unescaped: the values writeCsv was given. */
export async function parseCsv<Column extends string>(text: string): Promise<Record<Column, string>[]> {
  const rows = await parseCsvRaw<Column>(text);
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, unescapeCell(value as string)])) as Record<Column, string>);
}
