/// <reference types="office-js" />
/**
 * The Office.js host: reads the open workbook into a WorkbookSnapshot, runs the engine, applies its WritePlan. This is
 * the only file that calls Excel.run; everything below the three entry points takes a RequestContext, so that tests
 * drive the same code with FakeExcel (test/fake-excel).
 *
 * A scoring run makes three round trips whatever the workbook's size, none in a loop:
 *   1. the sheet list, the notes and comments with their text, and whether the workbook can be changed
 *      (Office.js cannot address a sheet it has not listed yet);
 *   2. every sheet's used values and merged areas, and where each note and comment sits;
 *   3. every write, in one batch, in the order of the WritePlan contract (model.ts).
 * Nothing is read between scoring and writing: the backup sheet keeps a copy of each marked cell's format
 * (Range.copyFrom, "Formats") rather than a fill colour read beforehand. 清除标注 makes the same three round trips,
 * reading only the backup sheets and the top-left cell of the others in the second. Marking a finding 已核对 (or
 * withdrawing the mark) is a scoring run with the confirmations changed, so it too makes three.
 *
 * Whether the workbook changed since scoring: Excel reports changes of values (onWorksheetChanged), ours included;
 * each report is checked by comparing the values of the officer's sheets with their fingerprint taken when scoring
 * (valuesFingerprint), so our own writes never count as a change.
 */
import { scoreWorkbook } from "../core/engine";
import { fromA1, qualified, rangeToA1, toA1 } from "../core/grid/address";
import {
  BACKUP_SHEET,
  BackupPlan,
  CellMark,
  CellValue,
  Confirmation,
  PREVIOUS_BACKUP_SHEET,
  ScoreResult,
  SheetSnapshot,
  SheetVisibility,
  SummaryCell,
  SummarySheetPlan,
  WorkbookSnapshot,
  WritePlan,
} from "../core/model";
import { decodeBackup, encodeBackup, isBackupSheet, storedConfirmations } from "../core/plan/backup";
import { confirm, FindingKey, withdraw } from "../core/review/confirmations";
import { valuesFingerprint } from "../core/review/fingerprint";
import { NOTE_PREFIX, planClear, planWrite } from "../core/plan/writePlan";
import { Profile } from "../core/rules/profile";
import { cellValueFromOffice, charsToPoints, rangesFromAreasAddress, splitAddress, trimGrid } from "./officeShapes";

/** Where the explanation of a mark goes: notes (ExcelApi 1.18), threaded comments (1.10), or nowhere. */
export type NotesMode = "notes" | "comments" | "none";

export interface RunReport {
  result: ScoreResult;
  marked: number;
  summarySheet: string;
  skippedProtectedSheets: string[];
  notesMode: NotesMode;
  syncs: number;
  /** Said when the run succeeded but not quite as planned (some marks could not get a comment). */
  notice?: string;
  /** valuesFingerprint of the workbook as scored: what a later check compares against. */
  fingerprint: string;
}

export interface ClearReport {
  restoredCells: number;
  removedSheets: string[];
  /** 已核对 marks kept in the workbook for the next run. */
  keptConfirmations: number;
  syncs: number;
  /** Said when something of ours may remain that this Excel cannot remove (notes, below ExcelApi 1.18). */
  notice?: string;
}

/** The engine steps a run calls; injectable so that tests can drive the adapter with hand-made results. */
export interface Engine {
  score(snapshot: WorkbookSnapshot): ScoreResult;
  planWrite(result: ScoreResult, snapshot: WorkbookSnapshot): WritePlan;
}

/**
 * The workbook could not be written (read-only, 保护工作簿, or a write Excel refused). The message is Chinese and says
 * what to do; `result` is the score when the run got that far, so that it can still be shown.
 */
export class WorkbookWriteError extends Error {
  constructor(
    message: string,
    readonly result?: ScoreResult,
  ) {
    super(message);
    this.name = "WorkbookWriteError";
  }
}

