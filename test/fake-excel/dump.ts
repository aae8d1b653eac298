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
  /** The whole format (fill, font, borders, alignment, number format, protection), when the cell has one. */
  format?: Partial<ExcelJS.Style>;
}

export interface SheetDump {
  state: string;
  cells: Record<string, CellDump>;
}

/** A format as plain data, without the keys ExcelJS leaves undefined; null when nothing is set. */
function formatOf(cell: ExcelJS.Cell): Partial<ExcelJS.Style> | null {
  const style = JSON.parse(JSON.stringify(cell.style ?? {})) as Partial<ExcelJS.Style>;
  return Object.keys(style).length > 0 ? style : null;
}

/** Every sheet of a workbook, in order, with each cell that has a value, a format or a note. */
export function dumpWorkbook(book: ExcelJS.Workbook): Record<string, SheetDump> {
  const out: Record<string, SheetDump> = {};
  for (const sheet of book.worksheets) {
    const cells: Record<string, CellDump> = {};
    existingCells(sheet, (cell, row, col) => {
      const { color, tintAndShade } = officeFill(cell);
      const fill = tintAndShade === null ? null : color;
      const note = noteText(cell);
      const format = formatOf(cell);
      const value = cell.value instanceof Date ? cell.value.toISOString() : (cell.value ?? null);
      if (value === null && format === null && note === undefined) return;
      cells[toA1({ row, col })] = { value, fill, ...(note === undefined ? {} : { note }), ...(format === null ? {} : { format }) };
    });
    out[sheet.name] = { state: sheet.state, cells };
  }
  return out;
}
