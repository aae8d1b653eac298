/// <reference types="office-js" />
/**
 * The Office.js host: reads the open workbook into a WorkbookSnapshot, runs the engine, applies its WritePlan. This is
 * the only file that calls Excel.run; everything below the three entry points takes a RequestContext, so that tests
 * drive the same code with FakeExcel (test/fake-excel).
 *
 * A scoring run makes four round trips whatever the workbook's size, none in a loop:
 *   1. the sheet list, and the notes and comments (Office.js cannot address a sheet it has not listed yet);
 *   2. every sheet's used values and merged areas, and where each note and comment sits;
 *   3. the current fills of the cells to mark (skipped when nothing is marked);
 *   4. every write, in one batch.
 */
import { scoreWorkbook } from "../core/engine";
import { fromA1, qualified, rangeToA1, toA1 } from "../core/grid/address";
import {
  BACKUP_SHEET,
  BackupRecord,
  CellMark,
  Fill,
  ScoreResult,
  SheetSnapshot,
  SheetVisibility,
  SummaryCell,
  SummarySheetPlan,
  WorkbookSnapshot,
  WritePlan,
} from "../core/model";
import { encodeBackup, previousBackup } from "../core/plan/backup";
import { cellsToMark, NOTE_PREFIX, planWrite } from "../core/plan/writePlan";
import { Profile } from "../core/rules/profile";
import { cellValueFromOffice, charsToPoints, fillFromOffice, rangesFromAreasAddress, splitAddress } from "./officeShapes";

/** Where the explanation of a mark goes: notes (ExcelApi 1.18), threaded comments (1.10), or nowhere. */
export type NotesMode = "notes" | "comments" | "none";

export interface RunReport {
  result: ScoreResult;
  marked: number;
  summarySheet: string;
  skippedProtectedSheets: string[];
  notesMode: NotesMode;
  syncs: number;
}

export interface ClearReport {
  restoredCells: number;
  removedSheets: string[];
  syncs: number;
}

/** The engine steps a run calls; injectable so that tests can drive the adapter with hand-made plans. */
export interface Engine {
  score(snapshot: WorkbookSnapshot): ScoreResult;
  cellsToMark(result: ScoreResult): { sheet: string; cell: string }[];
  planWrite(result: ScoreResult, snapshot: WorkbookSnapshot, fillOf: (sheet: string, cell: string) => Fill): WritePlan;
}

export function scoreActiveWorkbook(profile: Profile): Promise<RunReport> {
  const engine: Engine = { score: (snapshot) => scoreWorkbook(snapshot, profile), cellsToMark, planWrite };
  return Excel.run((context) => scoreInContext(context, engine));
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
  const { snapshot, found } = await readWorkbook(context, sync, support);
  const result = engine.score(snapshot);
  const fillOf = await readFills(context, sync, engine.cellsToMark(result), support.tint);
  const plan = engine.planWrite(result, snapshot, fillOf);
  queuePlan(context, plan, found);
  await sync();
  return {
    result,
    marked: plan.marks.length,
    summarySheet: plan.summary.name,
    skippedProtectedSheets: plan.skippedProtectedSheets,
    notesMode: support.notes,
    syncs: sync.count(),
  };
}

