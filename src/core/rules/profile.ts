/**
 * A rule profile: what a city's template scores and how, as data (DOMAIN §3–4). The sheet's own weights and
 * recognised criteria win; the profile fills in what the sheet does not say.
 */

/** A computed value from the data table. Operand strings name a metric, or else a data field. */
export type MetricExpr =
  | { field: string }
  | { ratio: [string, string] } // a ÷ b, in percent
  | { difference: [string, string] } // a − b
  | { sum: string[] }
  | { change: [string, string] } // (a − b) ÷ b, in percent
  | { countUnmet: Condition[] } // how many conditions fail
  | { firstOf: MetricExpr[] }; // the first that can be computed

export interface Condition {
  of: string;
  atLeast?: number;
  atMost?: number;
  is?: boolean;
  /** What the condition means, for messages: "6月底支出进度≥50%". */
  label: string;
}

export interface Band {
  min?: number;
  minInclusive?: boolean;
  max?: number;
  maxInclusive?: boolean;
  points: number;
}

/** The seven rule shapes (DOMAIN §3). `metric` names the value the rule is applied to. */
export type Rule =
  | {
      shape: "threshold";
      metric?: string;
      /** Full points while the value stays on the good side of the limit. */
      limit: number;
      direction: "atMost" | "atLeast";
      /** Points off per `unit` beyond the limit (unit: 1 percentage point unless stated). */
      perUnit: number;
      unit?: number;
      /** How a part of a unit counts: proportionally (default), as a whole unit, or not at all. */
      partial?: "proportional" | "ceil" | "floor";
    }
  | { shape: "bands"; metric?: string; bands: Band[] }
  | { shape: "checklist"; metric?: string; items?: { name: string; points: number }[]; pointsPerItem?: number }
  | { shape: "perOccurrence"; metric?: string; pointsEach: number }
  | { shape: "proportional"; metric?: string; target?: number }
  | { shape: "binary"; metric?: string }
  | { shape: "manual" };

export type RuleShape = Rule["shape"];
export const RULE_SHAPES: RuleShape[] = ["threshold", "bands", "checklist", "perOccurrence", "proportional", "binary", "manual"];

export interface ProfileIndicator {
  /** Level names above the indicator, as the default tree has them: ["管理效率", "预算编制"]. */
  path: string[];
  name: string;
  aliases?: string[];
  weight: number;
  rule: Rule;
  /** The problem a deduction here points to, and its remedy: sentences for the report's 存在问题 / 改进措施. */
  problem?: string;
  remedy?: string;
}

export interface DataFieldSpec {
  /** Labels the value stands beside (to the right, or below). */
  labels?: string[];
  /** Or: the value at the crossing of a row label and a column header. */
  row?: string[];
  column?: string[];
  kind?: "amount" | "percent" | "count" | "yesno";
}

/** A split that must add up: parts summing to the total (by source, by kind). */
export interface SplitCheck {
  name: string;
  total: string;
  parts: string[];
}

export interface Profile {
  id: string;
  name: string;
  description?: string;
  version: 1;
  /** Unit of amounts in the data table, for messages (万元). */
  amountUnit: string;
  dataFields: Record<string, DataFieldSpec>;
  metrics: Record<string, MetricExpr>;
  indicators: ProfileIndicator[];
  checks: SplitCheck[];
  /** Rule for an indicator the profile does not know, when its row states 目标值 and 完成值. */
  quantifiedDefault?: Rule;
}
