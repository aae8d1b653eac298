import { wrappedRowHeights } from "../core/plan/summarySheet";
import ExcelJS from "exceljs";
import { ScoringError } from "../core/errors";
import { rangeFromA1, rangeToA1 } from "../core/grid/address";
import { encodeBackup } from "../core/plan/backup";
import { NOTE_PREFIX } from "../core/plan/writePlan";
import { BACKUP_SHEET, CellValue, Fill, PREVIOUS_BACKUP_SHEET, SheetSnapshot, SheetVisibility, SummarySheetPlan, WorkbookSnapshot, WritePlan } from "../core/model";

/**
 * The Node twin of the Office.js adapter: .xlsx files through ExcelJS. Read once into a WorkbookSnapshot, apply a
 * WritePlan to the same in-memory workbook, and save it under a new name (ExcelJS drops charts and pivots on save,
 * so the input file is never overwritten).
 */

/** A cell value as the engine sees it: formulas by their cached result, rich text as its text, errors as "#REF!". */
export function plainValue(v: ExcelJS.CellValue | undefined): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "object") return String(v);
  if ("error" in v) return String(v.error);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) return plainValue((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in v) return plainValue((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  return null;
}

function visibility(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible";
}

function isProtected(ws: ExcelJS.Worksheet): boolean {
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return !!protection?.sheet;
}

/**
 * The most cells a sheet's grid may span. The grid is dense, so one stray entry far away (XFD1048576) would make it
 * 17 billion cells and exhaust memory: such a sheet is refused with a message instead.
 */
export const MAX_GRID_CELLS = 10_000_000;

/** `merges`: the sheet's merged ranges as the file lists them (ExcelJS is not shown them; see preparePackage). */
function sheetSnapshot(ws: ExcelJS.Worksheet, merged?: string[]): SheetSnapshot {
  let top = Infinity, left = Infinity, bottom = -1, right = -1;
  const cells: { row: number; col: number; value: CellValue }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // ExcelJS repeats a merged area's value in every cell; Excel reports it only in the top-left one.
      if (cell.isMerged && cell.master !== cell) return;
      const value = plainValue(cell.value);
      // Blank text reads as empty everywhere in the engine; a stray space far away must not widen the grid.
      if (value === null || (typeof value === "string" && value.trim() === "")) return;
      const r = rowNumber - 1, c = colNumber - 1;
      cells.push({ row: r, col: c, value });
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges = (merged ?? (ws.model as { merges?: string[] }).merges ?? []).map(rangeFromA1);
  if (cells.length === 0) return { name: ws.name, visibility: visibility(ws), protected: isProtected(ws), top: 0, left: 0, values: [], merges };
  if ((bottom - top + 1) * (right - left + 1) > MAX_GRID_CELLS) {
    const range = rangeToA1({ top, left, bottom, right });
    throw new ScoringError(`工作表“${ws.name}”中有内容的区域为 ${range}，过大无法读取（最多 ${MAX_GRID_CELLS / 10_000} 万个单元格）；多半是远处有零星内容，请删除后再评分`);
  }
  const values: CellValue[][] = Array.from({ length: bottom - top + 1 }, () => new Array<CellValue>(right - left + 1).fill(null));
  for (const c of cells) values[c.row - top][c.col - left] = c.value;
  return { name: ws.name, visibility: visibility(ws), protected: isProtected(ws), top, left, values, merges };
}

export function snapshotOf(workbook: ExcelJS.Workbook, merges?: Map<string, string[]>): WorkbookSnapshot {
  return { sheets: workbook.worksheets.map((ws) => sheetSnapshot(ws, merges ? (merges.get(ws.name) ?? []) : undefined)) };
}

/** "#RRGGBB" of a solid fill; null for no fill (and for theme colours, which have no fixed RGB). */
export function fillOfCell(cell: ExcelJS.Cell): Fill {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return null;
  const argb = fill.fgColor?.argb;
  return argb && /^[0-9A-Fa-f]{8}$/.test(argb) ? `#${argb.slice(2).toUpperCase()}` : null;
}

/** Replaces the cell's style object rather than mutating it: ExcelJS may share one style among many cells. */
function setFill(cell: ExcelJS.Cell, fill: Fill): void {
  const style = { ...cell.style } as Partial<ExcelJS.Style>;
  if (fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.slice(1)}` } };
  else delete style.fill;
  cell.style = style;
}

function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | { texts?: { text: string }[] } | undefined;
  if (!note) return null;
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/**
 * ExcelJS has no way to remove a note: assigning undefined leaves an empty one, and a note read from a file also
 * lives on in the cell's value model, which is what gets saved. Both are dropped here.
 */
function removeNote(cell: ExcelJS.Cell): void {
  const { comment, ...model } = cell.model as ExcelJS.CellModel & { comment?: unknown };
  void comment;
  cell.model = model as ExcelJS.CellModel;
  (cell as unknown as { _comment?: unknown })._comment = undefined;
}

function removeSheet(workbook: ExcelJS.Workbook, name: string): void {
  const ws = workbook.getWorksheet(name);
  if (ws) workbook.removeWorksheet(ws.id);
}

/** A deep copy of a cell's format: ExcelJS style objects may be shared, so a copy never aliases the original. */
function copyFormat(from: ExcelJS.Cell, to: ExcelJS.Cell): void {
  to.style = structuredClone(from.style ?? {});
}

/** Applies a plan in the order the WritePlan contract gives (see model.ts). */
export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  const old = workbook.getWorksheet(BACKUP_SHEET);
  if (old) old.name = PREVIOUS_BACKUP_SHEET;
  const cellOf = (sheet: string, cell: string) => workbook.getWorksheet(sheet)?.getCell(cell);

  const undo = plan.clearPrevious;
  if (undo) {
    for (const f of undo.fills) {
      const target = cellOf(f.sheet, f.cell);
      if (target && old) copyFormat(old.getCell(f.formatCell), target);
    }
    for (const n of undo.notes) {
      const cell = cellOf(n.sheet, n.cell);
      if (cell && noteText(cell)?.startsWith(NOTE_PREFIX)) removeNote(cell);
    }
    if (undo.summarySheet) removeSheet(workbook, undo.summarySheet);
  }

  if (plan.backup) {
    const backup = workbook.addWorksheet(BACKUP_SHEET, { state: "veryHidden" });
    encodeBackup(plan.backup.record).forEach((row) => backup.addRow(row));
    plan.backup.record.fills.forEach((f, i) => {
      const source = plan.backup!.sources[i];
      const from = "previousFormatCell" in source ? old?.getCell(source.previousFormatCell) : cellOf(source.sheet, source.cell);
      if (from) copyFormat(from, backup.getCell(f.formatCell));
    });
  }
  if (old) workbook.removeWorksheet(old.id);

  for (const mark of plan.marks) {
    const cell = cellOf(mark.sheet, mark.cell);
    if (!cell) continue;
    setFill(cell, mark.fill);
    // An officer's own note is never replaced; the summary sheet carries our explanation for that cell.
    const existing = noteText(cell);
    if (!existing || existing.startsWith(NOTE_PREFIX)) cell.note = mark.note;
  }
  if (plan.summary) writeSummary(workbook, plan.summary);
}

function writeSummary(workbook: ExcelJS.Workbook, plan: SummarySheetPlan): void {
  const summary = workbook.addWorksheet(plan.name, { properties: { tabColor: { argb: "FF4472C4" } } });
  plan.columnWidths.forEach((w, i) => (summary.getColumn(i + 1).width = w));
  plan.rows.forEach((row, r) => {
    row.forEach((c, col) => {
      const cell = summary.getCell(r + 1, col + 1);
      // Strings stay strings: ExcelJS writes a formula only for {formula}, so "=1+1" is kept as text.
      cell.value = c.link && c.value !== null ? { text: String(c.value), hyperlink: `#'${c.link.sheet.replace(/'/g, "''")}'!${c.link.cell}` } : c.value;
      if (c.bold || c.link) cell.font = { bold: !!c.bold, ...(c.link ? { color: { argb: "FF0563C1" }, underline: true } : {}) };
      if (c.fill) setFill(cell, c.fill);
      if (c.numberFormat) cell.numFmt = c.numberFormat;
      // Top-aligned throughout, so that a label and its wrapped text start on the same line.
      cell.alignment = { vertical: "top", ...(c.wrap ? { wrapText: true } : {}) };
    });
  });
  wrappedRowHeights(plan).forEach((height, r) => {
    if (height !== null) summary.getRow(r + 1).height = height;
  });
  summary.pageSetup = { paperSize: 9, orientation: plan.page.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  summary.headerFooter = { oddFooter: `&C${plan.page.footer}` };
}

/** Fastest deflate: a scored copy is a working file, where a quicker save matters more than ~25 % in size. */
export const WRITE_OPTIONS: Partial<ExcelJS.XlsxWriteOptions> = { zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } };
