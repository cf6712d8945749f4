/**
 * The Wilson score interval for a binomial proportion (95% by default): better behaved than the
 * normal approximation near 0 and 1, where recall figures live.
 */
export function wilson(hits: number, total: number, z = 1.959964): [number, number] {
  if (total === 0) return [0, 1];
  const p = hits / total;
  const denominator = 1 + (z * z) / total;
  const centre = (p + (z * z) / (2 * total)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / total + (z * z) / (4 * total * total))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
