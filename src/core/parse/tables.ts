import { CellValue } from "../model";
import { InvalidNumber } from "../text/numberText";

/** The columns a scoring table (评分表) may have, found by header text (DOMAIN §1). */
export type ScoringField =
  | "level1" // 一级指标
  | "level2" // 二级指标
  | "level3" // 三级指标
  | "name" // 指标名称, when the table has one name column
  | "weight" // 分值
  | "explanation" // 指标解释
  | "criterion" // 评分标准
  | "target" // 目标值
  | "actual" // 实际完成值
  | "score" // 自评得分
  | "coefficient" // 得分系数(%)
  | "nature" // 指标性质: =, ≥, ≤, 定性
  | "reason"; // 扣分原因

/** A cell the engine read, with where it sits. */
export interface SourceCell {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: CellValue;
}

/** One quantified target under an indicator (目标值 / 完成值 on its own row, or the indicator's own row). */
export interface TargetRow {
  name: string;
  target: SourceCell;
  actual: SourceCell;
  /** 指标性质 from its own column (≥, ≤, =, 定性), when the table has one. */
  nature?: string;
}

/** The budget row of a 财政部-format form, scored as an indicator: 执行率 × 分值 (LAYOUTS F5, INDICATORS §3.8). */
export interface ExecutionRow {
  budget: SourceCell;
  spent: SourceCell;
  /** The 执行率 the sheet states, when it does. */
  rate: SourceCell | null;
}

/** A leaf indicator row of a scoring table. */
export interface IndicatorRow {
  sheet: string;
  /** 0-based row of the indicator (the top row when its cells are merged over several rows). */
  row: number;
  path: string[];
  weight: number | null;
  weightCell: SourceCell | null;
  declared: SourceCell;
  reason: SourceCell | null;
  criterion: string | null;
  criterionCell: string | null;
  explanation: string | null;
  targets: TargetRow[];
  /** 得分系数(%) as the sheet states it (F6). */
  coefficient?: SourceCell;
  /** Set for the budget row of a 财政部-format form. */
  execution?: ExecutionRow;
  /** The form's notes state that a missed target scores in proportion to its completion. */
  proportionStated?: boolean;
}

/** A row that states a sum: a 小计 row, a level-1/level-2 row above its children, or the 合计 row. */
export interface SumRow {
  sheet: string;
  row: number;
  /** The path prefix it sums (empty for the total row). */
  path: string[];
  weight: SourceCell | null;
  declared: SourceCell | null;
}

/** A weight written into a level name, e.g. 投入（20分）. */
export interface LevelWeight {
  path: string[];
  weight: number;
  sheet: string;
  cell: string;
}

export interface ScoringTable {
  sheet: string;
  headerRow: number;
  /** The table's last row (its total row, or its last indicator row). */
  lastRow: number;
  columns: Partial<Record<ScoringField, number>>;
  indicators: IndicatorRow[];
  subtotals: SumRow[];
  levelWeights: LevelWeight[];
  total: SumRow | null;
}

/** A value found in a data table (数据表) for a named field. */
export interface DataValue {
  field: string;
  /** Numbers in the sheet's unit (万元 …); percentages in percent (95 for 95 %); yes/no as booleans. */
  value: number | boolean;
  percent: boolean;
  /** Amounts are shown with two decimals, counts as whole numbers. */
  kind: "amount" | "percent" | "count" | "yesno";
  sheet: string;
  cell: string;
  /** The label text the value was found by. */
  label: string;
}

export interface DataTable {
  values: Map<string, DataValue>;
  /** Fields found in several places with different values: none of them is used. */
  conflicts: Map<string, DataValue[]>;
  /** Every label with the value beside it, by the label's stem (an indicator's own figure, named as the indicator). */
  labelled: Map<string, DataValue[]>;
  /** Fields whose value is a number too large to compute with: none of their values is used. */
  outOfBound: Map<string, OutOfBoundValue>;
  sheets: string[];
}

/** A data field's number beyond FIGURE_BOUND, where it stands. */
export interface OutOfBoundValue {
  field: string;
  sheet: string;
  cell: string;
  problem: InvalidNumber;
}

/** 单位名称 and 评价年度 as the sheets state them. */
export interface UnitInfo {
  unit: string | null;
  year: number | null;
}
