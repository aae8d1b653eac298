import { BACKUP_SHEET, BackupRecord, CellValue, SUMMARY_TITLE, WorkbookSnapshot } from "../model";

/**
 * The backup sheet is a plain table so that it survives any host: a marker row, a header, then one row per entry
 * (summary | fill | note, sheet, cell, original fill). Plain rows rather than one JSON cell: a cell holds 32,767
 * characters at most, and a big workbook has more marks than that.
 */
const MARKER = "ziping 备份：清除标注时据此恢复原样，请勿修改或删除本工作表";
const HEADER = ["类型", "工作表", "单元格", "原填充色"];
const NO_FILL = "无";

export function encodeBackup(record: BackupRecord): CellValue[][] {
  const rows: CellValue[][] = [[MARKER, null, null, null], HEADER];
  if (record.summarySheet) rows.push(["summary", record.summarySheet, null, null]);
  for (const f of record.fills) rows.push(["fill", f.sheet, f.cell, f.fill ?? NO_FILL]);
  for (const n of record.notes) rows.push(["note", n.sheet, n.cell, null]);
  return rows;
}

/** Reads a backup table back; null when the grid is not one of ours. */
export function decodeBackup(values: CellValue[][]): BackupRecord | null {
  if (values.length < 2 || values[0][0] !== MARKER) return null;
  const record: BackupRecord = { version: 1, summarySheet: null, fills: [], notes: [] };
  for (const row of values.slice(2)) {
    const [type, sheet, cell, fill] = row.map((v) => (v === null || v === undefined ? null : String(v)));
    if (!sheet) continue;
    if (type === "summary") record.summarySheet = sheet;
    else if (type === "fill" && cell) record.fills.push({ sheet, cell, fill: fill === NO_FILL || !fill ? null : fill });
    else if (type === "note" && cell) record.notes.push({ sheet, cell });
  }
  return record;
}

/** The record of an earlier run, when the workbook carries our backup sheet. */
export function previousBackup(snapshot: WorkbookSnapshot): BackupRecord | null {
  const sheet = snapshot.sheets.find((s) => s.name === BACKUP_SHEET);
  return sheet && sheet.top === 0 && sheet.left === 0 ? decodeBackup(sheet.values) : null;
}

/** Sheets the engine wrote itself: never read as a department's table. */
export function ownSheetNames(snapshot: WorkbookSnapshot): Set<string> {
  const own = new Set<string>();
  for (const sheet of snapshot.sheets) {
    const a1 = sheet.top === 0 && sheet.left === 0 ? sheet.values[0]?.[0] : null;
    if (typeof a1 === "string" && a1.startsWith(SUMMARY_TITLE)) own.add(sheet.name);
  }
  const previous = previousBackup(snapshot);
  if (previous) {
    own.add(BACKUP_SHEET);
    if (previous.summarySheet) own.add(previous.summarySheet);
  }
  return own;
}
