/**
 * Decimal rounding for scores and ratios, half away from zero. Binary floating point makes 1.005 × 100 come out as
 * 100.49999999999999 and 9.27 ÷ 9 × 100 as 103.00000000000001; a scaled value within 1e-7 of a half is taken as
 * that half, which is what the decimal figure meant.
 */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  const scaled = Math.abs(value) * factor;
  const floor = Math.floor(scaled);
  const rounded = Math.abs(scaled - floor - 0.5) < 1e-7 ? floor + 1 : Math.round(scaled);
  const result = rounded / factor;
  return value < 0 && result !== 0 ? -result : result;
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

/** a ÷ b in percent at two decimals; null where that is no number: b is 0, or a tiny divisor overflows it. */
export function percentOf(a: number, b: number): number | null {
  const percent = (a / b) * 100;
  return b !== 0 && Number.isFinite(percent) ? round(percent, 2) : null;
}
