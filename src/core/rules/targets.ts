import { fixed2, fmt } from "../decimal";
import { TargetRow } from "../parse/tables";
import { cellText, parseNumber } from "../text/numberText";
import { toHalfWidth } from "../text/halfWidth";

/** How far one quantified target was met, as a share in [0, 1]; null when the cells cannot be read. */
export interface TargetOutcome {
  share: number | null;
  text: string;
  name: string;
  /** The cells' texts as written (empty when blank). */
  target: string;
  actual: string;
}

/** Qualitative results (DOMAIN §4): 达成 100 %, 基本达成 60 %, 未达成 0. */
const QUALITATIVE: [RegExp, number][] = [
  [/^(未达成|未完成|未达到|否|没有|未实现|差)/, 0],
  [/^(基本达成|基本完成|基本达到|基本实现|部分达成|部分完成|较好)/, 0.6],
  [/^(达成|完成|达到|已完成|已达成|实现|是|好|满意|良好|优|全部完成|按时完成)/, 1],
];

/** A target such as "≤100万元" is met by staying at or under it. */
const AT_MOST = /^(≤|<=|<|不超过|不高于|不大于|控制在|低于|小于)/;

function stripComparator(text: string): string {
  return text.replace(/^(≥|>=|>|≤|<=|<|不低于|不少于|不超过|不高于|不大于|控制在|低于|小于|大于|高于|达到)/, "");
}

export function targetOutcome(t: TargetRow): TargetOutcome {
  const targetText = toHalfWidth(cellText(t.target.value) ?? "").replace(/\s+/g, "");
  const actualText = toHalfWidth(cellText(t.actual.value) ?? "").replace(/\s+/g, "");
  const label = t.name ? `${t.name}：` : "";
  const text = `${label}目标 ${targetText || "（空）"}，完成 ${actualText || "（空）"}`;
  const base = { name: t.name, target: targetText, actual: actualText };
  const qualitative = QUALITATIVE.find(([re]) => re.test(actualText));
  const target = parseNumber(stripComparator(targetText));
  const actual = parseNumber(stripComparator(actualText));
  if (target.kind === "number" && actual.kind === "number") {
    // A target of 0 or below, or a negative result, gives no share that means anything (100 ÷ −5 is not −2000 %).
    if (target.value <= 0 || actual.value < 0) return { ...base, share: null, text };
    const atMost = AT_MOST.test(targetText);
    if (atMost && actual.value === 0) return { ...base, share: 1, text: `${text}，完成 100.00%` };
    const share = Math.min(1, atMost ? target.value / actual.value : actual.value / target.value);
    return { ...base, share, text: `${text}，完成 ${fixed2(share * 100)}%` };
  }
  if (qualitative) return { ...base, share: qualitative[1], text: `${text}，按 ${fmt(qualitative[1] * 100)}% 计` };
  return { ...base, share: null, text };
}
