import { fixed2, fmt, percentOf, round } from "../decimal";
import { qualified } from "../grid/address";
import { stem } from "./library";
import { sharedPairs } from "../text/wordPairs";
import { invalidText } from "../text/numberText";
import { DataTable, DataValue } from "../parse/tables";
import { Condition, MetricExpr, Profile, ValueKind } from "./profile";

/** A data-table figure a metric was computed from, for the report text. */
export interface Fact {
  name: string;
  value: number | boolean;
  percent: boolean;
  amount: boolean;
}

/** A value the rules are applied to, with the calculation that produced it. */
export interface MetricValue {
  value: number | boolean;
  percent: boolean;
  /** What the value is: a rule about percentages is never applied to a count (and so on). */
  kind: ValueKind;
  /** "三公经费控制率 = 10.30 ÷ 10.00 = 103.00%" */
  calculation: string;
  /** Sheet-qualified cells the value comes from. */
  cells: string[];
  /** Amounts show two decimals. */
  amount?: boolean;
  /** For counts of unmet conditions: which ones failed. */
  unmet?: string[];
  /** The data-table figures behind the value. */
  facts?: Fact[];
}

/**
 * Why a value could not be had: data fields not found (named so that the officer can add them), or found but unusable
 * (two different values for one field, a divisor of 0), described with their cells.
 */
export interface MetricGap {
  missing: string[];
  unusable?: string[];
}

export type MetricResult = MetricValue | MetricGap;

export const isMissing = (r: MetricResult): r is MetricGap => "missing" in r;

function gaps(results: MetricResult[]): MetricGap | null {
  const missing = results.flatMap((r) => (isMissing(r) ? r.missing : []));
  const unusable = results.flatMap((r) => (isMissing(r) ? r.unusable ?? [] : []));
  return missing.length > 0 || unusable.length > 0 ? { missing, ...(unusable.length > 0 ? { unusable } : {}) } : null;
}

function show(v: MetricValue): string {
  if (typeof v.value === "boolean") return v.value ? "是" : "否";
  return v.percent ? `${fixed2(v.value)}%` : v.amount || !Number.isInteger(v.value) ? fixed2(v.value) : String(v.value);
}

function fromField(d: DataValue): MetricValue {
  const amount = d.kind === "amount";
  const v: MetricValue = { value: d.value, percent: d.percent, kind: d.kind, amount, calculation: "", cells: [qualified(d.sheet, d.cell)], facts: [{ name: d.field, value: d.value, percent: d.percent, amount }] };
  v.calculation = `${d.field} ${show(v)}`;
  return v;
}

/** Evaluates metrics and fields by name against a data table; results are cached per name. */
export class MetricEvaluator {
  private readonly cache = new Map<string, MetricResult>();

  constructor(private readonly profile: Profile, private readonly data: DataTable) {}

  get(name: string): MetricResult {
    const cached = this.cache.get(name);
    if (cached) return cached;
    const expr = this.profile.metrics[name];
    let result: MetricResult;
    if (expr) {
      this.cache.set(name, { missing: [name] }); // guards against a metric defined through itself
      result = this.evaluate(name, expr);
    } else {
      const d = this.data.values.get(name);
      const conflict = this.data.conflicts.get(name);
      const outOfBound = this.data.outOfBound.get(name);
      if (outOfBound) result = { missing: [], unusable: [`“${name}”（${qualified(outOfBound.sheet, outOfBound.cell)}）的数值${invalidText(outOfBound.problem)}`] };
      else if (d) result = fromField(d);
      else if (conflict) {
        const where = conflict.map((c) => `${qualified(c.sheet, c.cell)} 为 ${typeof c.value === "boolean" ? (c.value ? "是" : "否") : fmt(c.value)}`).join("，");
        result = { missing: [], unusable: [`“${name}”在数据表中有不同的数值（${where}）`] };
      } else result = { missing: [name] };
    }
    this.cache.set(name, result);
    return result;
  }

  private numbers(names: string[]): MetricValue[] | MetricGap {
    const results = names.map((n) => this.get(n));
    const gap = gaps(results);
    if (gap) return gap;
    const values = results as MetricValue[];
    const notNumbers = names.filter((_, i) => typeof values[i].value !== "number");
    return notNumbers.length > 0 ? { missing: notNumbers } : values;
  }

  /**
   * A figure the data table states under a label of this name (or a label containing it, or contained in it), whether
   * or not a field names it. Null when no label matches; a gap when matching labels disagree.
   */
  byLabel(name: string): MetricResult | null {
    if (!this.labels.has(name)) this.labels.set(name, this.searchLabels(name));
    return this.labels.get(name)!;
  }

  private readonly labels = new Map<string, MetricResult | null>();

