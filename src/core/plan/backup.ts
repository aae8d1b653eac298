import { toA1 } from "../grid/address";
import { BACKUP_SHEET, BackupRecord, CellValue, SheetSnapshot, WorkbookSnapshot } from "../model";

/**
 * The backup sheet is a plain table so that it survives any host: a marker row, a header, then one row per entry
 * (fill | note | summary, sheet, cell). Column D of a fill row holds no value, only a copy of the marked cell's
 * original format. Plain rows rather than one JSON cell: a cell holds 32,767 characters at most.
 */
const MARKER = "ziping 备份：清除标注时据此恢复原样，请勿修改或删除本工作表";
const HEADER = ["类型", "工作表", "单元格", "原格式副本"];
const FIRST_ENTRY_ROW = 2; // 0-based: after the marker and the header
const FORMAT_COLUMN = 3; // D

/** The backup-sheet cell that holds the original format of the i-th marked cell. */
export function formatCellFor(index: number): string {
  return toA1({ row: FIRST_ENTRY_ROW + index, col: FORMAT_COLUMN });
}

/** The text rows of the backup sheet: fills first (their rows fix their format cells), then notes, then the summary. */
export function encodeBackup(record: BackupRecord): CellValue[][] {
  const rows: CellValue[][] = [[MARKER, null, null], HEADER.slice(0, 3)];
  record.fills.forEach((f, i) => {
    if (f.formatCell !== formatCellFor(i)) throw new Error(`备份记录的格式副本位置不对：${f.formatCell}`);
    rows.push(["fill", f.sheet, f.cell]);
  });
  for (const n of record.notes) rows.push(["note", n.sheet, n.cell]);
  if (record.summarySheet) rows.push(["summary", record.summarySheet, null]);
  return rows;
}

/** Reads a backup table back; null when the grid is not one of ours. */
export function decodeBackup(values: CellValue[][]): BackupRecord | null {
  if (values.length < 2 || values[0][0] !== MARKER) return null;
  const record: BackupRecord = { version: 1, summarySheet: null, fills: [], notes: [] };
  values.forEach((row, r) => {
    if (r < FIRST_ENTRY_ROW) return;
    const [type, sheet, cell] = row.slice(0, 3).map((v) => (v === null || v === undefined || v === "" ? null : String(v)));
    if (!sheet) return;
    if (type === "summary") record.summarySheet = sheet;
    else if (type === "fill" && cell) record.fills.push({ sheet, cell, formatCell: toA1({ row: r, col: FORMAT_COLUMN }) });
    else if (type === "note" && cell) record.notes.push({ sheet, cell });
  });
  return record;
}

/**
 * A backup table of ours: the marker from A1 and a very hidden sheet. Excel's menus cannot make a sheet very hidden
 * (only code can), so an officer's sheet never passes for ours, whatever text it holds.
 */
export function isBackupSheet(sheet: SheetSnapshot): boolean {
  return sheet.visibility === "veryHidden" && sheet.top === 0 && sheet.left === 0 && decodeBackup(sheet.values) !== null;
}

/** The record of an earlier run, when the workbook carries our backup sheet. */
export function previousBackup(snapshot: WorkbookSnapshot): BackupRecord | null {
  const sheet = snapshot.sheets.find((s) => s.name === BACKUP_SHEET);
  return sheet && isBackupSheet(sheet) ? decodeBackup(sheet.values) : null;
}

/**
 * Sheets the engine wrote itself, never read as a department's table: the backup sheet and the summary it lists.
 * A summary's title proves nothing (an officer may type or copy it), so a summary whose backup is gone is the officer's.
 */
export function ownSheetNames(snapshot: WorkbookSnapshot): Set<string> {
  const previous = previousBackup(snapshot);
  if (!previous) return new Set();
  return new Set([BACKUP_SHEET, ...(previous.summarySheet ? [previous.summarySheet] : [])]);
}
