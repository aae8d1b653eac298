import { fixed2, fmt, round } from "../decimal";
import { Band, Rule } from "./profile";
import { MetricValue } from "./metrics";
import { Convention, TargetOutcome } from "./targets";
import { normaliseName } from "../text/names";
import { sharedPairs } from "../text/wordPairs";

/**
 * What a rule made of an indicator: a computed score with its calculation, or why none could be computed. A score that
 * rests on an unstated convention says so: it may confirm the declared score, never contradict it.
 */
export type RuleOutcome = { score: number; calculation: string; conventions?: Convention[] } | { score: null; why: string };

export interface RuleInput {
  weight: number;
  /** Profile rules are written for the profile's weight; points scale to the sheet's weight. */
  scale: number;
  metric?: MetricValue;
  /** Quantified targets of the indicator (目标值/完成值), for proportional scoring without a metric. */
  targets?: TargetOutcome[];
}

const pts = (x: number) => `${fmt(x)} 分`;

function needNumber(m: MetricValue | undefined): m is MetricValue & { value: number } {
  return !!m && typeof m.value === "number";
}

function floored(weight: number, deduction: number): number {
  return round(Math.max(0, weight - deduction), 2);
}

export function applyRule(rule: Rule, input: RuleInput): RuleOutcome {
  const { weight, scale, metric } = input;
  switch (rule.shape) {
    case "manual":
      return { score: null, why: "评分标准无法自动核算" };
    case "threshold": {
      if (!needNumber(metric)) return { score: null, why: "缺少计算所需的数据" };
      const beyond = rule.direction === "atMost" ? metric.value - rule.limit : rule.limit - metric.value;
      const limitText = `${fmt(rule.limit)}${metric.percent ? "%" : ""}`;
      if (beyond <= 0) return { score: weight, calculation: `${metric.calculation}，${rule.direction === "atMost" ? "未超过" : "不低于"} ${limitText}，得满分 ${pts(weight)}` };
      const unit = rule.unit ?? 1;
      const exact = round(beyond / unit, 4);
      const units = rule.partial === "ceil" ? Math.ceil(exact) : rule.partial === "floor" ? Math.floor(exact) : exact;
      const deduction = round(units * rule.perUnit * scale, 2);
      const more = rule.direction === "atMost";
      // "超过 100% 3 个百分点，每 1 个百分点扣 1 分" for percentages; "比 24 少 2，每少 1 扣 2 分" for counts.
      const gap = metric.percent ? `${more ? "超过" : "低于"} ${limitText} ${fmt(round(beyond, 2))} 个百分点，每 ${fmt(unit)} 个百分点` : `比 ${limitText} ${more ? "多" : "少"} ${fmt(round(beyond, 2))}，每${more ? "多" : "少"} ${fmt(unit)} `;
      return {
        score: floored(weight, deduction),
        calculation: `${metric.calculation}，${gap}扣 ${fmt(rule.perUnit * scale)} 分，扣 ${pts(Math.min(deduction, weight))}，应得 ${pts(floored(weight, deduction))}`,
      };
    }
    case "bands": {
      if (!needNumber(metric)) return { score: null, why: "缺少计算所需的数据" };
      const onBound = rule.bands.find((b) => b.unmarked && (metric.value === b.min || metric.value === b.max));
      if (onBound) return { score: null, why: `${metric.calculation}，恰好在“${fmt(onBound.min!)}-${fmt(onBound.max!)}”一档的边界上，评分标准未写明是否含边界` };
      const band = rule.bands.find((b) => inBand(metric.value, b));
      const points = band ? Math.min(weight, band.share !== undefined ? round(weight * band.share, 2) : round(band.points * scale, 2)) : 0;
      const where = band ? `属于“${bandText(band, metric.percent)}”一档` : "不在任何得分档内";
      return { score: points, calculation: `${metric.calculation}，${where}，应得 ${pts(points)}` };
    }
    case "checklist": {
      // Unmet conditions named by the data, matched to the sheet's items: each costs that item's points.
      if (rule.items && metric?.unmet) {
        const items = metric.unmet.map((label) => matchingItem(rule.items!, label));
        if (items.every((i) => i !== null)) {
          const deduction = round(items.reduce((s, i) => s + i!.points, 0) * scale, 2);
          if (items.length === 0) return { score: weight, calculation: `${metric.calculation}，各项均已做到，得满分 ${pts(weight)}` };
          const detail = items.map((i) => `“${i!.name}”${fmt(i!.points * scale)} 分`).join("、");
          return { score: floored(weight, deduction), calculation: `${metric.calculation}，未做到的项目：${detail}，扣 ${pts(Math.min(deduction, weight))}，应得 ${pts(floored(weight, deduction))}` };
        }
      }
      if (rule.pointsPerItem === undefined) return { score: null, why: "检查清单各项没有对应的数据，无法逐项核对" };
      return perCount(rule.pointsPerItem, "每项", input);
    }
    case "perOccurrence":
      // "扣分值的三分之一" is a share of the sheet's own weight: no profile scaling applies.
      return perCount(rule.shareEach !== undefined ? weight * rule.shareEach : rule.pointsEach, "每次", rule.shareEach !== undefined ? { ...input, scale: 1 } : input);
    case "proportional": {
      if (needNumber(metric)) {
        const target = rule.target ?? 100;
        const share = Math.min(1, metric.value / target);
        const score = round(Math.max(0, weight * share), 2);
        return { score, calculation: `${metric.calculation}，得分 = ${fmt(weight)} × min(1, ${fixed2(metric.value)} ÷ ${fmt(target)}) = ${pts(score)}` };
      }
      const targets = input.targets ?? [];
      if (targets.length === 0) return { score: null, why: "没有目标值和完成值，无法按完成比例核算" };
      const unreadable = targets.filter((t) => t.share === null);
      if (unreadable.length > 0) return { score: null, why: `目标值或完成值无法识别（${unreadable.map((t) => t.text).join("；")}）` };
      const mean = targets.reduce((s, t) => s + (t.share as number), 0) / targets.length;
      const score = round(weight * mean, 2);
      const detail = targets.map((t) => t.text).join("；");
      const formula = targets.length === 1 ? `${fmt(weight)} × ${fixed2(mean * 100)}%` : `${fmt(weight)} × 平均完成比例 ${fixed2(mean * 100)}%`;
      const conventions = targets.flatMap((t) => (t.convention ? [t.convention] : []));
      return { score, calculation: `${detail}；得分 = ${formula} = ${pts(score)}`, ...(conventions.length > 0 ? { conventions } : {}) };
    }
    case "binary": {
      if (rule.onTarget) {
        const targets = input.targets ?? [];
        if (targets.length === 0 || targets.some((t) => t.share === null)) return { score: null, why: "没有可识别的目标值和完成值，无法判断是否达到目标" };
        const met = targets.every((t) => t.share === 1);
        return { score: met ? weight : 0, calculation: `${targets.map((t) => t.text).join("；")}，${met ? "达到目标，得满分" : "未达到目标，不得分"} ${pts(met ? weight : 0)}` };
      }
      if (!metric) return { score: null, why: "缺少判断是否完成的数据" };
      // "未发生X得满分": a 否 or a count of 0 earns the points.
      const happened = typeof metric.value === "boolean" ? metric.value : metric.value > 0;
      const done = rule.negated ? !happened : typeof metric.value === "boolean" ? metric.value : metric.value >= (metric.percent ? 100 : 1);
      const said = rule.negated ? (done ? "未发生，得满分" : "已发生，不得分") : done ? "已完成，得满分" : "未完成，不得分";
      return { score: done ? weight : 0, calculation: `${metric.calculation}，${said} ${pts(done ? weight : 0)}` };
    }
  }
}

