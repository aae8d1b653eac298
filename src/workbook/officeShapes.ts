import { rangeFromA1 } from "../core/grid/address";
import { CellRange, CellValue, Fill } from "../core/model";

/**
 * Pure conversions between the shapes Office.js reads and writes and the engine's model. Kept apart from
 * officejs.ts so that they are tested without a workbook.
 */

const DAY_MS = 86_400_000;
/** Excel's 1900 date system counts days from 1899-12-30 (the same epoch ExcelJS converts with). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const WHITE = "#FFFFFF";

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

/** A value of Range.values as the snapshot holds it: empty cells ("") as null, dates as ISO text. */
export function cellValueFromOffice(value: unknown, numberFormat: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number") return typeof numberFormat === "string" && isDateFormat(numberFormat) ? serialToIsoDate(value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A cell's fill as the backup records it. Office.js reports a cell with no fill as "#FFFFFF", exactly like a white
 * fill; only `tintAndShade` (ExcelApi 1.9) tells them apart: null for no fill, a number for any fill
 * (OfficeDev/office-js#4900, #6218). Without it, white is taken as no fill: restoring then clears a white fill, which
 * looks the same but for the gridlines. A coloured cell is never taken as unfilled, whatever tintAndShade says.
 */
export function fillFromOffice(color: string, tintAndShade: number | null | undefined): Fill {
  const upper = color.toUpperCase();
  return upper === WHITE && (tintAndShade === null || tintAndShade === undefined) ? null : upper;
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
