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
  /** Points as a share of the weight instead (得满分 = 1, 得60%分值 = 0.6). */
  share?: number;
  /** A range "A-B" that says neither (含) nor (不含): a value exactly on A or B is for the officer to place. */
  unmarked?: boolean;
}

/**
 * What a rule read from a sheet's 评分标准 is about: "11月底支出进度≥90%" → subject 11月底支出进度, limits in percent.
 * A sheet rule is applied only to a value of that subject and of that kind, never to a profile metric about something else.
 */
export interface RuleSubject {
  /** The words the criterion names its value by; absent when it names none ("≤100%，计5分…": the indicator itself). */
  subject?: string;
  /** True when the criterion's limits are percentages, false when they are counts or amounts, absent when it states none. */
  percent?: boolean;
}

/** A condition a sheet's criterion lists: "6月底、9月底、11月底累计支出进度分别达到50%、75%、90%". */
export interface SubjectCondition {
  subject: string;
  atLeast?: number;
  atMost?: number;
}

/** The seven rule shapes (DOMAIN §3). `metric` names the value the rule is applied to (profile rules only). */
export type Rule = (
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
  | {
      shape: "perOccurrence";
      metric?: string;
      pointsEach: number;
      /** Points each as a share of the weight instead ("扣分值的三分之一"). */
      shareEach?: number;
      conditions?: SubjectCondition[];
    }
  | { shape: "proportional"; metric?: string; target?: number }
  | {
      shape: "binary";
      metric?: string;
      /** "未发生X得满分": done when X did not happen (是否发生X = 否, or a count of 0). */
      negated?: boolean;
      /** "控制在目标值以内得满分": done when the row's targets are met. */
      onTarget?: boolean;
    }
  | { shape: "manual" }
) &
  RuleSubject;

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

/** What a value is: an amount (万元), a percentage, a count, or a yes/no answer. */
export type ValueKind = "amount" | "percent" | "count" | "yesno";

export interface DataFieldSpec {
  /** Labels the value stands beside (to the right, below in a one-record table, or after a colon in the same cell). */
  labels?: string[];
  /** And/or: the value at the crossing of a row label and a column header. */
  row?: string[];
  column?: string[];
  /** More such crossings, each with its own rows and columns (合计 × 小计 means 全年预算数 only in a budget table). */
  crossings?: { row: string[]; column: string[] }[];
  kind?: ValueKind;
  /** "down" for counts of things that cost points (违规问题, 调剂次数): only such a count can be a per-occurrence rule's. */
  direction?: "up" | "down" | "target";
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
