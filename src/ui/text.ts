/**
 * Chinese wording shared by the task pane and the ribbon commands, kept pure so it can be unit-tested and so both
 * surfaces say the same thing in the same words.
 */
import { BACKUP_SHEET, type Finding, type FindingKind } from "../core/model";
import { KIND_LABEL } from "../core/plan/markColours";
import { fmt } from "../core/decimal";

/** Display order of the kinds: the officer's own deductions first, then what needs fixing, then what needs a look. */
export const KIND_ORDER: readonly FindingKind[] = [
  "deduction",
  "mismatch",
  "missing-reason",
  "invalid",
  "manual",
];

/** Heading for findings that belong to no indicator (totals, weight sums, data-table checks). */
export const GENERAL_GROUP = "整体检查";

export function countByKind(findings: readonly Finding[]): Record<FindingKind, number> {
  const counts: Record<FindingKind, number> = {
    deduction: 0,
    mismatch: 0,
    "missing-reason": 0,
    invalid: 0,
    manual: 0,
  };
  for (const f of findings) counts[f.kind] += 1;
  return counts;
}

/** "6 处扣分、2 处不一致", or null when there is nothing to report. */
export function findingCountsText(findings: readonly Finding[]): string | null {
  const counts = countByKind(findings);
  const parts = KIND_ORDER.filter((k) => counts[k] > 0).map((k) => `${counts[k]} 处${KIND_LABEL[k]}`);
  return parts.length > 0 ? parts.join("、") : null;
}

/** The message of whatever was thrown; the engine's ScoringError already speaks Chinese. */
export function errorText(error: unknown): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  return "发生未知错误";
}

export function skippedSheetsText(sheets: readonly string[]): string | null {
  return sheets.length > 0 ? `工作表 ${sheets.join("、")} 受保护，未作标注` : null;
}

/**
 * What 清除标注 did, naming only sheets the officer could see (the backup sheet is very hidden), and that the 已核对
 * marks were kept: they are the officer's work, and the next run honours them.
 */
export function clearedText(restoredCells: number, removedSheets: readonly string[], keptConfirmations = 0): string {
  const visible = removedSheets.filter((s) => s !== BACKUP_SHEET);
  const kept = keptConfirmations > 0 ? `保留 ${keptConfirmations} 处“已核对”记录，重新评分时沿用` : null;
  if (restoredCells === 0 && visible.length === 0) return ["没有需要清除的标注", kept].filter(Boolean).join("；");
  const parts = [`已清除 ${restoredCells} 处标注`];
  if (visible.length > 0) parts.push(`删除工作表 ${visible.join("、")}`);
  return [parts.join("，"), kept].filter(Boolean).join("；");
}

/** "已核对 12-01 17:30：note", for a confirmed finding. */
export function confirmedText(confirmed: { note: string; at: string }): string {
  const at = new Date(confirmed.at);
  const when = Number.isNaN(at.getTime()) ? "" : ` ${at.toLocaleString("zh-CN", { month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false })}`;
  return `已核对${when}${confirmed.note ? `：${confirmed.note}` : ""}`;
}

/** The points of a finding in words that fit its kind, or null when no points apply. */
export function pointsText(finding: Finding): string | null {
  const p = finding.points;
  if (p === null) return null;
  if (finding.kind === "deduction") return `扣 ${fmt(Math.abs(p))} 分`;
  if (finding.kind === "mismatch") return p > 0 ? `自评比核算多 ${fmt(p)} 分` : `自评比核算少 ${fmt(-p)} 分`;
  return `${fmt(p)} 分`;
}
