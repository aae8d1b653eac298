import { quoted } from "../text/names";
import { fmt } from "../decimal";
import { qualified } from "../grid/address";
import { ScoredIndicator } from "../score/scoreIndicator";
import { factText, joinFacts } from "./figures";
import { heading } from "./numbering";
import { paragraph, Sentence, sentence, tidyReason } from "./sentences";

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

export const leafName = (s: ScoredIndicator) => s.result.path[s.result.path.length - 1];
export const scoreCell = (s: ScoredIndicator) => qualified(s.result.sheet, s.result.scoreCell);
const deducted = (s: ScoredIndicator) => s.result.declared !== null && s.result.declared < s.result.max;

/** What the workbook states about one indicator: its targets and results, or the data figures behind its rule. */
function factsOf(s: ScoredIndicator, unit: string): Sentence | null {
  const targets = s.row.targets.filter((t) => t.target.value !== null || t.actual.value !== null);
  const outcomes = s.targets.filter((t) => t.target || t.actual);
  if (outcomes.length > 0) {
    const text = outcomes.map((t) => `${t.name || leafName(s)}${t.target ? `目标${t.target}` : ""}${t.target && t.actual ? "，" : ""}${t.actual ? `实际完成${t.actual}` : ""}`).join("；");
    return sentence(text, targets.flatMap((t) => [qualified(t.target.sheet, t.target.cell), qualified(t.actual.sheet, t.actual.cell)]));
  }
  const m = s.metric;
  if (!m || !s.metricName || !m.facts || m.facts.length === 0) return null;
  // A rate reads as the rate; counts and yes/no answers read as the figures themselves.
  const text = m.percent && m.kind === "percent" && !m.unmet && typeof m.value === "number" && m.facts.length > 1
    ? factText({ name: s.metricName, value: m.value, percent: true, amount: false }, unit)
    : joinFacts(m.facts.map((f) => factText(f, unit)));
  return sentence(text, m.cells);
}

/**
 * One paragraph for an area: the figures, then each deduction with its reason and points as the officer wrote them,
 * or, with no deduction, one sentence naming what earned full marks. Declared scores only: the draft is the unit's
 * own account, and disagreements with the data belong on the review sheet.
 */
function areaParagraph(area: Area, unit: string): Sentence[] {
  const sentences: Sentence[] = [];
  const facts = area.indicators.map((s) => factsOf(s, unit)).filter((f): f is Sentence => f !== null);
  sentences.push(...facts);
  const lost = area.indicators.filter(deducted);
  for (const s of lost) {
    const points = fmt(s.result.max - (s.result.declared as number));
    const reason = tidyReason(s.result.reason);
    const cells = [scoreCell(s), ...(s.result.reasonCell ? [qualified(s.result.sheet, s.result.reasonCell)] : [])];
    sentences.push(sentence(reason ? `${quoted(leafName(s))}因${reason}，扣${points}分` : `${quoted(leafName(s))}扣${points}分`, cells));
  }
  const full = area.indicators.filter((s) => !deducted(s) && s.result.declared !== null);
  if (full.length > 0) {
    const names = full.map((s) => `${quoted(leafName(s))}`).join("、");
    const text = lost.length === 0 ? (full.length > 1 ? `${names}均得满分` : `${names}得满分`) : `${names}${full.length > 1 ? "均" : ""}未扣分`;
    sentences.push(sentence(text, full.map(scoreCell)));
  }
  return sentences;
}

/** Section 三（二）: one numbered part per level-1 area, and within it one paragraph per level-2 area. */
export function areaParagraphs(indicators: ScoredIndicator[], unit: string): { lines: string[]; sentences: Sentence[] } {
  const lines: string[] = [];
  const all: Sentence[] = [];
  const add = (prefix: string, sentences: Sentence[]) => {
    all.push(...sentences);
    lines.push(`${prefix}${paragraph(sentences)}`);
  };
  groupBy(indicators, 0).forEach((top, i) => {
    const subAreas = groupBy(top.indicators, 1);
    lines.push(heading.area(i + 1, `${top.name || "各项指标"}方面`));
    if (subAreas.length === 1) add("", areaParagraph(subAreas[0], unit));
    else subAreas.forEach((sub, j) => add(heading.item(j + 1, `${sub.name || "其他指标"}方面：`), areaParagraph(sub, unit)));
  });
  return { lines, sentences: all };
}
