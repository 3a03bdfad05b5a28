/** Minimum cell size when a gemeente sets none. */
export const DEFAULT_K = 10;
/** k is never below this, whatever is asked. */
export const MIN_K = 5;
/** Published figures with a base below this are marked "indicatief". */
export const INDICATIEF_BELOW = 30;

/** The k actually applied: the default when missing or not a number, never below MIN_K. */
export function effectiveK(k?: number): number {
  // NaN would make every `n < k` false and publish everything, so it falls back to the default.
  return k !== undefined && Number.isFinite(k) ? Math.max(MIN_K, Math.ceil(k)) : DEFAULT_K;
}

/** Whether a published base is large enough to show but too small to lean on. */
export function isIndicatief(n: number, k: number): boolean {
  return n >= k && n < INDICATIEF_BELOW;
}

/**
 * Which cells of one line (a breakdown whose cells add up to its total) to hide.
 *
 * Primary: a cell below k is hidden, and so is every cell in `forced` (an item cell of a hidden group).
 * Complementary: when the total is published, total minus the published cells gives the sum of the
 * hidden ones. If exactly one hidden cell holds anyone, that sum *is* its value, so the smallest
 * published cell is hidden as well. Afterwards every hidden non-empty cell shares the known
 * sum with another unknown one, and subtraction cannot isolate it. Empty hidden cells do not count
 * as cover: whoever knows a team had no responses would subtract them for free. The one exception
 * left is a line whose only non-empty cell is hidden with no published one to pair it with; its value
 * is then the published total itself and hiding more cannot help.
 */
export function suppressLine(
  values: readonly number[],
  k: number,
  opts: { totalPublished: boolean; forced?: readonly boolean[] },
): boolean[] {
  const hidden = values.map((v, i) => v < k || opts.forced?.[i] === true);
  if (!opts.totalPublished) return hidden;
  const hiddenNonEmpty = values.filter((v, i) => hidden[i] && v > 0).length;
  if (hiddenNonEmpty === 1) {
    let cover = -1;
    values.forEach((v, i) => {
      if (!hidden[i] && (cover < 0 || v < values[cover])) cover = i;
    });
    if (cover >= 0) hidden[cover] = true;
  }
  return hidden;
}
