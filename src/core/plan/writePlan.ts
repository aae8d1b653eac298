import { ScoringError } from "../errors";
import { BACKUP_SHEET, BackupPlan, BackupRecord, CellMark, Confirmation, Finding, FormatSource, PREVIOUS_BACKUP_SHEET, ScoreResult, SUMMARY_SHEET, WorkbookSnapshot, WritePlan } from "../model";
import { formatCellFor, isBackupSheet, previousBackup } from "./backup";
import { KIND_LABEL, KIND_SEVERITY, MARK_FILL } from "./markColours";
import { clipText, summarySheetRows } from "./summarySheet";

/** Notes we write start with this, so that an officer sees whose note it is and a re-run knows which notes are ours. */
export const NOTE_PREFIX = "【绩效自评助手】";

const key = (sheet: string, cell: string) => `${sheet}\u0001${cell}`;

/**
 * Hosts rename a sheet called BACKUP_SHEET and delete PREVIOUS_BACKUP_SHEET (WritePlan steps 1 and 4): a sheet of the
 * officer's under either name would be lost, so a plan is refused until it is renamed.
 */
function refuseSheetsUnderOurNames(snapshot: WorkbookSnapshot): void {
  for (const name of [BACKUP_SHEET, PREVIOUS_BACKUP_SHEET]) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (sheet && !isBackupSheet(sheet)) {
      throw new ScoringError(`工作簿中已有名为“${name}”的工作表，但它不是绩效自评助手的备份；为免覆盖其中的内容，请先把它改名，再评分或清除标注`);
    }
  }
}

/** 评分汇总, or 评分汇总(2)… when a sheet of the officer's already has the name. */
function summaryName(snapshot: WorkbookSnapshot, previous: BackupRecord | null): string {
  if (previous?.summarySheet) return previous.summarySheet;
  const taken = new Set(snapshot.sheets.map((s) => s.name));
  let name = SUMMARY_SHEET;
  for (let n = 2; taken.has(name); n++) name = `${SUMMARY_SHEET}(${n})`;
  return name;
}

function markFor(findings: Finding[]): Omit<CellMark, "sheet" | "cell"> {
  const kind = KIND_SEVERITY.find((k) => findings.some((f) => f.kind === k))!;
  const lines = findings.map((f) => `[${KIND_LABEL[f.kind]}] ${f.message}`);
  return { kind, fill: MARK_FILL[kind], note: clipText(`${NOTE_PREFIX}\n${lines.join("\n")}`) };
}

/**
 * Splits an earlier run into what can be undone now and what must be carried: entries on sheets that are protected
 * now (writing there would fail) stay marked, and stay remembered.
 */
function splitPrevious(previous: BackupRecord | null, protectedSheets: Set<string>) {
  if (!previous) return { undo: null, carriedFills: [], carriedNotes: [] };
  const onProtected = (e: { sheet: string }) => protectedSheets.has(e.sheet);
  return {
    undo: { ...previous, fills: previous.fills.filter((f) => !onProtected(f)), notes: previous.notes.filter((n) => !onProtected(n)) },
    carriedFills: previous.fills.filter(onProtected),
    carriedNotes: previous.notes.filter(onProtected),
  };
}

/**
 * The new backup: carried entries (their formats taken from the earlier backup sheet), then the cells marked now, and
 * the officer's 已核对 marks, which outlive both re-scoring and 清除标注.
 */
function backupPlan(summarySheet: string | null, carried: ReturnType<typeof splitPrevious>, marks: CellMark[], confirmations: Confirmation[]): BackupPlan | null {
  const sources: FormatSource[] = [];
  const fills = [
    ...carried.carriedFills.map((f) => (sources.push({ previousFormatCell: f.formatCell }), { sheet: f.sheet, cell: f.cell })),
    ...marks.map((m) => (sources.push({ sheet: m.sheet, cell: m.cell }), { sheet: m.sheet, cell: m.cell })),
  ].map((f, i) => ({ ...f, formatCell: formatCellFor(i) }));
  const notes = [...carried.carriedNotes, ...marks.map((m) => ({ sheet: m.sheet, cell: m.cell }))];
  if (!summarySheet && fills.length === 0 && notes.length === 0 && confirmations.length === 0) return null;
  return { record: { version: 1, summarySheet, fills, notes, confirmations }, sources };
}

const protectedSheetsOf = (snapshot: WorkbookSnapshot) => new Set(snapshot.sheets.filter((s) => s.protected).map((s) => s.name));

/** Every write of a scoring run: undo the earlier run, mark, summarise, remember. */
/**
 * `copyLacks`: what a copy written from this snapshot cannot keep of the workbook ("宏（VBA 代码） 1 个"), for 评分汇总 to
 * say; none when the workbook itself is written (the add-in).
 */
export function planWrite(result: ScoreResult, snapshot: WorkbookSnapshot, copyLacks: string[] = []): WritePlan {
  refuseSheetsUnderOurNames(snapshot);
  const previous = previousBackup(snapshot);
  const protectedSheets = protectedSheetsOf(snapshot);
  const byCell = new Map<string, Finding[]>();
  for (const f of result.findings) {
    // A confirmed finding is counted and listed, but its cell is left as the officer has it.
    if (protectedSheets.has(f.sheet) || f.confirmed) continue;
    const k = key(f.sheet, f.cell);
    byCell.set(k, [...(byCell.get(k) ?? []), f]);
  }
  const marks: CellMark[] = [...byCell.values()].map((findings) => ({ sheet: findings[0].sheet, cell: findings[0].cell, ...markFor(findings) }));
  const name = summaryName(snapshot, previous);
  const skippedProtectedSheets = [...new Set(result.findings.filter((f) => protectedSheets.has(f.sheet)).map((f) => f.sheet))];
  const split = splitPrevious(previous, protectedSheets);
  return {
    clearPrevious: split.undo,
    marks,
    summary: { name, ...summarySheetRows(result, skippedProtectedSheets, copyLacks) },
    backup: backupPlan(name, split, marks, result.confirmations ?? []),
    skippedProtectedSheets,
  };
}

/**
 * 清除标注: undo the earlier run wherever its sheets can be written; null when the workbook carries no run of ours.
 * The 已核对 marks stay (in a backup sheet holding nothing else), so that scoring again does not ask for them again.
 */
export function planClear(snapshot: WorkbookSnapshot): WritePlan | null {
  refuseSheetsUnderOurNames(snapshot);
  const previous = previousBackup(snapshot);
  if (!previous) return null;
  const protectedSheets = protectedSheetsOf(snapshot);
  const split = splitPrevious(previous, protectedSheets);
  const skipped = [...new Set([...split.carriedFills, ...split.carriedNotes].map((e) => e.sheet))];
  return { clearPrevious: split.undo, marks: [], summary: null, backup: backupPlan(null, split, [], previous.confirmations ?? []), skippedProtectedSheets: skipped };
}
