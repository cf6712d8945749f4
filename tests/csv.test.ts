/**
 * Every CSV the project writes escapes spreadsheet formulas (OWASP "CSV Injection") and reads
 * back exactly what was written.
 */
import { describe, expect, it } from 'vitest';
import { FORMULA_CELL, escapeCell, parseCsv, parseCsvRaw, writeCsv } from '../pipeline/core/csv.ts';

const CELLS = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A2)', '\tTab first', '\rCR first', "'quoted already", 'plain text', 'a=b in the middle', '', 'comma, "quotes" and\nnewline'];

describe('CSV writing', () => {
  it.each(CELLS)('escapes %j so no cell opens as a formula, and reads it back exactly', async (cell) => {
    const text = await writeCsv([{ text: cell, other: 'x' }], ['text', 'other'] as const);
    const [raw] = await parseCsvRaw<'text' | 'other'>(text);
    expect(FORMULA_CELL.test(raw!.text)).toBe(false);
    const [row] = await parseCsv<'text' | 'other'>(text);
    expect(row).toEqual({ text: cell, other: 'x' });
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
  ])('escapes %j as %j', (cell, escaped) => {
    expect(escapeCell(cell)).toBe(escaped);
  });
});

describe('CSV reading', () => {
  it('refuses a row with a stray or missing cell, naming its line, instead of dropping it', async () => {
    await expect(parseCsv('a,b\r\n1,2\r\n3,4,5\r\n')).rejects.toThrow(/line 3: 3 cell\(s\) where the header has 2/);
    await expect(parseCsv('a,b\r\n1,2\r\n6\r\n')).rejects.toThrow(/line 3/);
    expect(await parseCsv('a,b\r\n1,2\r\n')).toEqual([{ a: '1', b: '2' }]);
  });
});