/** 已核对 given to one finding (with the officer's note, possibly empty), or withdrawn. */
export type ConfirmationChange = { confirm: FindingKey; note: string } | { withdraw: FindingKey };

/** The engine of a run: the workbook's confirmations as stored, or changed by `review` against the values read now. */
export function engineFor(profile: Profile, review?: ConfirmationChange, now: () => Date = () => new Date()): Engine {
  const confirmations = (snapshot: WorkbookSnapshot): Confirmation[] => {
    const stored = storedConfirmations(snapshot);
    if (!review) return stored;
    return "withdraw" in review ? withdraw(stored, review.withdraw) : confirm(stored, review.confirm, review.note, now(), snapshot);
  };
  return { score: (snapshot) => scoreWorkbook(snapshot, profile, confirmations(snapshot)), planWrite };
}

/** Scores the open workbook; with `review`, after marking a finding 已核对 or withdrawing the mark. */
export function scoreActiveWorkbook(profile: Profile, review?: ConfirmationChange): Promise<RunReport> {
  return Excel.run((context) => scoreInContext(context, engineFor(profile, review)));
}

/** The fingerprint of the open workbook's values now, to compare with RunReport.fingerprint. */
export function workbookFingerprint(): Promise<string> {
  return Excel.run(fingerprintInContext);
}

/** Calls `changed` whenever Excel reports a change of values anywhere in the workbook (our own writes included). */
export function watchWorkbookChanges(changed: () => void): Promise<void> {
  return Excel.run(async (context) => {
    context.workbook.worksheets.onChanged.add(async () => changed());
    await context.sync();
  });
}

export function clearMarks(): Promise<ClearReport> {
  return Excel.run(clearInContext);
}

export function selectCell(sheet: string, cell: string): Promise<void> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync();
  });
}

/** Reads, scores, and writes marks, summary and backup; a ScoringError from the engine propagates unchanged. */
export async function scoreInContext(context: Excel.RequestContext, engine: Engine): Promise<RunReport> {
  const sync = countingSync(context);
  const support = hostSupport();
  const listed = await listWorkbook(context, sync, support);
  const readers = listed.sheets.map((ws) => queueSheet(ws, support.merges));
  const locate = queueLocations(listed.annotationItems);
  await readSync(sync);
  const read = recoverInterrupted(readers.map((r) => r()));
  const snapshot: WorkbookSnapshot = { sheets: read.sheets };
  const result = engine.score(snapshot);
  const plan = engine.planWrite(result, snapshot);
  assertWritable(listed, support, "score", result);
  queuePlan(context, plan, { ...read, listed, mode: support.notes, annotations: locate() });
  const summarySheet = plan.summary?.name ?? "";
  let notice: string | undefined;
  try {
    await sync();
  } catch (error) {
    if (listed.readOnly || !onlyCommentsFailed(error, support.notes)) throw writeFailure(error, listed, "score", result);
    notice = `有的标注单元格已有便笺，无法再添加批注；这些单元格的问题说明请见工作表“${summarySheet}”`;
  }
  return {
    result,
    marked: plan.marks.length,
    summarySheet,
    skippedProtectedSheets: plan.skippedProtectedSheets,
    notesMode: support.notes,
    syncs: sync.count(),
    ...(notice ? { notice } : {}),
    fingerprint: valuesFingerprint(snapshot),
  };
}

/** Reads the values of every sheet (two round trips, nothing written) and digests those of the officer's sheets. */
export async function fingerprintInContext(context: Excel.RequestContext): Promise<string> {
  const sync = countingSync(context);
  const support = hostSupport();
  const listed = await listWorkbook(context, sync, { ...support, notes: "none" });
  const readers = listed.sheets.map((ws) => queueSheet(ws, false));
  await readSync(sync);
  return valuesFingerprint({ sheets: recoverInterrupted(readers.map((r) => r())).sheets });
}

