import { FindingKind } from "../model";

/** One fill per finding kind, pale enough to keep the cell readable; Excel's own "bad/neutral" tones where they fit. */
export const MARK_FILL: Record<FindingKind, string> = {
  invalid: "#E4C1F9", // 数据错误: violet
  mismatch: "#FFC7CE", // 不一致: red
  deduction: "#FFEB9C", // 扣分: amber
  "missing-reason": "#F8CBAD", // 缺少扣分说明: orange
  manual: "#DDEBF7", // 需人工确认: blue
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
