import type ExcelJS from "exceljs";
import { rangeToA1 } from "../../src/core/grid/address";
import type { CellRange } from "../../src/core/model";
import { FakeOfficeError } from "./core";

/** How an ExcelJS cell looks through Office.js, and how Office.js writes land in ExcelJS. */

const DAY_MS = 86_400_000;
const MAX_CELLS = 1_000_000;

/** Excel's 1900 date system, the same formula ExcelJS writes dates with: serial 25569 is 1970-01-01. */
export function dateToSerial(date: Date): number {
  return 25569 + date.getTime() / DAY_MS;
}

type Raw = ExcelJS.CellValue | undefined;

function fromRaw(v: Raw): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (v instanceof Date) return dateToSerial(v);
  if ("error" in v) return String(v.error);
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as ExcelJS.CellFormulaValue).result;
    if (result === undefined) throw new Error("FakeExcel: a formula without a cached result (Excel would compute it; the fake cannot)");
    return fromRaw(result as Raw);
  }
  if ("hyperlink" in v) return fromRaw(v.text as Raw);
  throw new Error(`FakeExcel: unmodelled cell value ${JSON.stringify(v)}`);
}

/**
 * A cell's value as Range.values reports it: "" when empty, errors as their text, dates as serial numbers, formulas
 * by their cached result, rich text as its text. The cells of a merged area other than its top-left read "" (ExcelJS
 * reports the top-left's value there).
 */
export function officeValue(cell: ExcelJS.Cell | undefined): string | number | boolean {
  if (!cell || cell.master !== cell) return "";
  return fromRaw(cell.value);
}

function holdsDate(cell: ExcelJS.Cell): boolean {
  const v = cell.value;
  return v instanceof Date || (typeof v === "object" && v !== null && "result" in v && v.result instanceof Date);
}

/** Range.numberFormat of a cell. A date in ExcelJS without a format is written with built-in format 14. */
export function officeNumberFormat(cell: ExcelJS.Cell | undefined): string {
  if (!cell) return "General";
  return cell.numFmt ?? (holdsDate(cell) ? "m/d/yyyy" : "General");
}

const isNumeric = (s: string) => s.trim() !== "" && Number.isFinite(Number(s));

/**
 * A value written through Range.values. As in Excel: null leaves the cell alone, "" empties it, and unless the cell
 * is formatted as text ("@"), a string that starts with = + or - is taken as a formula and a numeric string as a number.
 */
export function writeOfficeValue(cell: ExcelJS.Cell, v: unknown): void {
  if (v === null) return;
  if (v === "") cell.value = null;
  else if (typeof v === "number" || typeof v === "boolean") cell.value = v;
  else if (typeof v !== "string") throw new FakeOfficeError("InvalidArgument", `Unsupported value ${JSON.stringify(v)}`);
  else if (cell.numFmt === "@") cell.value = v;
  else if (isNumeric(v)) cell.value = Number(v);
  else if (/^[=+-]/.test(v)) cell.value = { formula: v.startsWith("=") ? v.slice(1) : v } as ExcelJS.CellFormulaValue;
  else cell.value = v;
}

/** The default Office theme (2013–2022), by the index ExcelJS reads from theme-coloured fills. */
const THEME = ["#FFFFFF", "#000000", "#E7E6E6", "#44546A", "#4472C4", "#ED7D31", "#A5A5A5", "#FFC000", "#5B9BD5", "#70AD47"];

function colourOf(c: Partial<ExcelJS.Color> & { tint?: number }): string {
  if (c.argb) return `#${c.argb.slice(-6).toUpperCase()}`;
  if (c.theme !== undefined && THEME[c.theme]) return THEME[c.theme];
  throw new Error(`FakeExcel: unmodelled colour ${JSON.stringify(c)}`);
}

/**
 * A cell's fill as RangeFill reports it. Excel reports a cell with no fill as white "#FFFFFF" with tintAndShade
 * null, and any fill with a number (OfficeDev/office-js#4900). A theme colour reads as the theme's base colour.
 */