/** Undoes the earlier run the backup sheet records (清除标注); a workbook without a run of ours is left alone. */
export async function clearInContext(context: Excel.RequestContext): Promise<ClearReport> {
  const sync = countingSync(context);
  const support = hostSupport();
  const listed = await listWorkbook(context, sync, support);
  // The backup sheets whole: they alone tell which sheets are ours. Of the others, what the listing already holds.
  const readers = listed.sheets.map((ws) => (ws.name === BACKUP_SHEET || ws.name === PREVIOUS_BACKUP_SHEET ? queueSheet(ws, false) : () => ({ ...sheetHeader(ws), top: 0, left: 0, values: [], merges: [] })));
  const locate = queueLocations(listed.annotationItems);
  await readSync(sync);
  const read = recoverInterrupted(readers.map((r) => r()));
  const plan = planClear({ sheets: read.sheets });
  if (!plan) return { restoredCells: 0, removedSheets: [], keptConfirmations: 0, syncs: sync.count() };
  assertWritable(listed, support, "clear");
  const done = queuePlan(context, plan, { ...read, listed, mode: support.notes, annotations: locate() });
  try {
    await sync();
  } catch (error) {
    throw writeFailure(error, listed, "clear");
  }
  const notice =
    done.unseenNotes > 0
      ? `此版本 Excel 无法读取和删除便笺：${done.unseenNotes} 个单元格上可能还留有绩效自评助手写的便笺（以“${NOTE_PREFIX}”开头），如有请手动删除`
      : undefined;
  const keptConfirmations = plan.backup?.record.confirmations?.length ?? 0;
  return { restoredCells: done.restoredCells, removedSheets: done.removedSheets, keptConfirmations, syncs: sync.count(), ...(notice ? { notice } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Host and round trips

interface HostSupport {
  notes: NotesMode;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13); without it merged cells read as separate cells. */
  merges: boolean;
  /** Range.copyFrom (ExcelApi 1.9): how the backup keeps and gives back each marked cell's format. */
  copyFormats: boolean;
  /** Workbook.readOnly (1.8) and Workbook.protection (1.7). */
  workbookState: boolean;
}

function hostSupport(): HostSupport {
  const has = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return { notes: has("1.18") ? "notes" : has("1.10") ? "comments" : "none", merges: has("1.13"), copyFormats: has("1.9"), workbookState: has("1.8") };
}

type Sync = (() => Promise<void>) & { count(): number };

/** context.sync, counted: the count is part of every report, so that a regression to more round trips shows. */
function countingSync(context: Excel.RequestContext): Sync {
  let count = 0;
  const sync = async () => {
    count++;
    await context.sync();
  };
  return Object.assign(sync, { count: () => count });
}

/** What Excel said, for a message: its text, its code, and the failing call when Office.js names it. */
function officeErrorDetail(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; debugInfo?: { errorLocation?: unknown } } | null;
  const parts = [typeof e?.message === "string" && e.message ? e.message : String(error)];
  if (typeof e?.code === "string" && e.code && !parts[0].includes(e.code)) parts.push(`代码 ${e.code}`);
  if (typeof e?.debugInfo?.errorLocation === "string" && e.debugInfo.errorLocation) parts.push(`位置 ${e.debugInfo.errorLocation}`);
  return parts.join("，");
}

/** Round trips 1 and 2 only read: a failure there changed nothing. */
async function readSync(sync: Sync): Promise<void> {
  try {
    await sync();
  } catch (error) {
    throw new Error(`读取工作簿时出错（${officeErrorDetail(error)}），工作簿未作任何改动。请稍后重试；若工作表中远处有零星内容，请删除后再试。`);
  }
}

type Action = "score" | "clear";

/** Refuses before writing what Excel would refuse anyway: nothing is written then. */
function assertWritable(listed: Listed, support: HostSupport, action: Action, result?: ScoreResult): void {
  const retry = action === "score" ? "再评分" : "再清除标注";
  if (listed.structureProtected) {
    throw new WorkbookWriteError(`工作簿的结构受保护（审阅 → 保护工作簿），无法添加或删除工作表，工作簿未作任何改动；请取消保护后${retry}`, result);
  }
  if (!support.copyFormats) {
    throw new WorkbookWriteError(`此版本 Excel 不支持复制单元格格式（需要 ExcelApi 1.9），无法写入或清除标注，工作簿未作任何改动；请升级 Excel 后${retry}`, result);
  }
}

/**
 * Why round trip 3 failed, for the officer. Excel applies a batch up to the first command it refuses: the commands
 * before it stay applied. Both entry points resume from any such state (recoverInterrupted), so the message says to
 * run again.
 */
function writeFailure(error: unknown, listed: Listed, action: Action, result?: ScoreResult): WorkbookWriteError {
  if (listed.readOnly) {
    return new WorkbookWriteError(
      action === "score" ? "工作簿为只读，无法写入标注；请另存或取消只读后再评分" : "工作簿为只读，无法清除标注；请另存或取消只读后再清除标注",
      result,
    );
  }
  const detail = officeErrorDetail(error);
  return new WorkbookWriteError(
    action === "score"
      ? `评分已完成，但写入工作簿时出错（${detail}），标注可能只写入了一部分。再点一次“评分”会重新写入，点“清除标注”可恢复原样。`
      : `清除标注时出错（${detail}），工作簿可能只恢复了一部分。请再点一次“清除标注”。`,
    result,
  );
}

/**
 * Below ExcelApi 1.18 notes cannot be seen, and Excel refuses a comment on a cell that has a note. The comments are
 * therefore the batch's last commands: when Excel names a comment as what it refused, everything else is written.
 */
function onlyCommentsFailed(error: unknown, mode: NotesMode): boolean {
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  return mode === "comments" && typeof location === "string" && location.startsWith("CommentCollection.add");
}

/** A cell's key in lookups: sheet plus normalised A1 ("$b$7" and "B7" are the same cell). */
function cellKey(sheet: string, cell: string): string {
  return `${sheet}\u0001${toA1(fromA1(cell))}`;
}

type AnnotationItem = Excel.Note | Excel.Comment;

/** A note or comment thread found in the workbook. Ours start with NOTE_PREFIX; anything else is the officer's. */
class Annotation {
  private removed = false;
  constructor(private readonly item: AnnotationItem) {}

  get ours(): boolean {
    return this.item.content.startsWith(NOTE_PREFIX);
  }

  get present(): boolean {
    return !this.removed;
  }

  /** Queues the deletion once, however many steps ask for it: a second delete of the same item fails the batch. */
  remove(): void {
    if (this.removed) return;
    this.item.delete();
    this.removed = true;
  }
}

interface Listed {
  sheets: Excel.Worksheet[];
  annotationItems: AnnotationItem[];
  /** Workbook.readOnly; false where the host cannot tell. */
  readOnly: boolean;
  /** 保护工作簿: no sheet can be added, deleted or renamed. */
  structureProtected: boolean;
}

/** Round trip 1: the sheets with their visibility and protection, the notes and comments with their text, the workbook's state. */
async function listWorkbook(context: Excel.RequestContext, sync: Sync, support: HostSupport): Promise<Listed> {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  const notes = support.notes === "notes" ? context.workbook.notes.load("items/content") : null;
  const comments = support.notes !== "none" ? context.workbook.comments.load("items/content") : null;
  const workbook = support.workbookState ? context.workbook.load("readOnly,protection/protected") : null;
  await readSync(sync);
  return {
    sheets: sheets.items,
    annotationItems: [...(notes?.items ?? []), ...(comments?.items ?? [])],
    readOnly: workbook?.readOnly ?? false,
    structureProtected: workbook?.protection.protected ?? false,
  };
}

/** Queues where each note and comment sits; the returned reader is valid after the next sync. */
function queueLocations(items: AnnotationItem[]): () => Map<string, Annotation[]> {
  const located = items.map((item) => ({ item, range: item.getLocation().load("address") }));
  return () => {
    const byCell = new Map<string, Annotation[]>();
    for (const { item, range } of located) {
      const { sheet, local } = splitAddress(range.address);
      const key = cellKey(sheet, local);
      byCell.set(key, [...(byCell.get(key) ?? []), new Annotation(item)]);
    }
    return byCell;
  };
}

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

function sheetHeader(ws: Excel.Worksheet): Pick<SheetSnapshot, "name" | "visibility" | "protected"> {
  return { name: ws.name, visibility: VISIBILITY[ws.visibility], protected: ws.protection.protected };
}

/** Queues a listed sheet's contents; the returned reader is valid after the next sync. */
function queueSheet(ws: Excel.Worksheet, withMerges: boolean): () => SheetSnapshot {
  // Number formats only to tell dates: Office.js reports a date as its serial number.
  const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,rowIndex,columnIndex");
  // Asked of the whole sheet, not of the used range: that is a null object on an empty sheet.
  const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject().load("address") : null;
  return () => {
    const values: CellValue[][] = used.isNullObject ? [] : used.values.map((row: unknown[], r: number) => row.map((v, c) => cellValueFromOffice(v, used.numberFormat[r][c])));
    return {
      ...sheetHeader(ws),
      ...trimGrid(used.isNullObject ? 0 : used.rowIndex, used.isNullObject ? 0 : used.columnIndex, values),
      merges: merged && !merged.isNullObject ? rangesFromAreasAddress(merged.address) : [],
    };
  };
}

/** Whether a sheet read is empty or starts as a backup of ours does: the marker in A1, its table possibly unwritten. */
function unfinishedBackup(sheet: SheetSnapshot): boolean {
  return sheet.values.length === 0 || (sheet.top === 0 && sheet.left === 0 && decodeBackup([sheet.values[0], []]) !== null);
}

/** What the reads found, as the writes need it. */
interface ReadState {
  sheets: SheetSnapshot[];
  /** The earlier run's backup sheet as it is named now: BACKUP_SHEET, or PREVIOUS_BACKUP_SHEET after an interrupted run. */
  oldBackup: string | null;
  /** A BACKUP_SHEET beside an earlier one still named PREVIOUS_BACKUP_SHEET: an interrupted run's unfinished backup. */
  unfinished: boolean;
}

/**
 * A run that stopped part-way (see writeFailure) leaves the earlier backup renamed to PREVIOUS_BACKUP_SHEET, possibly
 * beside an unfinished BACKUP_SHEET. The earlier backup is then the whole truth: its formats are intact, and undoing it
 * again is harmless where it was already undone (the same formats copied back, notes already gone left alone). So the
 * core is shown that sheet under the name BACKUP_SHEET, and the unfinished one is deleted before anything else.
 */
function recoverInterrupted(sheets: SheetSnapshot[]): ReadState {
  const backup = sheets.find((s) => s.name === BACKUP_SHEET);
  const previous = sheets.find((s) => s.name === PREVIOUS_BACKUP_SHEET);
  if (previous && isBackupSheet(previous) && (!backup || unfinishedBackup(backup))) {
    return {
      sheets: sheets.filter((s) => s !== backup).map((s) => (s === previous ? { ...s, name: BACKUP_SHEET } : s)),
      oldBackup: PREVIOUS_BACKUP_SHEET,
      unfinished: !!backup,
    };
  }
  return { sheets, oldBackup: backup ? BACKUP_SHEET : null, unfinished: false };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes (queued only; the caller syncs once)

interface WriteState extends ReadState {
  listed: Listed;
  mode: NotesMode;
  /** Notes and comment threads by cellKey. */
  annotations: Map<string, Annotation[]>;
}

/** Sheet proxies for one batch: one per name; the backup sheets are the ones the batch renamed or added. */
class Sheets {
  private readonly cache = new Map<string, Excel.Worksheet>();
  old: Excel.Worksheet | null = null;
  added: Excel.Worksheet | null = null;

  constructor(private readonly context: Excel.RequestContext) {}

  get(name: string): Excel.Worksheet {
    if (name === PREVIOUS_BACKUP_SHEET && this.old) return this.old;
    if (name === BACKUP_SHEET && this.added) return this.added;
    let ws = this.cache.get(name);
    if (!ws) {
      ws = this.context.workbook.worksheets.getItem(name);
      this.cache.set(name, ws);
    }
    return ws;
  }
}

interface Loc {
  sheet: string;
  row: number;
  col: number;
}

const loc = (sheet: string, cell: string): Loc => ({ sheet, ...fromA1(cell) });

/**
 * Queues format copies, one copyFrom per run of entries whose sources and destinations both go down one column
 * (marks on a column of scores become one copy instead of one per cell).
 */
function queueFormatCopies(sheets: Sheets, copies: { from: Loc; to: Loc }[]): void {
  const next = (a: Loc, b: Loc) => a.sheet === b.sheet && a.col === b.col && b.row === a.row + 1;
  const range = (first: Loc, last: Loc) => sheets.get(first.sheet).getRange(rangeToA1({ top: first.row, left: first.col, bottom: last.row, right: last.col }));
  for (let i = 0; i < copies.length; ) {
    let j = i;
    while (j + 1 < copies.length && next(copies[j].from, copies[j + 1].from) && next(copies[j].to, copies[j + 1].to)) j++;
    range(copies[i].to, copies[j].to).copyFrom(range(copies[i].from, copies[j].from), "Formats");
    i = j + 1;
  }
}

/**
 * The plan, in the order of the WritePlan contract (model.ts), in one batch. Returns how many cells got their
 * format back and which sheets are gone for good.
 */
function queuePlan(context: Excel.RequestContext, plan: WritePlan, state: WriteState): { restoredCells: number; removedSheets: string[]; unseenNotes: number } {
  const sheets = new Sheets(context);
  const exists = new Set(state.listed.sheets.map((ws) => ws.name));
  if (state.unfinished) context.workbook.worksheets.getItem(BACKUP_SHEET).delete();

  // 1. The earlier backup steps aside, so that the new one can take its name.
  if (state.oldBackup) {
    sheets.old = context.workbook.worksheets.getItem(state.oldBackup);
    if (state.oldBackup !== PREVIOUS_BACKUP_SHEET) sheets.old.name = PREVIOUS_BACKUP_SHEET;
  }

  // 2. Undo the earlier run. Entries on sheets deleted since are gone with their sheet.
  const undo = plan.clearPrevious;
  const restored = sheets.old ? (undo?.fills ?? []).filter((f) => exists.has(f.sheet)) : [];
  queueFormatCopies(
    sheets,
    restored.map((f) => ({ from: loc(PREVIOUS_BACKUP_SHEET, f.formatCell), to: loc(f.sheet, f.cell) })),
  );
  const undoneNotes = (undo?.notes ?? []).filter((n) => exists.has(n.sheet));
  const unseen: { sheet: string; cell: string }[] = [];
  for (const n of undoneNotes) {
    const ours = (state.annotations.get(cellKey(n.sheet, n.cell)) ?? []).filter((a) => a.ours);
    ours.forEach((a) => a.remove());
    // Below ExcelApi 1.18 notes cannot be seen: where no comment of ours was found, a note of ours may still be
    // (written by the command line or a newer Excel). It cannot be removed here, and Excel would refuse a comment.
    if (ours.length === 0 && state.mode !== "notes") unseen.push(n);
  }
  const removedSheets = undo?.summarySheet && exists.has(undo.summarySheet) ? [undo.summarySheet] : [];
  for (const name of removedSheets) sheets.get(name).delete();

  // 5 is decided now, as the backup of step 3 records which cells get a note.
  const explained = notesToWrite(plan.marks, state, new Set(unseen.map((n) => cellKey(n.sheet, n.cell))));
  // A clearing keeps no backup for unseen notes alone: nothing here could ever remove them.
  const backup = withNotesOfHost(plan.backup, plan.marks, explained, plan.summary ? unseen : [], state.mode);

  // 3. The new backup: its table as text, then each original format, taken after step 2 gave the cells theirs back.
  if (backup) {
    const ws = context.workbook.worksheets.add(BACKUP_SHEET);
    sheets.added = ws;
    const rows = encodeBackup(backup.record);
    const width = rows.reduce((w, row) => Math.max(w, row.length), 1);
    const table = ws.getRange(rangeToA1({ top: 0, left: 0, bottom: rows.length - 1, right: width - 1 }));
    // As text: a sheet named "2024" or "TRUE" must come back as that name, not as a number or a boolean.
    table.numberFormat = rows.map(() => new Array<string>(width).fill("@"));
    table.values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
    queueFormatCopies(
      sheets,
      backup.record.fills.map((f, i) => {
        const source = backup.sources[i];
        const from = "previousFormatCell" in source ? loc(PREVIOUS_BACKUP_SHEET, source.previousFormatCell) : loc(source.sheet, source.cell);
        return { from, to: loc(BACKUP_SHEET, f.formatCell) };
      }),
    );
    ws.visibility = "VeryHidden";
  }

  // 4. The earlier backup has served.
  if (sheets.old) sheets.old.delete();

  // 5. Marks and the summary; notes and comments last (see onlyCommentsFailed).
  queueFills(sheets, plan.marks);
  if (plan.summary) queueSummary(context, plan.summary);
  queueNotes(context, sheets, plan.marks, explained, state.mode);

  const backupGone = state.oldBackup !== null && !backup;
  return { restoredCells: restored.length, removedSheets: backupGone ? [...removedSheets, BACKUP_SHEET] : removedSheets, unseenNotes: unseen.length };
}

/**
 * The marks that get a note (or a comment), after step 2's removals: none where the host has neither, where the
 * officer has a note or comment of their own (the summary sheet carries our explanation for that cell), or where an
 * unseen note of ours may sit (Excel refuses a second note or comment on a cell). A leftover of ours is replaced.
 */
function notesToWrite(marks: CellMark[], state: WriteState, unseen: Set<string>): Set<string> {
  const explained = new Set<string>();
  if (state.mode === "none") return explained;
  for (const mark of marks) {
    const key = cellKey(mark.sheet, mark.cell);
    const present = (state.annotations.get(key) ?? []).filter((a) => a.present);
    if (unseen.has(key) || present.some((a) => !a.ours)) continue;
    present.forEach((a) => a.remove());
    explained.add(key);
  }
  return explained;
}

/**
 * The backup's notes as this host leaves them. With notes (ExcelApi 1.18) the plan's record stands. Without, a mark
 * gets no note where no comment is written, so the record lists the cells that get a comment, the entries carried on
 * protected sheets, and, when scoring, the cells where an unseen note of ours may remain: they get no comment next
 * time either, and 清除标注 can say where such notes may be left.
 */
function withNotesOfHost(backup: BackupPlan | null, marks: CellMark[], explained: Set<string>, unseen: { sheet: string; cell: string }[], mode: NotesMode): BackupPlan | null {
  if (mode === "notes" || !backup) return backup;
  const marked = new Set(marks.map((m) => cellKey(m.sheet, m.cell)));
  const notes = backup.record.notes.filter((n) => !marked.has(cellKey(n.sheet, n.cell)) || explained.has(cellKey(n.sheet, n.cell)));
  const listed = new Set(notes.map((n) => cellKey(n.sheet, n.cell)));
  for (const n of unseen) if (!listed.has(cellKey(n.sheet, n.cell))) notes.push({ sheet: n.sheet, cell: n.cell });
  return { ...backup, record: { ...backup.record, notes } };
}

/** Fills, one range per run of marks down a column with the same colour. */
function queueFills(sheets: Sheets, marks: CellMark[]): void {
  for (let i = 0; i < marks.length; ) {
    const first = loc(marks[i].sheet, marks[i].cell);
    let last = first;
    let j = i;
    while (j + 1 < marks.length && marks[j + 1].fill === marks[i].fill) {
      const candidate = loc(marks[j + 1].sheet, marks[j + 1].cell);
      if (candidate.sheet !== last.sheet || candidate.col !== last.col || candidate.row !== last.row + 1) break;
      last = candidate;
      j++;
    }
    sheets.get(first.sheet).getRange(rangeToA1({ top: first.row, left: first.col, bottom: last.row, right: last.col })).format.fill.color = marks[i].fill;
    i = j + 1;
  }
}

/** A note or a comment on each explained mark. */
function queueNotes(context: Excel.RequestContext, sheets: Sheets, marks: CellMark[], explained: Set<string>, mode: NotesMode): void {
  for (const mark of marks) {
    if (!explained.has(cellKey(mark.sheet, mark.cell))) continue;
    const range = sheets.get(mark.sheet).getRange(mark.cell);
    if (mode === "notes") context.workbook.notes.add(range, mark.note);
    else context.workbook.comments.add(range, mark.note);
  }
}

const BLANK: SummaryCell = { value: null };
const LINK_COLOUR = "#0563C1";

function queueSummary(context: Excel.RequestContext, summary: SummarySheetPlan): void {
  const ws = context.workbook.worksheets.add(summary.name);
  const width = summary.rows.reduce((w, row) => Math.max(w, row.length), 0);
  if (width > 0) {
    const grid = summary.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? BLANK));
    const all = ws.getRange(rangeToA1({ top: 0, left: 0, bottom: grid.length - 1, right: width - 1 }));
    // Text cells get the text format before the values land, so that "=1+1" or "-5%" stays the text it is.
    all.numberFormat = grid.map((row) => row.map((c) => (typeof c.value === "string" ? "@" : (c.numberFormat ?? "General"))));
    all.values = grid.map((row) => row.map((c) => c.value ?? ""));
    grid.forEach((row, r) => queueRowFormats(ws, row, r));
    // Top-aligned throughout, so that a label and its wrapped text start on the same line.
    all.format.verticalAlignment = "Top";
  }
  summary.columnWidths.forEach((w, col) => (ws.getRange(toA1({ row: 0, col })).format.columnWidth = charsToPoints(w)));
  ws.pageLayout.orientation = summary.page.orientation === "landscape" ? "Landscape" : "Portrait";
  ws.pageLayout.paperSize = "A4";
  ws.pageLayout.zoom = { horizontalFitToPages: 1 };
  ws.pageLayout.headersFooters.defaultForAllPages.centerFooter = summary.page.footer;
}

