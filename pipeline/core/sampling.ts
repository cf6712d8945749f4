/** Stratified drawing: the rule both human samples use (audit packets, evaluate surveys). */

/**
 * Round robin over `strata`, each read in its given order (already seeded by the caller): every
 * stratum gives its next member in turn until `count` are drawn or all strata are spent, so the
 * sample is as even across strata as their sizes allow.
 */
export function roundRobin<T>(strata: readonly (readonly T[])[], count: number): T[] {
  const drawn: T[] = [];
  for (let round = 0; drawn.length < count; round += 1) {
    let took = false;
    for (const stratum of strata) {
      const next = stratum[round];
      if (next !== undefined && drawn.length < count) {
        drawn.push(next);
        took = true;
      }
    }
    if (!took) break;
  }
  return drawn;
}
