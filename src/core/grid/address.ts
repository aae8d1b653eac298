import { CellPos, CellRange } from "../model";

export function columnLetters(col: number): string {
  let n = col + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function toA1(pos: CellPos): string {
  return `${columnLetters(pos.col)}${pos.row + 1}`;
}

/** "B7" or "$B$7" to a position; throws on anything else. */
export function fromA1(address: string): CellPos {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`不是单元格地址：${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** "A1:C3", "A1", or a sheet-qualified "'表 1'!A1:C3" to a range. */
export function rangeFromA1(address: string): CellRange {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  const start = fromA1(a);
  const end = b ? fromA1(b) : start;
  return { top: Math.min(start.row, end.row), left: Math.min(start.col, end.col), bottom: Math.max(start.row, end.row), right: Math.max(start.col, end.col) };
}

export function rangeToA1(range: CellRange): string {
  const a = toA1({ row: range.top, col: range.left });
  const b = toA1({ row: range.bottom, col: range.right });
  return a === b ? a : `${a}:${b}`;
}

/** A sheet-qualified reference, quoted the way Excel quotes names: '评分表'!F12. */
export function qualified(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
