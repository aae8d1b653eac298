import { fixed2, round } from "../decimal";
import { qualified } from "../grid/address";
import { Finding } from "../model";
import { DataTable } from "../parse/tables";
import { SplitCheck } from "../rules/profile";

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
