import { CellValue } from "../model";
import { toHalfWidth } from "./halfWidth";
import { withoutInvisible } from "./invisible";

/**
 * The largest magnitude a number may have to take part in arithmetic, with the words messages use for it. Beyond it
 * a value is no figure anyone meant (1e308, a pasted serial number) and sums of it overflow to Infinity.
 */
export interface Bound {
  limit: number;
  words: string;
}

/**
 * Figures of the data table (amounts, counts, percentages, targets): 10^15. China's whole general public budget is
 * about 3 × 10^13 元 a year, so no department's amount reaches it even in 元; and below 2^53 ≈ 9 × 10^15 every whole
 * yuan is exact in a double, so sums and ratios of such figures stay finite and exact.
 */
export const FIGURE_BOUND: Bound = { limit: 1e15, words: "1000 万亿" };
/** Scores and weights: forms are out of 100 points; a billion points is no score, only a typo or a paste. */
export const POINTS_BOUND: Bound = { limit: 1e9, words: "10 亿分" };

/** What a cell says as a number. Officers write "5分", "４.５", " 3 ", "95%", "—"; error values are text like "#REF!". */
export type ParsedNumber =
  | { kind: "number"; value: number; percent: boolean }
  | { kind: "empty" }
  | InvalidNumber;

/** Not a number, or (with `bound`) a number beyond the bound: never used in arithmetic. */
export interface InvalidNumber {
  kind: "invalid";
  text: string;
  bound?: Bound;
}

/** Marks that mean "nothing here" in Chinese tables. */
const EMPTY_MARKS = new Set(["", "-", "--", "—", "——", "/", "\\", "无", "不适用", "n/a", "N/A"]);
/** Units that may follow a number; they do not change its value. */
const UNIT = /(分|万元|元|亿元|千元|个|项|次|人次|万人次|人|家|户|座|名|天|日|件|份|笔|个百分点|条|场|分钟|小时|册次|万册次|册|卷|万卷|台|辆|所|批|篇|期|公里|亩|万亩|吨|宗|例|处|起|本)$/;

export function parseNumber(value: CellValue | undefined, bound: Bound = FIGURE_BOUND): ParsedNumber {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") return inBound(value, false, String(value), bound);
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  let text = toHalfWidth(value).replace(/\s+/g, "");
  if (EMPTY_MARKS.has(text)) return { kind: "empty" };
  let percent = false;
  if (text.endsWith("%")) {
    percent = true;
    text = text.slice(0, -1);
  } else {
    text = text.replace(UNIT, "");
  }
  text = text.replace(/,(?=\d{3}(\D|$))/g, "");
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { kind: "invalid", text: String(value).trim() };
  return inBound(Number(text), percent, String(value).trim(), bound);
}

function inBound(value: number, percent: boolean, text: string, bound: Bound): ParsedNumber {
  return Number.isFinite(value) && Math.abs(value) <= bound.limit ? { kind: "number", value, percent } : { kind: "invalid", text, bound };
}

/** A score or weight: as parseNumber, within POINTS_BOUND. */
export function parsePoints(value: CellValue | undefined): ParsedNumber {
  return parseNumber(value, POINTS_BOUND);
}

/** What is wrong with a value, for messages: “五分”不是数字, or “1e+308”超出可计算的范围（绝对值应不超过 10 亿分）. */
export function invalidText(p: InvalidNumber): string {
  return p.bound ? `“${p.text}”超出可计算的范围（绝对值应不超过 ${p.bound.words}）` : `“${p.text}”不是数字`;
}

/** Yes/no answers in data tables: 是/否, 已/未, √/×, 有/无, true/false, 1/0. Null when the cell says neither. */
export function parseYesNo(value: CellValue | undefined): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const text = toHalfWidth(value).replace(/\s+/g, "");
  // The whole cell must be the answer: "按时办结件数" is a label, not a yes.
  if (/^(是|已|√|✓|有|按时|已完成|完成|达成|已公开|按时公开|已按时公开|yes|true|Y)[。.]?$/i.test(text)) return true;
  if (/^(否|未|×|✗|无|没有|不|未完成|未公开|未按时公开|未按时|no|false|N)[。.]?$/i.test(text)) return false;
  return null;
}

/** Text of a cell for labels and reasons: trimmed, without invisible characters, null when empty. */
export function cellText(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = withoutInvisible(String(value)).trim();
  return text === "" ? null : text;
}
