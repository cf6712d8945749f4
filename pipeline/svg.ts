/**
 * Small, dependency-free SVG figures for reports: a heatmap with numbers in its cells, bars
 * with interval whiskers, and a scatter plot. Deterministic text (fixed decimals, no clock), so
 * a rebuilt report is byte-identical.
 */

const FONT = 'font-family="Helvetica, Arial, sans-serif"';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '0');

/** White to dark blue for 0..1. */
function blue(share: number): string {
  const t = Math.max(0, Math.min(1, share));
  const channel = (from: number, to: number) => Math.round(from + (to - from) * t);
  return `rgb(${channel(247, 8)},${channel(251, 48)},${channel(255, 107)})`;
}

/** Blue for positive, red for negative, white at 0 (for correlations in -1..1). */
function diverging(value: number): string {
  const t = Math.max(-1, Math.min(1, value));
  if (t >= 0) return blue(t);
  const channel = (from: number, to: number) => Math.round(from + (to - from) * -t);
  return `rgb(${channel(255, 165)},${channel(247, 15)},${channel(247, 21)})`;
}

export interface HeatmapOptions {
  title: string;
  rowLabels: readonly string[];
  columnLabels: readonly string[];
  rowTitle: string;
  columnTitle: string;
  /** Shade cells by row share (counts) or by value in -1..1 (correlations). Default "row". */
  scale?: 'row' | 'diverging';
  /** Cells to outline (e.g. neighbours on the circle), by [row, column]. */
  outline?: (row: number, column: number) => boolean;
  digits?: number;
}

export function heatmap(matrix: readonly (readonly number[])[], options: HeatmapOptions): string {
  const cell = 38;
  const left = 120;
  const top = 70;
  const width = left + cell * options.columnLabels.length + 20;
  const height = top + cell * options.rowLabels.length + 110;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
    `<text x="${left + (cell * options.columnLabels.length) / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(options.columnTitle)}</text>`,
    `<text x="14" y="${top + (cell * options.rowLabels.length) / 2}" text-anchor="middle" transform="rotate(-90 14 ${top + (cell * options.rowLabels.length) / 2})">${escapeXml(options.rowTitle)}</text>`,
  ];
  matrix.forEach((row, r) => {
    const total = row.reduce((sum, value) => sum + value, 0);
    parts.push(`<text x="${left - 6}" y="${top + r * cell + cell / 2 + 4}" text-anchor="end">${escapeXml(options.rowLabels[r]!)}</text>`);
    row.forEach((value, c) => {
      const fill = options.scale === 'diverging' ? diverging(value) : blue(total === 0 ? 0 : value / total);
      const dark = options.scale === 'diverging' ? Math.abs(value) > 0.6 : total > 0 && value / total > 0.55;
      const x = left + c * cell;
      const y = top + r * cell;
      const stroke = options.outline?.(r, c) ? ' stroke="#d95f02" stroke-width="2"' : ' stroke="#ffffff"';
      parts.push(`<rect x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${fill}"${stroke}/>`);
      const label = options.scale === 'diverging' ? fixed(value, options.digits ?? 2) : String(value);
      parts.push(`<text x="${x + cell / 2}" y="${y + cell / 2 + 4}" text-anchor="middle" fill="${dark ? '#ffffff' : '#111111'}">${label}</text>`);
    });
  });
  options.columnLabels.forEach((label, c) => {
    const x = left + c * cell + cell / 2;
    const y = top + cell * options.rowLabels.length + 8;
    parts.push(`<text x="${x}" y="${y}" text-anchor="end" transform="rotate(-45 ${x} ${y})">${escapeXml(label)}</text>`);
  });
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

