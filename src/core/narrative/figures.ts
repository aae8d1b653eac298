import { fixed2, fmt } from "../decimal";
import { Fact } from "../rules/metrics";

/** A figure as the report states it: amounts in the sheet's unit, rates with two decimals, counts whole. */
export function figure(value: number, kind: { percent?: boolean; amount?: boolean }, unit: string): string {
  if (kind.percent) return `${fixed2(value)}%`;
  if (kind.amount) return `${fmt(value)}${unit}`;
  return fmt(value);
}

/** "全年预算数792.04万元", "6月底支出进度为45.20%", "预算按时公开情况为“是”". */
export function factText(f: Fact, unit: string): string {
  if (typeof f.value === "boolean") return `${f.name}情况为“${f.value ? "是" : "否"}”`;
  if (f.amount) return `${f.name}${figure(f.value, f, unit)}`;
  return `${f.name}为${figure(f.value, f, unit)}`;
}

/** Joins clauses the way Chinese lists are written: 甲、乙和丙 is not needed here; "，" between facts. */
export function clauses(parts: string[]): string {
  return parts.filter((p) => p.length > 0).join("，");
}
