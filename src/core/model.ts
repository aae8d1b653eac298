/**
 * The plain data that flows through the engine. Hosts (Excel via Office.js, .xlsx via ExcelJS) produce a
 * WorkbookSnapshot and apply a WritePlan; everything between is pure.
 */

/** A cell value as hosts report it. Error values (#REF!, #DIV/0!) arrive as their text; dates as ISO text. */
export type CellValue = string | number | boolean | null;

/** A cell fill as it was before we touched it: null means "no fill" (restore by clearing). */
export type Fill = string | null;

/** 0-based row/column position, absolute within the sheet (A1 = {row: 0, col: 0}). */
export interface CellPos {
  row: number;
  col: number;
}

/** An inclusive rectangle of cells, absolute 0-based positions. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** A protected sheet is read, never marked. */
  protected: boolean;
  /** Absolute position of values[0][0] (the used range's top-left). */
  top: number;
  left: number;
  /** Rectangular grid of the used range; null for empty cells. */
  values: CellValue[][];
  merges: CellRange[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** The five kinds of finding (DOMAIN §5). */
export type FindingKind = "deduction" | "mismatch" | "missing-reason" | "invalid" | "manual";

export interface Finding {
  kind: FindingKind;
  sheet: string;
  /** A1 address within the sheet, e.g. "F12". */
  cell: string;
  /** Points concerned: deducted points, declared − computed, or null where no points apply. */
  points: number | null;
  /** Chinese text that shows the calculation. */
  message: string;
  /** Other cells the finding concerns (A1 addresses, optionally sheet-qualified as 'Sheet'!A1). */
  related?: string[];
  /** Path of the indicator the finding belongs to, when it belongs to one. */
  indicatorPath?: string[];
  /** The officer marked it 已核对 and the cell still holds the value it held then: counted, no longer marked. */
  confirmed?: { note: string; at: string };
}

/**
 * An officer's 已核对 on one finding (sheet, cell, kind), kept in the backup sheet. It stands while the cell holds the
 * value it held then; a changed value lapses it, and the finding is marked again.
 */
export interface Confirmation {
  sheet: string;
  cell: string;
  kind: FindingKind;
  /** The cell's value when confirmed, as text (valueText): what "unchanged" is judged by. */
  value: string;
  /** The officer's note; "" when none. */
  note: string;
  /** When it was confirmed, ISO 8601. */
  at: string;
}

/** A confirmation that no longer stands: the cell holds `valueNow` instead of the value confirmed. */
export interface LapsedConfirmation extends Confirmation {
  valueNow: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Write plan: everything a host must do to a workbook, decided by the core.

/** Name of the summary sheet we write, and of the hidden sheet that remembers what we changed. */
export const SUMMARY_SHEET = "评分汇总";
export const BACKUP_SHEET = "ziping_备份";
/** First words of the summary sheet's A1: how a summary we wrote is known even when the backup sheet is gone. */
export const SUMMARY_TITLE = "绩效自评助手 · 评分汇总";

export interface CellMark {
  sheet: string;
  cell: string;
  kind: FindingKind;
  /** Fill colour to apply, "#RRGGBB". */
  fill: string;
  /** Note text (all findings on that cell, joined). */
  note: string;
}

/** A cell of the summary sheet. Text is always written as text, never evaluated as a formula. */
export interface SummaryCell {
  value: string | number | null;
  bold?: boolean;
  fill?: string;
  /** Number format, e.g. "0.00". */
  numberFormat?: string;
  /** Internal link to a cell: sheet name and A1 address. */
  link?: { sheet: string; cell: string };
  /** Wrap long text. */
  wrap?: boolean;
}

export interface SummarySheetPlan {
  /** The name to write under (评分汇总, or 评分汇总(2) when a user's sheet already has that name). */
  name: string;
  rows: SummaryCell[][];
  /** Column widths in characters. */
  columnWidths: number[];
  /** How it prints: A4, this orientation, as many columns as fit on one page wide, page numbers in the footer. */
  page: { orientation: "landscape" | "portrait"; footer: string };
}

/**
 * A cell we marked. Its original format (fill included, exactly: theme colours, patterns, "no fill") is copied into
 * `formatCell` of the backup sheet before we mark it, and copied back by 清除标注. Copying formats needs no read of
 * the fill first, so a run stays at three round trips in Excel.
 */
export interface FillBackup {
  sheet: string;
  cell: string;
  /** A1 address in BACKUP_SHEET holding a copy of the cell's original format. */
  formatCell: string;
}

/**
 * The content of the hidden backup sheet: the summary sheet we created, the cells we marked, and the cells carrying
 * our notes. It is what 清除标注 undoes and what a re-run replaces.
 */
export interface BackupRecord {
  version: 1;
  summarySheet: string | null;
  fills: FillBackup[];
  notes: { sheet: string; cell: string }[];
  /** The officer's 已核对 marks: kept by re-scoring and by 清除标注 (absent in backups written before them). */
  confirmations?: Confirmation[];
}

/** Where the new backup sheet takes an original format from: the cell itself, or the earlier backup sheet. */
export type FormatSource = { cell: string; sheet: string } | { previousFormatCell: string };

export interface BackupPlan {
  record: BackupRecord;
  /** One per record.fills entry, same order: where its original format is copied from. */
  sources: FormatSource[];
}

/** While a run replaces the backup sheet, the earlier one is renamed to this until the new one is written. */
export const PREVIOUS_BACKUP_SHEET = "ziping_备份_旧";

/**
 * What a host does, in this order and in one batch:
 *  1. rename an existing BACKUP_SHEET to PREVIOUS_BACKUP_SHEET;
 *  2. undo `clearPrevious`: copy each entry's format back from PREVIOUS_BACKUP_SHEET!formatCell onto its cell, remove
 *     our notes on the listed cells, delete its summary sheet;
 *  3. when `backup` is set: add BACKUP_SHEET (very hidden), write encodeBackup(record) as text, and copy each original
 *     format from its source into BACKUP_SHEET!formatCell (after step 2, so the cells hold their originals again);
 *  4. delete PREVIOUS_BACKUP_SHEET;
 *  5. apply `marks` (fill, and a note unless the officer already has one there), and write `summary`.
 * Entries on sheets protected since the earlier run cannot be undone: they are left out of `clearPrevious` and carried
 * into `backup`, so that a later clear can restore them. Protected sheets never receive marks.
 */
export interface WritePlan {
  clearPrevious: BackupRecord | null;
  marks: CellMark[];
  /** Null for a plan that only clears. */
  summary: SummarySheetPlan | null;
  /** Null when nothing remains to remember (a clear with nothing carried over). */
  backup: BackupPlan | null;
  /** Sheets that are protected and therefore were not marked (or not cleared). */
  skippedProtectedSheets: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Score result: what the engine tells every host (and `ziping score --json`).

export type Grade = "优" | "良" | "中" | "差";

export interface IndicatorResult {
  /** Names from level 1 down to the leaf, weights stripped: ["管理效率", "预算编制", "预算编制约束性"]. */
  path: string[];
  /** 分值 (weight). */
  max: number;
  /** 自评得分 as declared in the sheet; null when empty or not a number. */
  declared: number | null;
  /** Score computed from the rule and the data; null where not computable. */
  computed: number | null;
  sheet: string;
  /** A1 address of the 自评得分 cell. */
  scoreCell: string;
  /** A1 address of the reason cell (扣分原因), when the table has that column. */
  reasonCell?: string;
  /** The reason text as written, trimmed. */
  reason?: string;
  /** How the computed score came about (rule, numbers), in Chinese; empty when not computed. */
  calculation?: string;
}

/** A block of the draft, under its heading in the report's outline (（四）部门整体支出情况, （一）自评结果 …). */
export interface NarrativeBlock {
  id: "budget" | "result" | "analysis" | "problems" | "remedies";
  heading: string;
  text: string;
}

export interface NarrativeSource {
  sentence: string;
  cells: string[];
}

export interface CheckedShare {
  indicators: number;
  of: number;
  points: number;
}

export interface ScoreResult {
  unit: string | null;
  year: number | null;
  /**
   * `computed` counts the declared score wherever no score could be computed; `checked` says how much of it the
   * workbook's data confirms: indicators computed, out of how many, and the points those carry.
   */
  total: { max: number; declared: number; computed: number; checked: CheckedShare };
  /** Grade of the computed total. */
  grade: Grade;
  declaredGrade: Grade;
  indicators: IndicatorResult[];
  findings: Finding[];
  /** Id of the rule profile used. */
  profile: string;
  /** Sheets the tables were read from. */
  scoringSheets: string[];
  dataSheets: string[];
  /** Draft text for the 自评报告 (the budget paragraph and section 三); absent until the narrative is built. */
  narrative?: string;
  /** The same draft as the blocks an officer pastes into their places in the report. */
  narrativeBlocks?: NarrativeBlock[];
  /** Every sentence of the draft with the cells it states ('Sheet'!A1, or "total.declared" for the declared total). */
  narrativeSources?: NarrativeSource[];
  /** The 已核对 marks standing after this run, as the backup sheet keeps them (findings carry their `confirmed`). */
  confirmations?: Confirmation[];
  /** Marks of an earlier run that lapsed because their cell's value changed since. */
  lapsedConfirmations?: LapsedConfirmation[];
}
