import { FindingKind } from "../model";

/**
 * One fill per finding kind, told apart by hue and, for greyscale print, by lightness: relative luminance 0.88 (需人工确认),
 * 0.72 (扣分), 0.57 (缺少扣分说明), 0.43 (不一致), 0.33 (数据错误), each at least 0.10 from the next, and black text on
 * each at a contrast of 7.5:1 or more.
 */
export const MARK_FILL: Record<FindingKind, string> = {
  invalid: "#B48AD6", // 数据错误: violet
  mismatch: "#FF8F8F", // 不一致: red
  "missing-reason": "#F8B98B", // 缺少扣分说明: orange
  deduction: "#FFD966", // 扣分: amber
  manual: "#EAF2FB", // 需人工确认: pale blue
};

export const KIND_LABEL: Record<FindingKind, string> = {
  deduction: "扣分",
  mismatch: "不一致",
  "missing-reason": "缺少扣分说明",
  invalid: "数据错误",
  manual: "需人工确认",
};

/** Which kind colours a cell holding several findings: the one that most needs the officer's attention. */
export const KIND_SEVERITY: FindingKind[] = ["invalid", "mismatch", "missing-reason", "deduction", "manual"];