  private searchLabels(name: string): MetricResult | null {
    const key = stem(name);
    if (key.length < 2) return null;
    let found = this.data.labelled.get(key) ?? [];
    if (found.length === 0 && key.length >= 4) {
      found = [...this.data.labelled].filter(([k]) => k.length >= 4 && (k.includes(key) || key.includes(k))).flatMap(([, v]) => v);
    }
    // The same words in another order: "安全隐患未按期整改" and "未按期整改安全隐患（处）".
    if (found.length === 0 && key.length >= 4) found = [...this.data.labelled].filter(([k]) => k.length >= 4 && sharedPairs(k, key) >= 0.75).flatMap(([, v]) => v);
    if (found.length === 0) return null;
    const distinct = found.filter((d, i) => found.findIndex((e) => e.value === d.value) === i);
    if (distinct.length > 1) {
      return { missing: [], unusable: [`数据表中与“${name}”相应的数值不止一个（${distinct.map((d) => `${qualified(d.sheet, d.cell)} ${d.label}`).join("，")}）`] };
    }
    return fromField(found[0]);
  }

  /**
   * A metric the profile does not name, e.g. the conditions a sheet's criterion lists; many rows repeat the same
   * criterion, so each distinct one is evaluated once.
   */
  evaluateOnce(name: string, expr: MetricExpr): MetricResult {
    const key = `${name}\u0001${JSON.stringify(expr)}`;
    if (!this.once.has(key)) this.once.set(key, this.evaluate(name, expr));
    return this.once.get(key)!;
  }

  private readonly once = new Map<string, MetricResult>();

  /** A result that depends on this data table and the given key object only (a rule shared by many rows). */
  memo<T>(key: object, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  private readonly memos = new WeakMap<object, unknown>();

  private evaluate(name: string, expr: MetricExpr): MetricResult {
    if ("field" in expr) {
      const r = this.get(expr.field);
      return isMissing(r) ? r : { ...r, calculation: `${name} = ${show(r)}` };
    }
    if ("firstOf" in expr) {
      const tried: MetricResult[] = [];
      for (const e of expr.firstOf) {
        const r = this.evaluate(name, e);
        if (!isMissing(r)) return r;
        tried.push(r);
      }
      return gaps(tried) ?? { missing: [name] };
    }
    if ("countUnmet" in expr) return this.countUnmet(name, expr.countUnmet);
    const operands = "ratio" in expr ? expr.ratio : "difference" in expr ? expr.difference : "change" in expr ? expr.change : expr.sum;
    const values = this.numbers(operands);
    if (!Array.isArray(values)) return values;
    const nums = values.map((v) => v.value as number);
    const cells = values.flatMap((v) => v.cells);
    const facts = values.flatMap((v) => v.facts ?? []);
    const shown = values.map(show);
    if ("ratio" in expr || "change" in expr) {
      const [a, b] = nums;
      if (b === 0) return { missing: [], unusable: [`${operands[1]}为 0，不能作除数`] };
      const ratio = percentOf("ratio" in expr ? a : a - b, b);
      if (ratio === null) return { missing: [], unusable: [`${operands[1]}为 ${shown[1]}，相除的结果超出可计算的范围`] };
      const formula = "ratio" in expr ? `${shown[0]} ÷ ${shown[1]}` : `(${shown[0]} − ${shown[1]}) ÷ ${shown[1]}`;
      return { value: ratio, percent: true, kind: "percent", calculation: `${name} = ${formula} = ${fixed2(ratio)}%`, cells, facts };
    }
    if ("difference" in expr) {
      const value = round(nums[0] - nums[1], 4);
      return { value, percent: values[0].percent, kind: values[0].kind, calculation: `${name} = ${shown[0]} − ${shown[1]} = ${fmt(value)}`, cells, facts };
    }
    const value = round(nums.reduce((s, x) => s + x, 0), 4);
    return { value, percent: values[0].percent, kind: values[0].kind, calculation: `${name} = ${shown.join(" + ")} = ${fmt(value)}`, cells, facts };
  }

  private countUnmet(name: string, conditions: Condition[]): MetricResult {
    const results = conditions.map((c) => this.get(c.of));
    const gap = gaps(results);
    if (gap) return gap;
    const unmet: string[] = [];
    const parts: string[] = [];
    conditions.forEach((c, i) => {
      const v = results[i] as MetricValue;
      const met = meets(v.value, c);
      if (!met) unmet.push(c.label);
      parts.push(`${c.of} ${show(v)}${met ? "" : "（未达到）"}`);
    });
    const cells = results.flatMap((r) => (r as MetricValue).cells);
    const facts = results.flatMap((r) => (r as MetricValue).facts ?? []);
    return { value: unmet.length, percent: false, kind: "count", calculation: `${name}：${parts.join("，")}，共 ${unmet.length} 项未达到`, cells, unmet, facts };
  }
}

function meets(value: number | boolean, c: Condition): boolean {
  if (c.is !== undefined) return value === c.is;
  if (typeof value !== "number") return false;
  if (c.atLeast !== undefined && value < c.atLeast) return false;
  if (c.atMost !== undefined && value > c.atMost) return false;
  return true;
}

