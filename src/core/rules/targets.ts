import { fixed2, fmt } from "../decimal";
import { SourceCell, TargetRow } from "../parse/tables";
import { cellText, InvalidNumber, parseNumber } from "../text/numberText";
import { toHalfWidth } from "../text/halfWidth";

/** How far one quantified target was met, as a share in [0, 1]; null when the cells cannot be read. */
export interface TargetOutcome {
  share: number | null;
  text: string;
  name: string;
  /** The cells' texts as written (empty when blank). */
  target: string;
  actual: string;
  /**
   * Set when the share rests on a convention no rule states (INDICATORS §2.2 #17, UNVERIFIED): a ≤ target missed
   * (目标值 ÷ 完成值), or an = target missed (0). Such a share may confirm a declared score but never contradict it.
   */
  convention?: Convention;
}

/**
 * The unstated conventions a share may rest on: a missed ≥ target scored in proportion (the 10号 rule, UNVERIFIED; a
 * sheet that says "完成值/目标值×分值" or has a 得分系数 column states it), a missed ≤ target as 目标值 ÷ 完成值, a
 * missed = target as 0, a qualitative result as a share (达成预期指标 → 100 %, 基本达成 → 60 %).
 */
export interface Convention {
  kind: "missed" | "atMost" | "equal" | "qualitative";
  text: string;
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
  return text.replace(/^(≥|>=|>|≤|<=|<|=|不低于|不少于|不超过|不高于|不大于|控制在|低于|小于|大于|高于|达到)/, "");
}

/** 指标性质 from its own column, as the comparator it puts before the target. */
function natureSign(nature: string | undefined): string {
  const n = toHalfWidth(nature ?? "").replace(/\s+/g, "");
  if (/^(≥|>=|>|正向|不低于)/.test(n)) return "≥";
  if (/^(≤|<=|<|反向|不高于|不超过)/.test(n)) return "≤";
  if (/^(=|＝|等于)/.test(n)) return "=";
  return "";
}

/** 目标值 and 完成值 cells holding a number too large to compute with: each is an invalid finding of its own. */
export function outOfBoundFigures(t: TargetRow): { what: string; cell: SourceCell; problem: InvalidNumber }[] {
  return [["目标值", t.target] as const, ["完成值", t.actual] as const].flatMap(([what, cell]) => {
    const written = typeof cell.value === "number" ? cell.value : stripComparator(toHalfWidth(cellText(cell.value) ?? "").replace(/\s+/g, ""));
    const problem = parseNumber(written);
    return problem.kind === "invalid" && problem.bound ? [{ what, cell, problem }] : [];
  });
}

export function targetOutcome(t: TargetRow): TargetOutcome {
  const written = toHalfWidth(cellText(t.target.value) ?? "").replace(/\s+/g, "");
  const sign = natureSign(t.nature);
  const targetText = sign && !/^(≥|≤|=|<|>)/.test(written) ? `${sign}${written}` : written;
  const actualText = toHalfWidth(cellText(t.actual.value) ?? "").replace(/\s+/g, "");
  const label = t.name ? `${t.name}：` : "";
  const text = `${label}目标 ${targetText || "（空）"}，完成 ${actualText || "（空）"}`;
  const base = { name: t.name, target: targetText, actual: actualText };
  const qualitative = QUALITATIVE.find(([re]) => re.test(actualText));
  const target = parseNumber(stripComparator(targetText));
  const actual = parseNumber(stripComparator(actualText));
  if (target.kind === "number" && actual.kind === "number") {
    // A target of 0 events is met by 0; otherwise a target of 0 or below, or a negative result, gives no share that
    // means anything (100 ÷ −5 is not −2000 %).
    if (target.value === 0 && actual.value === 0) return { ...base, share: 1, text: `${text}，已达到目标` };
    if (target.value <= 0 || actual.value < 0) return { ...base, share: null, text };
    const atMost = AT_MOST.test(targetText);
    if (targetText.startsWith("=") && actual.value === target.value) return { ...base, share: 1, text: `${text}，与目标相等` };
    if (!targetText.startsWith("=") && (atMost ? actual.value <= target.value : actual.value >= target.value)) return { ...base, share: 1, text: `${text}，已达到目标，完成 100.00%` };
    if (targetText.startsWith("=")) return { ...base, share: 0, text: `${text}，与目标不等，按 0 计`, convention: { kind: "equal", text: "“=”类指标未达到按 0 计" } };
    const share = atMost ? target.value / actual.value : actual.value / target.value;
    const convention: Convention = atMost ? { kind: "atMost", text: "“≤”类指标按 目标值 ÷ 完成值 折算" } : { kind: "missed", text: "未完成的定量指标按完成比例计分" };
    return { ...base, share, text: `${text}，完成 ${fixed2(share * 100)}%`, convention };
  }
  if (targetText !== "" && targetText.replace(/^(≥|≤|=)/, "") === actualText) {
    return { ...base, share: 1, text: `${text}，与目标一致`, convention: { kind: "qualitative", text: "定性指标完成值与目标值文字相同按满分计" } };
  }
  if (qualitative) {
    return { ...base, share: qualitative[1], text: `${text}，按 ${fmt(qualitative[1] * 100)}% 计`, convention: { kind: "qualitative", text: `定性结果“${actualText}”按 ${fmt(qualitative[1] * 100)}% 计` } };
  }
  return { ...base, share: null, text };
}
