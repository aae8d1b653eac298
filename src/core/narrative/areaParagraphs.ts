import { fmt } from "../decimal";
import { ScoredIndicator } from "../score/scoreIndicator";
import { clauses, factText, figure } from "./figures";
import { heading } from "./numbering";

interface Area {
  name: string;
  indicators: ScoredIndicator[];
}

/** Groups indicators by one path level, keeping the table's order. */
function groupBy(indicators: ScoredIndicator[], level: number): Area[] {
  const areas: Area[] = [];
  for (const s of indicators) {
    const name = s.result.path.length > level + 1 ? s.result.path[level] : "";
    const last = areas[areas.length - 1];
    if (last && last.name === name) last.indicators.push(s);
    else areas.push({ name, indicators: [s] });
  }
  return areas;
}

const leafName = (s: ScoredIndicator) => s.result.path[s.result.path.length - 1];

/** What the data say about one indicator: its targets, or its rate with the figures behind it. */
function factsOf(s: ScoredIndicator, unit: string): string {
  const targets = s.targets.filter((t) => t.target || t.actual);
  if (targets.length > 0) {
    return targets.map((t) => `${t.name || leafName(s)}${t.target ? `目标${t.target}` : ""}${t.target && t.actual ? "，" : ""}${t.actual ? `实际完成${t.actual}` : ""}`).join("；");
  }
  const m = s.metric;
  if (!m || !s.metricName || typeof m.value !== "number") return "";
  const facts = (m.facts ?? []).map((f) => factText(f, unit));
  // A count of unmet conditions reads better as the figures and which conditions they missed.
  if (m.unmet) return clauses([...facts, m.unmet.length === 0 ? "均达到要求" : `其中“${m.unmet.join("”“")}”未做到`]);
  const own = facts.length === 1 && m.facts![0].name === s.metricName;
  if (own) return facts[0];
  const value = `${s.metricName}为${figure(m.value, m, unit)}`;
  return facts.length > 0 ? `${value}（${clauses(facts)}）` : value;
}

/** One paragraph: what the area assesses, the facts, each deduction with its points and reason. */
function areaParagraph(area: Area, unit: string): string {
  const names = area.indicators.map((s) => `“${leafName(s)}”`).join("、");
  const sentences = [`主要考核${names}`];
  const facts = area.indicators.map((s) => factsOf(s, unit)).filter(Boolean);
  if (facts.length > 0) sentences.push(facts.join("；"));
  const deducted = area.indicators.filter((s) => s.result.declared !== null && s.result.declared < s.result.max);
  for (const s of deducted) {
    const points = fmt(s.result.max - (s.result.declared as number));
    const reason = s.result.reason ? `，扣分原因是${s.result.reason.replace(/[。；;，,\s]+$/, "")}` : "";
    sentences.push(`“${leafName(s)}”扣${points}分${reason}`);
  }
  if (deducted.length === 0) sentences.push("本方面各项指标均未扣分");
  else if (deducted.length < area.indicators.length) sentences.push("其余指标未扣分");
  return `${sentences.join("。")}。`;
}

/** Section 三（二）: one numbered part per level-1 area, and within it one paragraph per level-2 area. */
export function areaParagraphs(indicators: ScoredIndicator[], unit: string): string[] {
  const lines: string[] = [];
  groupBy(indicators, 0).forEach((top, i) => {
    const subAreas = groupBy(top.indicators, 1);
    const title = top.name || "各项指标";
    if (subAreas.length === 1) {
      lines.push(heading.area(i + 1, `${title}方面`));
      lines.push(areaParagraph(subAreas[0], unit));
      return;
    }
    lines.push(heading.area(i + 1, `${title}方面`));
    subAreas.forEach((sub, j) => lines.push(heading.item(j + 1, `${sub.name || "其他指标"}方面：${areaParagraph(sub, unit)}`)));
  });
  return lines;
}
