/**
 * Decimal rounding for scores and ratios. Binary floating point makes 9.27 ÷ 9 × 100 come out as 103.00000000000001;
 * rounding through a 12-significant-digit form first removes that noise before rounding half up.
 */
export function round(value: number, decimals = 2): number {
  const clean = Number(value.toPrecision(12));
  const factor = 10 ** decimals;
  const rounded = Math.round(Math.abs(clean) * factor + 1e-9) / factor;
  return clean < 0 ? -rounded : rounded;
}

/** Text for a number in messages: at most two decimals, and none when whole (91, 4.5, 103.25). */
export function fmt(value: number, decimals = 2): string {
  const r = round(value, decimals);
  return Number.isInteger(r) ? String(r) : r.toFixed(decimals).replace(/0+$/, "").replace(/\.$/, "");
}

/** Text with exactly two decimals, as ratios and amounts are shown (103.00%). */
export function fixed2(value: number): string {
  return round(value, 2).toFixed(2);
}

/** Equal at score precision. */
export function sameScore(a: number, b: number): boolean {
  return Math.abs(round(a, 2) - round(b, 2)) < 0.005;
}
