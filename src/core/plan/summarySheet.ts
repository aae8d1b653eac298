import { checkedText } from "../score/checked";
import { draftNotice } from "../narrative/narrate";
import { fmt } from "../decimal";
import { FindingKind, ScoreResult, SummaryCell, SUMMARY_TITLE } from "../model";
import { KIND_LABEL, MARK_FILL } from "./markColours";

const HEADER_FILL = "#D9E1F2";

/** Excel holds at most 32,767 characters in a cell or a note; a file with more will not open. */
export const CELL_TEXT_LIMIT = 32767;
const CLIPPED = "……（超出单元格字数上限，以下省略）";

/** Text cut to what a cell holds, saying that it was cut (a reason pasted from a long report can exceed it). */
export function clipText(text: string): string {
  if (text.length <= CELL_TEXT_LIMIT) return text;
  let end = CELL_TEXT_LIMIT - CLIPPED.length;
  if (/[\uD800-\uDBFF]/.test(text[end - 1])) end--; // never split a surrogate pair
  return text.slice(0, end) + CLIPPED;
}

const t = (value: string | number | null, extra: Partial<SummaryCell> = {}): SummaryCell => ({ value: typeof value === "string" ? clipText(value) : value, ...extra });
const bold = (value: string | number | null, extra: Partial<SummaryCell> = {}) => t(value, { bold: true, ...extra });
const score = (v: number | null) => t(v, { numberFormat: "0.00" });
const KINDS: FindingKind[] = ["deduction", "mismatch", "missing-reason", "invalid", "manual"];

/** The rows of the 评分汇总 sheet: totals, one row per indicator, the findings with links, and the draft text. */
export function summarySheetRows(result: ScoreResult, skippedProtectedSheets: string[]): { rows: SummaryCell[][]; columnWidths: number[] } {
  const rows: SummaryCell[][] = [];
  const who = [result.unit, result.year ? `${result.year} 年度` : null].filter(Boolean).join(" ");
  rows.push([bold(who ? `${SUMMARY_TITLE}：${who}` : SUMMARY_TITLE)]);
  rows.push([t(`评分规则：${result.profile}；评分表所在工作表：${result.scoringSheets.join("、")}；本表由绩效自评助手生成，重新评分时会被替换。`)]);
  for (const sheet of skippedProtectedSheets) rows.push([t(`工作表“${sheet}”受保护，未作标注，问题只列在本表。`, { fill: MARK_FILL.invalid })]);
  rows.push([]);
  rows.push([bold("满分"), bold("自评得分"), bold("核算得分"), bold("自评等级"), bold("核算等级"), bold("核实范围")].map((c) => ({ ...c, fill: HEADER_FILL })));
  rows.push([score(result.total.max), score(result.total.declared), score(result.total.computed), t(result.declaredGrade), t(result.grade), t(checkedText(result.total), { wrap: true })]);
  rows.push(KINDS.map((k) => t(`${KIND_LABEL[k]} ${result.findings.filter((f) => f.kind === k).length} 处`, { fill: MARK_FILL[k] })));
  rows.push([]);

  rows.push(["指标", "分值", "自评得分", "核算得分", "差异", "说明"].map((h) => bold(h, { fill: HEADER_FILL })));
  for (const i of result.indicators) {
    const diff = i.declared !== null && i.computed !== null ? Number(fmt(i.declared - i.computed)) : null;
    const note = i.calculation ?? result.findings.find((f) => f.kind === "manual" && f.cell === i.scoreCell && f.sheet === i.sheet)?.message ?? "";
    rows.push([
      t(i.path.join(" / "), { link: { sheet: i.sheet, cell: i.scoreCell } }),
      score(i.max),
      score(i.declared),
      score(i.computed),
      t(diff === 0 ? null : diff, { numberFormat: "0.00", ...(diff ? { fill: MARK_FILL.mismatch } : {}) }),
      t(note, { wrap: true }),
    ]);
  }
  const diffTotal = Number(fmt(result.total.declared - result.total.computed));
  rows.push([bold("合计"), score(result.total.max), score(result.total.declared), score(result.total.computed), t(diffTotal === 0 ? null : diffTotal, { numberFormat: "0.00" }), t(`自评等级 ${result.declaredGrade}，核算等级 ${result.grade}`)]);
  rows.push([]);

  rows.push([bold(`发现的问题（${result.findings.length} 处，点击单元格地址可跳转）`)]);
  rows.push(["类型", "工作表", "单元格", "分数", "说明"].map((h) => bold(h, { fill: HEADER_FILL })));
  for (const f of result.findings) {
    rows.push([t(KIND_LABEL[f.kind], { fill: MARK_FILL[f.kind] }), t(f.sheet), t(f.cell, { link: { sheet: f.sheet, cell: f.cell } }), t(f.points, { numberFormat: "0.00" }), t(f.message, { wrap: true })]);
  }

  if (result.narrative) {
    rows.push([]);
    rows.push([bold("自评报告文字草稿（草稿，请核对后使用）")]);
    const notice = draftNotice(result);
    if (notice) rows.push([t(notice, { fill: MARK_FILL.mismatch })]);
    for (const line of result.narrative.split("\n")) if (line.trim()) rows.push([t(line, { wrap: false })]);
  }
  return { rows, columnWidths: [44, 10, 10, 10, 10, 80] };
}
