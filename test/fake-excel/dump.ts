import type ExcelJS from "exceljs";
import { toA1 } from "../../src/core/grid/address";
import { existingCells, noteText, officeFill } from "./cells";

/** One cell as a before/after comparison sees it. */
export interface CellDump {
  /** The value as ExcelJS holds it (a formula stays a formula), dates as ISO text. */
  value: unknown;
  /** "#RRGGBB", or null for no fill: a white fill and no fill differ. */
  fill: string | null;
  note?: string;
}

export interface SheetDump {
  state: string;
  cells: Record<string, CellDump>;
}

/** Every sheet of a workbook, in order, with each cell that has a value, a fill or a note. */
export function dumpWorkbook(book: ExcelJS.Workbook): Record<string, SheetDump> {
  const out: Record<string, SheetDump> = {};
  for (const sheet of book.worksheets) {
    const cells: Record<string, CellDump> = {};
    existingCells(sheet, (cell, row, col) => {
      const { color, tintAndShade } = officeFill(cell);
      const fill = tintAndShade === null ? null : color;
      const note = noteText(cell);
      const value = cell.value instanceof Date ? cell.value.toISOString() : (cell.value ?? null);
      if (value === null && fill === null && note === undefined) return;
      cells[toA1({ row, col })] = { value, fill, ...(note === undefined ? {} : { note }) };
    });
    out[sheet.name] = { state: sheet.state, cells };
  }
  return out;
}