/** Formats of one summary row: one range per run of neighbouring cells that share a format. */
function queueRowFormats(ws: Excel.Worksheet, row: SummaryCell[], r: number): void {
  const span = (start: number, end: number) => ws.getRange(rangeToA1({ top: r, bottom: r, left: start, right: end }));
  for (const run of runs(row, (c) => c.bold ?? false)) if (run.value) span(run.start, run.end).format.font.bold = true;
  for (const run of runs(row, (c) => c.fill ?? null)) if (run.value) span(run.start, run.end).format.fill.color = run.value;
  for (const run of runs(row, (c) => c.wrap ?? false)) if (run.value) span(run.start, run.end).format.wrapText = true;
  row.forEach((c, col) => {
    if (!c.link) return;
    const cell = span(col, col);
    // textToDisplay replaces the cell's value, so a number keeps its own and only text is passed.
    cell.hyperlink = { documentReference: qualified(c.link.sheet, c.link.cell), ...(typeof c.value === "string" ? { textToDisplay: c.value } : {}) };
    cell.format.font.color = LINK_COLOUR;
    cell.format.font.underline = "Single";
  });
}

function runs<T>(row: SummaryCell[], key: (c: SummaryCell) => T): { start: number; end: number; value: T }[] {
  const out: { start: number; end: number; value: T }[] = [];
  row.forEach((c, i) => {
    const value = key(c);
    const last = out[out.length - 1];
    if (last && last.value === value) last.end = i;
    else out.push({ start: i, end: i, value });
  });
  return out;
}