export interface Bar {
  label: string;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** Horizontal bars in 0..max with interval whiskers. */
export function barsWithIntervals(bars: readonly Bar[], options: { title: string; axis: string; max?: number; reference?: number }): string {
  const rowHeight = 26;
  const left = 130;
  const plot = 360;
  const top = 40;
  const max = options.max ?? 1;
  const width = left + plot + 70;
  const height = top + rowHeight * bars.length + 50;
  const scale = (value: number) => left + (Math.max(0, Math.min(max, value)) / max) * plot;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (let tick = 0; tick <= 4; tick += 1) {
    const value = (max * tick) / 4;
    const x = scale(value);
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rowHeight * bars.length}" stroke="#dddddd"/>`);
    parts.push(`<text x="${x}" y="${top + rowHeight * bars.length + 14}" text-anchor="middle">${fixed(value, 2)}</text>`);
  }
  if (options.reference !== undefined) {
    const x = scale(options.reference);
    parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${top + rowHeight * bars.length}" stroke="#d95f02" stroke-dasharray="4 3"/>`);
  }
  bars.forEach((bar, index) => {
    const y = top + index * rowHeight;
    parts.push(`<text x="${left - 6}" y="${y + rowHeight / 2 + 4}" text-anchor="end">${escapeXml(bar.label)}</text>`);
    if (bar.value === null) {
      parts.push(`<text x="${left + 4}" y="${y + rowHeight / 2 + 4}" fill="#888888">no data</text>`);
      return;
    }
    parts.push(`<rect x="${left}" y="${y + 5}" width="${fixed(scale(bar.value) - left)}" height="${rowHeight - 10}" fill="#6baed6"/>`);
    if (bar.low !== null && bar.high !== null) {
      const middle = y + rowHeight / 2;
      parts.push(`<line x1="${fixed(scale(bar.low))}" y1="${middle}" x2="${fixed(scale(bar.high))}" y2="${middle}" stroke="#08306b" stroke-width="1.5"/>`);
      parts.push(`<line x1="${fixed(scale(bar.low))}" y1="${middle - 5}" x2="${fixed(scale(bar.low))}" y2="${middle + 5}" stroke="#08306b"/>`);
      parts.push(`<line x1="${fixed(scale(bar.high))}" y1="${middle - 5}" x2="${fixed(scale(bar.high))}" y2="${middle + 5}" stroke="#08306b"/>`);
    }
    parts.push(`<text x="${left + plot + 8}" y="${y + rowHeight / 2 + 4}">${fixed(bar.value, 2)}</text>`);
  });
  parts.push(`<text x="${left + plot / 2}" y="${height - 8}" text-anchor="middle">${escapeXml(options.axis)}</text>`);
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

export interface Point {
  label: string;
  x: number;
  y: number;
}

/** A scatter plot with labelled points, axes over the data's range. */
export function scatter(points: readonly Point[], options: { title: string; xAxis: string; yAxis: string }): string {
  const size = 360;
  const left = 60;
  const top = 40;
  const width = left + size + 140;
  const height = top + size + 50;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const range = (values: number[]) => {
    const low = Math.min(0, ...values);
    const high = Math.max(0, ...values);
    return high === low ? [low - 1, high + 1] : [low - 0.05 * (high - low), high + 0.05 * (high - low)];
  };
  const [x0, x1] = range(xs) as [number, number];
  const [y0, y1] = range(ys) as [number, number];
  const px = (value: number) => left + ((value - x0) / (x1 - x0)) * size;
  const py = (value: number) => top + size - ((value - y0) / (y1 - y0)) * size;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ${FONT} font-size="11">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
    `<rect x="${left}" y="${top}" width="${size}" height="${size}" fill="none" stroke="#999999"/>`,
    `<line x1="${fixed(px(0))}" y1="${top}" x2="${fixed(px(0))}" y2="${top + size}" stroke="#dddddd"/>`,
    `<line x1="${left}" y1="${fixed(py(0))}" x2="${left + size}" y2="${fixed(py(0))}" stroke="#dddddd"/>`,
    `<text x="${left + size / 2}" y="${height - 10}" text-anchor="middle">${escapeXml(options.xAxis)}</text>`,
    `<text x="16" y="${top + size / 2}" text-anchor="middle" transform="rotate(-90 16 ${top + size / 2})">${escapeXml(options.yAxis)}</text>`,
  ];
  for (const point of points) {
    parts.push(`<circle cx="${fixed(px(point.x))}" cy="${fixed(py(point.y))}" r="4" fill="#2171b5"/>`);
    parts.push(`<text x="${fixed(px(point.x) + 6)}" y="${fixed(py(point.y) + 4)}">${escapeXml(point.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