export function officeFill(cell: ExcelJS.Cell | undefined): { color: string; tintAndShade: number | null } {
  const fill = cell?.fill;
  if (!fill || fill.type !== "pattern" || fill.pattern === "none") return { color: "#FFFFFF", tintAndShade: null };
  // A solid fill's colour is its foreground; a patterned fill's background is its bgColor.
  const colour = (fill.pattern === "solid" ? fill.fgColor : fill.bgColor) as (Partial<ExcelJS.Color> & { tint?: number }) | undefined;
  return colour ? { color: colourOf(colour), tintAndShade: colour.tint ?? 0 } : { color: "#FFFFFF", tintAndShade: 0 };
}

/** Replaces the cell's style object rather than mutating it: ExcelJS shares one style among the cells read with it. */
export function restyle(cell: ExcelJS.Cell, change: (style: Partial<ExcelJS.Style>) => void): void {
  const style = { ...cell.style };
  change(style);
  cell.style = style;
}

export function setFill(cell: ExcelJS.Cell, color: string | null): void {
  if (color !== null && !/^#[0-9A-Fa-f]{6}$/.test(color)) throw new FakeOfficeError("InvalidArgument", `FakeExcel models "#RRGGBB" colours only, not ${color}`);
  restyle(cell, (s) => {
    if (color === null) delete s.fill;
    else s.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color.slice(1).toUpperCase()}` } };
  });
}

/** The text of an ExcelJS note, plain or rich. */
export function noteText(cell: ExcelJS.Cell | undefined): string | undefined {
  const note = cell?.note as string | { texts?: { text: string }[] } | undefined;
  if (note === undefined) return undefined;
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** ExcelJS has no way to remove a note but to drop the cell's comment model. */
export function removeNote(cell: ExcelJS.Cell): void {
  delete (cell as unknown as { _comment?: unknown })._comment;
}

/** Every cell ExcelJS holds, without creating any (ExcelJS's eachRow skips rows whose only content is a note). */
export function existingCells(sheet: ExcelJS.Worksheet, visit: (cell: ExcelJS.Cell, row: number, col: number) => void): void {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.findRow(r);
    if (!row) continue;
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell) visit(cell, r - 1, c - 1);
    }
  }
}

/** The used range with valuesOnly: the smallest rectangle holding every non-empty value. */
export function usedRange(sheet: ExcelJS.Worksheet): CellRange | undefined {
  let box: CellRange | undefined;
  existingCells(sheet, (cell, row, col) => {
    if (officeValue(cell) === "") return;
    if (!box) box = { top: row, left: col, bottom: row, right: col };
    else box = { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) };
  });
  return box;
}

/** The merged areas that meet a range, whole. ExcelJS keeps them by top-left address, 1-based. */
export function mergesIn(sheet: ExcelJS.Worksheet, range: CellRange): CellRange[] {
  const merges = Object.values((sheet as unknown as { _merges: Record<string, { model: CellRange }> })._merges);
  return merges
    .map(({ model: m }) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 }))
    .filter((m) => m.top <= range.bottom && m.bottom >= range.top && m.left <= range.right && m.right >= range.left);
}

/** A sheet name as Excel writes it in an address: quoted unless it is a plain name that cannot be read as a cell. */
export function sheetRef(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function addressOf(sheet: ExcelJS.Worksheet, range: CellRange): string {
  return `${sheetRef(sheet.name)}!${rangeToA1(range)}`;
}

function assertSmall(range: CellRange): void {
  if ((range.bottom - range.top + 1) * (range.right - range.left + 1) > MAX_CELLS) throw new Error(`FakeExcel: ${rangeToA1(range)} is too large to touch cell by cell`);
}

/** A value per cell of the range, row by row, without creating cells. */
export function grid<V>(sheet: ExcelJS.Worksheet, range: CellRange, read: (cell: ExcelJS.Cell | undefined) => V): V[][] {
  assertSmall(range);
  const out: V[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row = sheet.findRow(r + 1);
    const line: V[] = [];
    for (let c = range.left; c <= range.right; c++) line.push(read(row?.findCell(c + 1)));
    out.push(line);
  }
  return out;
}

/** Every cell of the range, created where missing, for writing. */
export function eachCell(sheet: ExcelJS.Worksheet, range: CellRange, write: (cell: ExcelJS.Cell, r: number, c: number) => void): void {
  assertSmall(range);
  for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) write(sheet.getCell(r + 1, c + 1), r - range.top, c - range.left);
}

/** The one value all cells share, or null when they differ (as Office.js reports mixed formats). */
export function uniform<V>(values: V[]): V | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}
