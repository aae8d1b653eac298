import ExcelJS from "exceljs";
import { KIND_LABEL } from "../core/plan/markColours";
import { HEADER_FILL as HEADER_COLOUR, PAGE_FOOTER, wrappedRowHeights } from "../core/plan/summarySheet";
import { cellLink, fileLink } from "./fileLink";
import { BatchEntry, BatchFailure, departmentRows, failureReason, findingRows, gradeCounts, KINDS } from "./summaryRows";

/**
 * 评分汇总表.xlsx of a batch: the departments ranked by computed score (with their grade distribution), every finding
 * of every department, and the files that could not be scored. Links to the scored copies are relative to the
 * summary's own folder, where the copies are written.
 */

export const SUMMARY_WORKBOOK = "评分汇总表.xlsx";
export const SHEETS = { ranking: "单位排名", findings: "问题清单", failures: "未能评分" } as const;

/** The header fill of 评分汇总 in each scored copy. */
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${HEADER_COLOUR.slice(1)}` } };
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: "FF0563C1" }, underline: true };
const SCORE_FORMAT = "0.##";

/** The text a cell shows, for fitting its row's height. */
const shownText = (v: ExcelJS.CellValue): string | null => (typeof v === "string" ? v : v && typeof v === "object" && "text" in v ? String(v.text) : null);

/**
 * A header row, bold on a pale fill, frozen, with a filter over the rows below it; text wrapped in its column and
 * rows as high as their text (ExcelJS writes none, and LibreOffice would print one line of each). Printed A4
 * landscape, one page wide, the header on every page.
 */
function table(ws: ExcelJS.Worksheet, columns: { header: string; width: number }[], rows: ExcelJS.CellValue[][]): void {
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const all = [columns.map((c) => c.header), ...rows];
  const heights = wrappedRowHeights({ rows: all.map((r) => r.map((v) => ({ value: shownText(v), wrap: true }))), columnWidths: columns.map((c) => c.width) });
  all.forEach((values, i) => {
    const row = ws.addRow(values);
    if (heights[i] !== null) row.height = heights[i]!;
    row.eachCell((cell) => (cell.alignment = { vertical: "top", wrapText: true }));
  });
  ws.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + rows.length, column: columns.length } };
  ws.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" };
  ws.headerFooter = { oddFooter: `&C${ws.name}  ${PAGE_FOOTER}` };
}

/** A link cell's value: the text, and where it leads when there is a copy to lead to. */
const link = (text: string, target: string | null): ExcelJS.CellValue => (target ? { text, hyperlink: target } : text);

function styleLinks(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row, r) => r > 1 && row.eachCell((cell) => {
    if (typeof cell.value === "object" && cell.value && "hyperlink" in cell.value) cell.font = LINK_FONT;
  }));
}

/** ExcelJS writes a data bar's colour (its type declarations leave it out). */
type BarRule = ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> };

/** A bar in each score cell, 0 to the highest possible score, so that the ranking reads at a glance. */
function dataBars(ws: ExcelJS.Worksheet, column: number, rows: number, max: number): void {
  if (rows === 0) return;
  const letter = ws.getColumn(column).letter;
  ws.addConditionalFormatting({
    ref: `${letter}2:${letter}${rows + 1}`,
    rules: [{ type: "dataBar", priority: column, gradient: false, cfvo: [{ type: "num", value: 0 }, { type: "num", value: max }], color: { argb: "FF8EA9DB" } } as BarRule],
  });
}

function rankingSheet(wb: ExcelJS.Workbook, entries: BatchEntry[]): void {
  const ws = wb.addWorksheet(SHEETS.ranking);
  const rows = departmentRows(entries);
  const columns = [
    { header: "名次", width: 6 },
    { header: "单位名称", width: 28 },
    { header: "评价年度", width: 9 },
    { header: "自评得分", width: 10 },
    { header: "核算得分", width: 10 },
    { header: "差异（自评−核算）", width: 11 },
    { header: "等级（核算）", width: 8 },
    { header: "已核实", width: 30 },
    ...KINDS.map((k) => ({ header: KIND_LABEL[k], width: 8 })),
    { header: "文件（点击打开评分后的副本）", width: 40 },
    { header: "副本未能保留", width: 20 },
  ];
  table(
    ws,
    columns,
    rows.map((r) => [
      r.rank,
      r.unit,
      r.entry.result.year,
      r.entry.result.total.declared,
      r.entry.result.total.computed,
      r.difference,
      r.entry.result.grade,
      r.checked,
      ...KINDS.map((k) => r.counts[k]),
      link(r.entry.file, r.entry.output && fileLink(r.entry.output)),
      r.entry.copyLacks.join("、") || null,
    ]),
  );
  [4, 5, 6].forEach((c) => (ws.getColumn(c).numFmt = SCORE_FORMAT));
  const max = Math.max(100, ...entries.map((e) => e.result.total.max));
  dataBars(ws, 4, rows.length, max);
  dataBars(ws, 5, rows.length, max);
  styleLinks(ws);
  gradeBlock(ws, entries, rows.length + 3);
}

/** Below the table (outside its filter): how many departments earn each grade, and their share. */
function gradeBlock(ws: ExcelJS.Worksheet, entries: BatchEntry[], top: number): void {
  ws.getCell(top, 2).value = "等级分布（按核算得分）";
  ws.getCell(top, 2).font = { bold: true };
  ["等级", "单位数", "占比"].forEach((h, i) => {
    const cell = ws.getCell(top + 1, 2 + i);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
  });
  gradeCounts(entries).forEach(({ grade, count }, i) => {
    const row = top + 2 + i;
    ws.getCell(row, 2).value = grade;
    ws.getCell(row, 3).value = count;
    ws.getCell(row, 4).value = entries.length > 0 ? count / entries.length : 0;
    ws.getCell(row, 4).numFmt = "0.0%";
  });
  ws.getCell(top + 6, 2).value = "合计";
  ws.getCell(top + 6, 3).value = entries.length;
}

function findingsSheet(wb: ExcelJS.Workbook, entries: BatchEntry[]): void {
  const ws = wb.addWorksheet(SHEETS.findings);
  const columns = [
    { header: "单位名称", width: 24 },
    { header: "指标", width: 30 },
    { header: "类型", width: 12 },
    { header: "分数", width: 7 },
    { header: "说明", width: 70 },
    { header: "位置（点击打开）", width: 18 },
    { header: "文件", width: 30 },
  ];
  table(
    ws,
    columns,
    findingRows(entries).map((f) => [
      f.unit,
      f.indicator || null,
      KIND_LABEL[f.kind],
      f.points,
      f.message,
      link(`${f.sheet}!${f.cell}`, f.entry.output && cellLink(f.entry.output, f.sheet, f.cell)),
      f.entry.file,
    ]),
  );
  ws.getColumn(4).numFmt = SCORE_FORMAT;
  styleLinks(ws);
}

function failuresSheet(wb: ExcelJS.Workbook, failures: BatchFailure[]): void {
  const ws = wb.addWorksheet(SHEETS.failures);
  table(ws, [{ header: "文件", width: 40 }, { header: "未能评分的原因", width: 90 }], failures.map((f) => [f.file, failureReason(f)]));
  if (failures.length === 0) ws.addRow(["（没有未能评分的文件）"]);
}

/** The bytes of 评分汇总表.xlsx. */
export async function batchSummaryWorkbook(entries: BatchEntry[], failures: BatchFailure[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "绩效自评助手";
  rankingSheet(wb, entries);
  findingsSheet(wb, entries);
  failuresSheet(wb, failures);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