/** Undoes what the backup sheet records (清除标注); a workbook without our backup is left alone. */
export async function clearInContext(context: Excel.RequestContext): Promise<ClearReport> {
  const sync = countingSync(context);
  const support = hostSupport();
  const listed = await listSheets(context, sync, support);
  const nothing = () => ({ restoredCells: 0, removedSheets: [], syncs: sync.count() });
  const backupSheet = listed.sheets.find((ws) => ws.name === BACKUP_SHEET);
  if (!backupSheet) return nothing();

  const readBackup = queueSheet(backupSheet, false);
  const annotations = queueLocations(listed.annotationItems);
  await sync();
  const record = previousBackup({ sheets: [readBackup()] });
  if (!record) return nothing();

  const found: Found = { sheets: new Map(listed.sheets.map((ws) => [ws.name, ws.protection.protected])), annotations: annotations(), support };
  const undone = queueUndo(context, record, found, sheetGetter(context));
  context.workbook.worksheets.getItem(BACKUP_SHEET).delete();
  const keep = undone.kept.fills.length + undone.kept.notes.length > 0;
  if (keep) queueBackup(context, undone.kept);
  await sync();
  return {
    restoredCells: undone.restoredCells,
    removedSheets: keep ? undone.removedSheets : [...undone.removedSheets, BACKUP_SHEET],
    syncs: sync.count(),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Host and round trips

interface HostSupport {
  notes: NotesMode;
  /** Range.getMergedAreasOrNullObject (ExcelApi 1.13); without it merged cells read as separate cells. */
  merges: boolean;
  /** RangeFill.tintAndShade (ExcelApi 1.9), the only way to tell "no fill" from white. */
  tint: boolean;
}

function hostSupport(): HostSupport {
  const has = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
  return { notes: has("1.18") ? "notes" : has("1.10") ? "comments" : "none", merges: has("1.13"), tint: has("1.9") };
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

/** What the reads found besides the snapshot. */
interface Found {
  /** Every sheet by name → whether it is protected. */
  sheets: Map<string, boolean>;
  /** Notes and comment threads by cellKey. */
  annotations: Map<string, Annotation[]>;
  support: HostSupport;
}

/** Round trip 1: the sheets with their visibility and protection, and the notes and comments with their text. */
async function listSheets(context: Excel.RequestContext, sync: Sync, support: HostSupport) {
  const sheets = context.workbook.worksheets.load("items/name,items/visibility,items/protection/protected");
  const notes = support.notes === "notes" ? context.workbook.notes.load("items/content") : null;
  const comments = support.notes !== "none" ? context.workbook.comments.load("items/content") : null;
  await sync();
  const annotationItems: AnnotationItem[] = [...(notes?.items ?? []), ...(comments?.items ?? [])];
  return { sheets: sheets.items, annotationItems };
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

/** Queues a listed sheet's contents; the returned reader is valid after the next sync. */
function queueSheet(ws: Excel.Worksheet, withMerges: boolean): () => SheetSnapshot {
  const used = ws.getUsedRangeOrNullObject(true).load("values,numberFormat,rowIndex,columnIndex");
  // Asked of the whole sheet, not of the used range: that is a null object on an empty sheet.
  const merged = withMerges ? ws.getRange().getMergedAreasOrNullObject().load("address") : null;
  return () => {
    const empty = used.isNullObject;
    return {
      name: ws.name,
      visibility: VISIBILITY[ws.visibility],
      protected: ws.protection.protected,
      top: empty ? 0 : used.rowIndex,
      left: empty ? 0 : used.columnIndex,
      values: empty ? [] : used.values.map((row: unknown[], r: number) => row.map((v, c) => cellValueFromOffice(v, used.numberFormat[r][c]))),
      merges: merged && !merged.isNullObject ? rangesFromAreasAddress(merged.address) : [],
    };
  };
}

/** Round trips 1 and 2. */
async function readWorkbook(context: Excel.RequestContext, sync: Sync, support: HostSupport): Promise<{ snapshot: WorkbookSnapshot; found: Found }> {
  const listed = await listSheets(context, sync, support);
  const sheets = listed.sheets.map((ws) => queueSheet(ws, support.merges));
  const annotations = queueLocations(listed.annotationItems);
  await sync();
  const snapshot: WorkbookSnapshot = { sheets: sheets.map((read) => read()) };
  return { snapshot, found: { sheets: new Map(snapshot.sheets.map((s) => [s.name, s.protected])), annotations: annotations(), support } };
}

/** Round trip 3: the fills of the cells to mark, as they are now; planWrite asks for no other cell. */
async function readFills(
  context: Excel.RequestContext,
  sync: Sync,
  cells: { sheet: string; cell: string }[],
  tint: boolean,
): Promise<(sheet: string, cell: string) => Fill> {
  const sheet = sheetGetter(context);
  const loads = cells.map((c) => ({ key: cellKey(c.sheet, c.cell), fill: sheet(c.sheet).getRange(c.cell).format.fill.load(tint ? "color,tintAndShade" : "color") }));
  if (loads.length > 0) await sync();
  const fills = new Map(loads.map(({ key, fill }) => [key, fillFromOffice(fill.color, tint ? fill.tintAndShade : undefined)]));
  return (sheetName, cell) => {
    const fill = fills.get(cellKey(sheetName, cell));
    if (fill === undefined) throw new Error(`未读取单元格 ${qualified(sheetName, cell)} 的填充色`);
    return fill;
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Writes (queued only; the caller syncs once)

/** One worksheet proxy per name for the whole batch. */
function sheetGetter(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const cache = new Map<string, Excel.Worksheet>();
  return (name) => {
    let ws = cache.get(name);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(name);
      cache.set(name, ws);
    }
    return ws;
  };
}

function setFill(range: Excel.Range, fill: Fill): void {
  if (fill === null) range.format.fill.clear();
  else range.format.fill.color = fill;
}

/** The plan, in the order the WritePlan contract gives: undo the earlier run, mark, summary, backup. */
function queuePlan(context: Excel.RequestContext, plan: WritePlan, found: Found): void {
  const sheet = sheetGetter(context);
  const kept = plan.clearPrevious ? queueUndo(context, plan.clearPrevious, found, sheet).kept : emptyRecord();
  if (found.sheets.has(BACKUP_SHEET)) context.workbook.worksheets.getItem(BACKUP_SHEET).delete();
  const noted = queueMarks(context, plan.marks, found, new Set(kept.notes.map((n) => cellKey(n.sheet, n.cell))), sheet);
  queueSummary(context, plan.summary);
  queueBackup(context, { ...plan.backup, fills: [...plan.backup.fills, ...kept.fills], notes: [...noted, ...kept.notes] });
}

function emptyRecord(): BackupRecord {
  return { version: 1, summarySheet: null, fills: [], notes: [] };
}

/**
 * Queues the undoing of an earlier run: original fills back, our notes and comments removed, its summary sheet
 * deleted. What cannot be undone now stays in `kept`: entries on a sheet protected since that run (a write there
 * would fail the whole batch), and note cells where the host cannot see notes (below ExcelApi 1.18) and no comment
 * of ours was found.
 */
function queueUndo(context: Excel.RequestContext, record: BackupRecord, found: Found, sheet: (name: string) => Excel.Worksheet) {
  const kept = emptyRecord();
  let restoredCells = 0;
  for (const f of record.fills) {
    const isProtected = found.sheets.get(f.sheet);
    if (isProtected === undefined) continue; // the sheet is gone, and the cell with it
    if (isProtected) kept.fills.push(f);
    else {
      setFill(sheet(f.sheet).getRange(f.cell), f.fill);
      restoredCells++;
    }
  }
  for (const n of record.notes) {
    const isProtected = found.sheets.get(n.sheet);
    if (isProtected === undefined) continue;
    const ours = (found.annotations.get(cellKey(n.sheet, n.cell)) ?? []).filter((a) => a.ours);
    if (isProtected || (ours.length === 0 && found.support.notes !== "notes")) kept.notes.push(n);
    else ours.forEach((a) => a.remove());
  }
  const removedSheets = record.summarySheet && found.sheets.has(record.summarySheet) ? [record.summarySheet] : [];
  for (const name of removedSheets) context.workbook.worksheets.getItem(name).delete();
  return { restoredCells, removedSheets, kept };
}

/**
 * Fill and note for each mark; returns the cells that get a note, which the backup records (rather than every mark, so
 * that a host without notes does not record notes it never wrote). The officer's own note or comment is never
 * replaced (the summary sheet carries our explanation for that cell); a leftover of ours is. `unseen` cells may hold
 * a note of ours the host cannot see, and Excel refuses a second note or comment on a cell, so they get none.
 */
function queueMarks(
  context: Excel.RequestContext,
  marks: CellMark[],
  found: Found,
  unseen: Set<string>,
  sheet: (name: string) => Excel.Worksheet,
): { sheet: string; cell: string }[] {
  const mode = found.support.notes;
  const noted: { sheet: string; cell: string }[] = [];
  for (const mark of marks) {
    const range = sheet(mark.sheet).getRange(mark.cell);
    range.format.fill.color = mark.fill;
    const key = cellKey(mark.sheet, mark.cell);
    const present = (found.annotations.get(key) ?? []).filter((a) => a.present);
    if (mode === "none" || unseen.has(key) || present.some((a) => !a.ours)) continue;
    present.forEach((a) => a.remove());
    if (mode === "notes") context.workbook.notes.add(range, mark.note);
    else context.workbook.comments.add(range, mark.note);
    noted.push({ sheet: mark.sheet, cell: mark.cell });
  }
  return noted;
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
  }
  summary.columnWidths.forEach((w, col) => (ws.getRange(toA1({ row: 0, col })).format.columnWidth = charsToPoints(w)));
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

function queueBackup(context: Excel.RequestContext, record: BackupRecord): void {
  const rows = encodeBackup(record);
  const ws = context.workbook.worksheets.add(BACKUP_SHEET);
  const range = ws.getRange(rangeToA1({ top: 0, left: 0, bottom: rows.length - 1, right: rows[0].length - 1 }));
  // As text: a sheet named "2024" or "TRUE" must come back as that name, not as a number or a boolean.
  range.numberFormat = rows.map((row) => row.map(() => "@"));
  range.values = rows.map((row) => row.map((v) => v ?? ""));
  ws.visibility = "VeryHidden";
}