/** A deduction per counted case (occurrence or missing item), floored at 0. */
function perCount(each: number, what: string, { weight, scale, metric }: RuleInput): RuleOutcome {
  if (!needNumber(metric)) return { score: null, why: "缺少计算所需的数据" };
  const count = Math.max(0, metric.value);
  if (count === 0) return { score: weight, calculation: `${metric.calculation}，无扣分情形，得满分 ${pts(weight)}` };
  const deduction = round(count * each * scale, 2);
  const unmet = metric.unmet && metric.unmet.length > 0 ? `（${metric.unmet.join("、")}）` : "";
  return {
    score: floored(weight, deduction),
    calculation: `${metric.calculation}${unmet}，${what}扣 ${fmt(each * scale)} 分，扣 ${pts(Math.min(deduction, weight))}，应得 ${pts(floored(weight, deduction))}`,
  };
}

/** The checklist item a condition speaks of: the one sharing most two-character pieces with it (at least half). */
function matchingItem(items: { name: string; points: number }[], label: string): { name: string; points: number } | null {
  const wanted = normaliseName(label);
  let best: { name: string; points: number } | null = null;
  let bestShare = 0.5;
  for (const item of items) {
    const share = sharedPairs(wanted, normaliseName(item.name));
    if (share >= bestShare) {
      best = item;
      bestShare = share;
    }
  }
  return best;
}

function inBand(v: number, b: Band): boolean {
  if (b.min !== undefined && (b.minInclusive === false ? v <= b.min : v < b.min)) return false;
  if (b.max !== undefined && (b.maxInclusive === false ? v >= b.max : v > b.max)) return false;
  return true;
}

function bandText(b: Band, percent: boolean): string {
  const u = percent ? "%" : "";
  const lo = b.min !== undefined ? `${b.minInclusive === false ? ">" : "≥"}${fmt(b.min)}${u}` : "";
  const hi = b.max !== undefined ? `${b.maxInclusive === false ? "<" : "≤"}${fmt(b.max)}${u}` : "";
  return [lo, hi].filter(Boolean).join(" 且 ") || "任意值";
}

