import { fixed2, round } from "../decimal";
import { qualified } from "../grid/address";
import { Finding } from "../model";
import { DataTable } from "../parse/tables";
import { SplitCheck } from "../rules/profile";
import { invalidText } from "../text/numberText";

/** Splits of the data table that must add up (by source, by kind): a total and at least two of its parts present. */
export function checkSplits(checks: SplitCheck[], data: DataTable, unit: string): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    const total = data.values.get(check.total);
    const parts = check.parts.map((p) => data.values.get(p)).filter((p) => p !== undefined && typeof p.value === "number");
    if (!total || typeof total.value !== "number" || parts.length < 2) continue;
    const partSum = round(parts.reduce((s, p) => s + (p!.value as number), 0), 2);
    if (Math.abs(partSum - total.value) < 0.005) continue;
    const terms = parts.map((p) => `${p!.field} ${fixed2(p!.value as number)}`).join(" + ");
    findings.push({
      kind: "invalid",
      sheet: total.sheet,
      cell: total.cell,
      points: null,
      message: `${check.name}：${terms} = ${fixed2(partSum)} ${unit}，与${check.total} ${fixed2(total.value)} ${unit}不符，相差 ${fixed2(Math.abs(round(partSum - total.value, 2)))} ${unit}`,
      related: parts.map((p) => qualified(p!.sheet, p!.cell)),
    });
  }
  return findings;
}

/** Data figures too large to compute with: one invalid finding per cell (a cell may be found under several fields). */
export function outOfBoundData(data: DataTable): Finding[] {
  const byCell = new Map<string, Finding>();
  for (const v of data.outOfBound.values()) {
    const key = `${v.sheet}\u0001${v.cell}`;
    if (!byCell.has(key)) byCell.set(key, { kind: "invalid", sheet: v.sheet, cell: v.cell, points: null, message: `数据“${v.field}”的数值${invalidText(v.problem)}，不参与核算` });
  }
  return [...byCell.values()];
}
