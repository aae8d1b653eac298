/**
 * The one-line result a ribbon command tells the officer, since function commands have no pane to show details in.
 */
import type { ClearReport, RunReport } from "../addin/service";
import { fmt } from "../core/decimal";
import { computedTotalText } from "../core/score/checked";
import { lapsedTexts } from "../core/plan/summarySheet";
import { clearedText, errorText, findingCountsText, skippedSheetsText } from "../ui/text";

/** e.g. "自评 91 分（优），核算 89 分（良），已核实 9/12 项（75/100 分），发现 6 处扣分、2 处不一致。详见工作表“评分汇总”。" */
export function scoreSummaryMessage(report: RunReport): string {
  const { total, declaredGrade, grade, findings } = report.result;
  const counts = findingCountsText(findings);
  const confirmed = findings.filter((f) => f.confirmed).length;
  const sentences = [
    `自评 ${fmt(total.declared)} 分（${declaredGrade}），${computedTotalText(total, grade)}，` +
      (counts === null ? "未发现问题" : `发现 ${counts}${confirmed > 0 ? `（其中 ${confirmed} 处已核对）` : ""}`),
    ...lapsedTexts(report.result).map((t) => t.replace(/。$/, "")),
    `详见工作表“${report.summarySheet}”`,
  ];
  const skipped = skippedSheetsText(report.skippedProtectedSheets);
  if (skipped !== null) sentences.push(skipped);
  return sentences.map((s) => `${s}。`).join("");
}

export function clearSummaryMessage(report: ClearReport): string {
  return `${clearedText(report.restoredCells, report.removedSheets, report.keptConfirmations)}。`;
}

/** `action` names what failed, e.g. 评分 or 清除标注. */
export function failureMessage(action: string, error: unknown): string {
  return `${action}未完成：${errorText(error)}`;
}
