import { FIELD_PHRASES } from "../rules/library";
import { Fact } from "../rules/metrics";
import { amountText, percentText } from "./sentences";

/** A data figure as the report states it: "全年预算数792.04万元", "三公经费控制率为82.17%", "年中追加调剂1次". */
export function factText(f: Fact, unit: string): string {
  const phrase = FIELD_PHRASES[f.name];
  if (typeof f.value === "boolean") return (f.value ? phrase?.yes : phrase?.no) ?? `${f.name}${f.value ? "" : "未做到"}`;
  if (phrase?.count) return f.value === 0 && phrase.zero ? phrase.zero : phrase.count.replace("{n}", String(f.value));
  if (f.percent) return `${f.name}为${percentText(f.value)}`;
  if (f.amount) return `${f.name}${amountText(f.value, unit)}`;
  return `${f.name}为${f.value}`;
}

/**
 * Statements joined the way reports write them: "按时公开了部门预算、部门决算和绩效信息" rather than three clauses
 * that each repeat 按时公开了.
 */
export function joinFacts(facts: string[]): string {
  const out: { lead: string; items: string[] }[] = [];
  for (const f of facts) {
    const lead = /^(按时公开了|未发现)/.exec(f)?.[1] ?? "";
    const last = out[out.length - 1];
    if (lead && last?.lead === lead) last.items.push(f.slice(lead.length));
    else out.push({ lead, items: [lead ? f.slice(lead.length) : f] });
  }
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join("、")}和${items[items.length - 1]}` : items[0]);
  return out.map((o) => `${o.lead}${list(o.items)}`).join("，");
}
