import { checkedText } from "../score/checked";
import { draftNotice } from "../narrative/narrate";
import { fmt } from "../decimal";
import { FindingKind, ScoreResult, SummaryCell, SummarySheetPlan, SUMMARY_TITLE } from "../model";

/** Excel's footer codes: page number and page count. */
export const PAGE_FOOTER = "第 &P 页，共 &N 页";
import { KIND_LABEL, MARK_FILL } from "./markColours";

export const HEADER_FILL = "#D9E1F2";

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
/** Scores as written: 91 and 84.5, not 91.00 and 84.50. */
const score = (v: number | null, extra: Partial<SummaryCell> = {}) => t(v, { numberFormat: "General", ...extra });
/** A 核算得分 that is the declared score, because the data could not check it: shown, counted, and told apart. */
const AS_DECLARED_FILL = "#EDEDED";
const KINDS: FindingKind[] = ["deduction", "mismatch", "missing-reason", "invalid", "manual"];

/** The rows of the 评分汇总 sheet: totals, one row per indicator, the findings with links, and the draft text. */
export function summarySheetRows(result: ScoreResult, skippedProtectedSheets: string[]): Omit<SummarySheetPlan, "name"> {
  const rows: SummaryCell[][] = [];
  const who = [result.unit, result.year ? `${result.year} 年度` : null].filter(Boolean).join(" ");
  rows.push([bold(who ? `${SUMMARY_TITLE}：${who}` : SUMMARY_TITLE)]);
  rows.push([t(`评分规则：${result.profile}；评分表所在工作表：${result.scoringSheets.join("、")}；本表由绩效自评助手生成，重新评分时会被替换。`)]);
  for (const sheet of skippedProtectedSheets) rows.push([t(`工作表“${sheet}”受保护，未作标注，问题只列在本表。`, { fill: MARK_FILL.invalid })]);
  rows.push([]);
  rows.push([bold("满分"), bold("自评得分"), bold("核算得分"), bold("自评等级"), bold("核算等级"), bold("核实范围")].map((c) => ({ ...c, fill: HEADER_FILL })));
  rows.push([score(result.total.max), score(result.total.declared), score(result.total.computed), t(result.declaredGrade), t(result.grade), t(checkedText(result.total), { wrap: true })]);
  rows.push([]);
  // The legend one kind a row, label in its colour and count beside it: five counts in narrow columns were cut off.
  for (const k of KINDS) rows.push([t(KIND_LABEL[k], { fill: MARK_FILL[k] }), t(result.findings.filter((f) => f.kind === k).length), t("处")]);
  rows.push([]);

  rows.push(["指标", "分值", "自评得分", "核算得分", "自评减核算", "说明（灰底的核算得分按自评计，未能由数据核实）"].map((h) => bold(h, { fill: HEADER_FILL, wrap: true })));
  for (const i of result.indicators) {
    const diff = i.declared !== null && i.computed !== null ? Number(fmt(i.declared - i.computed)) : null;
    const unchecked = result.findings.find((f) => (f.kind === "manual" || f.kind === "deduction") && f.cell === i.scoreCell && f.sheet === i.sheet && /需人工确认/.test(f.message));
    // Every row shows the score its 合计 counts, so that the column adds up: the declared one where none was computed.
    const asDeclared = Math.min(i.max, Math.max(0, i.declared ?? 0));
    const note = i.calculation ?? `按自评计。${unchecked?.message ?? ""}`;
    rows.push([
      t(i.path.join(" / "), { link: { sheet: i.sheet, cell: i.scoreCell }, wrap: true }),
      score(i.max),
      score(i.declared),
      i.computed !== null ? score(i.computed) : score(asDeclared, { fill: AS_DECLARED_FILL }),
      t(diff === 0 ? null : diff, { numberFormat: "General", ...(diff ? { fill: MARK_FILL.mismatch } : {}) }),
      t(note, { wrap: true }),
    ]);
  }
  const diffTotal = Number(fmt(result.total.declared - result.total.computed));
  rows.push([bold("合计"), score(result.total.max), score(result.total.declared), score(result.total.computed), t(diffTotal === 0 ? null : diffTotal, { numberFormat: "General" }), t(`自评等级 ${result.declaredGrade}，核算等级 ${result.grade}；${checkedText(result.total)}`, { wrap: true })]);
  rows.push([]);

  rows.push([bold(`发现的问题（${result.findings.length} 处，点击单元格地址可跳转）`)]);
  rows.push(["类型", "工作表", "单元格", "分数", null, "说明"].map((h) => bold(h, { fill: HEADER_FILL })));
  for (const f of result.findings) {
    rows.push([t(KIND_LABEL[f.kind], { fill: MARK_FILL[f.kind] }), t(f.sheet, { wrap: true }), t(f.cell, { link: { sheet: f.sheet, cell: f.cell } }), t(f.points, { numberFormat: "General" }), t(null), t(f.message, { wrap: true })]);
  }

  if (result.narrative) {
    rows.push([]);
    rows.push([bold("自评报告文字草稿（草稿，请核对后使用）")]);
    const notice = draftNotice(result);
    if (notice) rows.push([t(null), t(null), t(null), t(null), t(null), t(notice, { fill: MARK_FILL.mismatch, wrap: true })]);
    // Headings beside their paragraphs: the heading in the first column, the text wrapped in the wide one.
    for (const block of result.narrativeBlocks ?? []) {
      const [first, ...more] = block.text.split("\n");
      rows.push([bold(block.heading, { wrap: true }), t(null), t(null), t(null), t(null), t(first, { wrap: true })]);
      for (const line of more) rows.push([t(null), t(null), t(null), t(null), t(null), t(line, { wrap: true })]);
    }
  }
  return { rows, columnWidths: [30, 8, 9, 9, 10, 84], page: { orientation: "landscape", footer: PAGE_FOOTER } };
}

/** Width units of a text as Excel measures columns: a Chinese character is about two digits wide. */
function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return units;
}

/** Points per line of 11-point text, with Excel's own padding. */
const LINE_HEIGHT = 16;

/**
 * Row heights for wrapped text, for hosts that do not fit rows to their text themselves (an .xlsx written by ExcelJS
 * opens, and prints in LibreOffice, with every row one line high and the rest of the text cut off).
 */
export function wrappedRowHeights(plan: Pick<SummarySheetPlan, "rows" | "columnWidths">): (number | null)[] {
  return plan.rows.map((row) => {
    let lines = 1;
    row.forEach((c, col) => {
      if (!c.wrap || typeof c.value !== "string") return;
      const width = Math.max(1, (plan.columnWidths[col] ?? 10) - 1);
      const needed = c.value.split("\n").reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / width)), 0);
      lines = Math.max(lines, needed);
    });
    return lines > 1 ? lines * LINE_HEIGHT : null;
  });
}
