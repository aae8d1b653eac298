import { rangeFromA1 } from "../core/grid/address";
import { CellRange, CellValue } from "../core/model";

/**
 * Pure conversions between the shapes Office.js reads and writes and the engine's model. Kept apart from
 * officejs.ts so that they are tested without a workbook.
 */

const DAY_MS = 86_400_000;
/** Excel's 1900 date system counts days from 1899-12-30 (the same epoch ExcelJS converts with). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * Whether a number format shows a date or time. Office.js reports dates as serial numbers, so the format is the only
 * sign that 45658 means 2025-01-01. Quoted literals ("年"), escaped characters and bracketed parts ([Red], [$-804])
 * are dropped first: they may hold the same letters.
 */
export function isDateFormat(format: string): boolean {
  const bare = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]|aaa/i.test(bare); // "aaa"/"aaaa": the weekday in Chinese locales
}

/** A date serial as ISO date text, as the ExcelJS twin reports a Date cell ("2025-01-01"). */
export function serialToIsoDate(serial: number): string {
  return new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A value of Range.values as the snapshot holds it: empty cells ("") and blank text as null, as the ExcelJS twin
 * reads them; dates as ISO text.
 */
export function cellValueFromOffice(value: unknown, numberFormat: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return typeof numberFormat === "string" && isDateFormat(numberFormat) ? serialToIsoDate(value) : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

/**
 * A used range's grid cut down to the cells that hold something, as the ExcelJS twin bounds it: Excel counts a cell
 * of blank text as used, the engine does not. An empty grid sits at A1.
 */
export function trimGrid(top: number, left: number, values: CellValue[][]): { top: number; left: number; values: CellValue[][] } {
  let first = -1, last = -1, from = Infinity, to = -1;
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v === null) return;
      if (first < 0) first = r;
      last = r;
      if (c < from) from = c;
      if (c > to) to = c;
    });
  });
  if (first < 0) return { top: 0, left: 0, values: [] };
  const full = first === 0 && last === values.length - 1 && from === 0 && to === values[0].length - 1;
  return full ? { top, left, values } : { top: top + first, left: left + from, values: values.slice(first, last + 1).map((row) => row.slice(from, to + 1)) };
}

/** "'Sheet 1'!A1:B2" → sheet name (quotes and doubled apostrophes undone) and the local address. */
export function splitAddress(address: string): { sheet: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: "", local: address };
  const sheet = address.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, local: address.slice(bang + 1) };
}

/**
 * RangeAreas.address ("Sheet1!A1:B4, Sheet1!D1:D4") → ranges. A comma inside a quoted sheet name does not separate
 * areas; a doubled apostrophe inside quotes toggles twice and so leaves the quoting as it was.
 */
export function rangesFromAreasAddress(address: string): CellRange[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  return parts.map((p) => rangeFromA1(splitAddress(p.trim()).local));
}

/**
 * A column width in characters (as the plan gives it) in points (as Range.format.columnWidth takes it): Excel's
 * default font is 7 pixels a character plus 5 pixels of padding, and a pixel is 0.75 point.
 */
export function charsToPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}
