/**
 * Writing corpus sheets as they look: a block of rows placed at a cell, where U marks "merged with the cell above" and
 * L "merged with the cell to the left", so that a module reads like the table it builds.
 */
import ExcelJS from "exceljs";

export const U = Symbol("merged with the cell above");
export const L = Symbol("merged with the cell to the left");

export type Cell = string | number | null | typeof U | typeof L;

const THIN: Partial<ExcelJS.Borders> = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };

/** A workbook with fixed metadata, so that a rerun writes the same bytes. */
export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "ziping 测试样表生成脚本";
  workbook.created = workbook.modified = new Date("2025-07-10T00:00:00Z");
  return workbook;
}

export interface PlaceOptions {
  /** Thin borders around every cell of the block (tables have them, title and note lines do not). */
  border?: boolean;
  /** How many leading rows are bold (header rows). */
  bold?: number;
}

/** Writes rows starting at `at` ("A4") and merges what U and L mark. Returns the row after the block. */
export function place(ws: ExcelJS.Worksheet, at: string, rows: Cell[][], options: PlaceOptions = { border: true, bold: 1 }): number {
  const origin = ws.getCell(at);
  const r0 = Number(origin.row);
  const c0 = Number(origin.col);
  rows.forEach((cells, i) => {
    cells.forEach((v, j) => {
      if (v === U || v === L) return;
      const cell = ws.getCell(r0 + i, c0 + j);
      cell.value = v;
      let width = 1;
      while (cells[j + width] === L) width++;
      let height = 1;
      while (rows[i + height]?.[j] === U) height++;
      if (width > 1 || height > 1) ws.mergeCells(r0 + i, c0 + j, r0 + i + height - 1, c0 + j + width - 1);
    });
  });
  const width = Math.max(...rows.map((r) => r.length));
  rows.forEach((_, i) => {
    for (let j = 0; j < width; j++) {
      const cell = ws.getCell(r0 + i, c0 + j);
      if (options.border) cell.border = THIN;
      cell.alignment = { wrapText: true, vertical: "middle" };
      if (i < (options.bold ?? 0)) cell.font = { bold: true };
    }
  });
  return r0 + rows.length;
}

/** A title line merged over `width` columns. */
export function title(ws: ExcelJS.Worksheet, row: number, text: string, width: number, size = 14): void {
  const cell = ws.getCell(row, 1);
  cell.value = text;
  cell.font = { bold: true, size };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  if (width > 1) ws.mergeCells(row, 1, row, width);
}

/** Plain lines (unit and year fields, notes, footers): no borders, nothing bold. */
export function lines(ws: ExcelJS.Worksheet, at: string, rows: Cell[][]): number {
  return place(ws, at, rows, {});
}

export function widths(ws: ExcelJS.Worksheet, chars: number[]): void {
  chars.forEach((w, i) => (ws.getColumn(i + 1).width = w));
}
