/** Criterion phrasings several workbooks share (INDICATORS.md §3), written once. */

/** [SYN] band phrasing of INDICATORS §3.2: ≥90% full, [80, 90) 60% of the weight, below 80% nothing. */
export const SATISFACTION_BANDS = "满意度≧90%的，得满分；80%－90%（不含）的，得60%分值；低于80%不得分。";

/** [SYN] band phrasing of INDICATORS §3.2, with the points of the top and middle bands. */
export function executionBands(what: string, top: number, middle: number): string {
  return `${what}达到95%（含）以上得${top}分；85%（含）至95%得${middle}分；85%以下不得分。`;
}

/** T1 of INDICATORS §3.1 with the weight and the deduction per point of the sheet. */
export function staffControl(points: number, perPoint: number): string {
  return `以100%为标准。在职人员控制率≤100%,计${points}分;每超过一个百分点扣${perPoint}分,扣完为止。`;
}

/** T3 of INDICATORS §3.1 (5 points, 0.5 per point over). */
export const RECEPTION_CHANGE = "“公务接待费”变动率≤0,计5分;“公务接待费变动率”>0,每超过一个百分点扣0.5分,扣完为止。";
