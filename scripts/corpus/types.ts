/**
 * The held-out corpus: workbooks laid out the way other provinces publish their 自评表 (docs LAYOUTS.md), each with
 * the result a correct engine must reach, computed by hand.
 */
import ExcelJS from "exceljs";

export interface ExpectedIndicator {
  /** Leaf name as written, without "（N分）" and without a leading "指标1：". */
  name: string;
  /** 分值. */
  max: number;
  declared: number | null;
  /**
   * The score the sheet's own criterion and the workbook's data fully determine; null where they do not (qualitative
   * items, missing data, a rule INDICATORS.md marks UNVERIFIED): the engine must then say 需人工确认.
   */
  computed: number | null;
}

export interface CorpusExpectation {
  /** Workbook file name. */
  file: string;
  /** "F1", "D3+F1", … */
  family: string;
  /** As the workbook states it (null if it does not). */
  unit: string | null;
  year: number | null;
  indicators: ExpectedIndicator[];
  /** "Sheet!I12": exactly the score cells where declared ≠ correctly computed. */
  mismatches: string[];
}

/**
 * Where the self-check finds indicators in the written file: a sheet, the column of the leaf names, the column of the
 * self score, and the column of 分值 ("name" when the weight is written in the leaf name, 培训场次(10分)).
 */
export interface LocatedTable {
  sheet: string;
  name: string;
  score: string;
  max: string;
}

export interface CorpusEntry {
  expectation: CorpusExpectation;
  build(): ExcelJS.Workbook;
  tables: LocatedTable[];
  /** Cells ("Sheet!H15") stating the total of the declared scores and of the weights, where the sheet has them. */
  totals?: { declared?: string; max?: string };
}
