import { toA1 } from "../grid/address";
import { BACKUP_SHEET, BackupRecord, CellValue, Confirmation, FindingKind, SheetSnapshot, WorkbookSnapshot } from "../model";
import { KIND_LABEL } from "./markColours";

/**
 * The backup sheet is a plain table so that it survives any host: a marker row, a header, then one row per entry
 * (fill | note | summary | confirm, sheet, cell). Column D of a fill row holds no value, only a copy of the marked
 * cell's original format; a confirm row goes on in E–H (kind, value confirmed, note, time). Readers skip row types
 * they do not know, so a backup with confirmations still clears with an earlier version, and an earlier backup reads
 * as one without. Plain rows rather than one JSON cell: a cell holds 32,767 characters at most.
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
  for (const c of record.confirmations ?? []) rows.push(["confirm", c.sheet, c.cell, null, c.kind, c.value, c.note, c.at]);
  return rows;
}

const isKind = (v: string | null): v is FindingKind => v !== null && (Object.keys(KIND_LABEL) as string[]).includes(v);

/** Reads a backup table back; null when the grid is not one of ours. */
export function decodeBackup(values: CellValue[][]): BackupRecord | null {
  if (values.length < 2 || values[0][0] !== MARKER) return null;
  const record: BackupRecord = { version: 1, summarySheet: null, fills: [], notes: [], confirmations: [] };
  values.forEach((row, r) => {
    if (r < FIRST_ENTRY_ROW) return;
    const [type, sheet, cell, , kind, value, note, at] = Array.from({ length: 8 }, (_, c) => (row[c] === null || row[c] === undefined || row[c] === "" ? null : String(row[c])));
    if (!sheet) return;
    if (type === "summary") record.summarySheet = sheet;
    else if (type === "fill" && cell) record.fills.push({ sheet, cell, formatCell: toA1({ row: r, col: FORMAT_COLUMN }) });
    else if (type === "note" && cell) record.notes.push({ sheet, cell });
    else if (type === "confirm" && cell && isKind(kind) && at) record.confirmations!.push({ sheet, cell, kind, value: value ?? "", note: note ?? "", at });
  });
  return record;
}

/** The 已核对 marks a workbook keeps in its backup sheet (none when it has no backup of ours). */
export function storedConfirmations(snapshot: WorkbookSnapshot): Confirmation[] {
  return previousBackup(snapshot)?.confirmations ?? [];
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
