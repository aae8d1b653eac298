import { quoted } from "../text/names";
import { fixed2, fmt, round, sameScore } from "../decimal";
import { Finding, IndicatorResult } from "../model";
import { IndicatorRow, SourceCell } from "../parse/tables";
import { applyRule, RuleOutcome } from "../rules/applyRule";
import { MetricEvaluator, MetricValue } from "../rules/metrics";
import { Profile, ProfileIndicator, Rule } from "../rules/profile";
import { recogniseCriterion } from "../rules/recognise";
import { outOfBoundFigures, TargetOutcome, targetOutcome } from "../rules/targets";
import { cellText, invalidText, parseNumber, parsePoints } from "../text/numberText";
import { SubjectResolver } from "../rules/subject";
import { bindValue } from "./bindValue";

export interface ScoredIndicator {
  /** The row as read: its cells are what the report text cites. */
  row: IndicatorRow;
  result: IndicatorResult;
  findings: Finding[];
  profileIndicator: ProfileIndicator | null;
  /** The value the rule was applied to, and the targets it weighed: the facts the report text states. */
  metric?: MetricValue;
  /** The metric's name, when it came from the data table. */
  metricName?: string;
  targets: TargetOutcome[];
}

const pts = (x: number) => `${fmt(x)} 分`;

/** Where the rule came from, for messages. */
function ruleSource(fromSheet: boolean, profile: Profile): string {
  return fromSheet ? "按本表评分标准" : `按评分规则“${profile.name}”`;
}

/** Scores one indicator row: its weight, declared and computed scores, and the findings about it. */
export function scoreIndicator(row: IndicatorRow, profileIndicator: ProfileIndicator | null, profile: Profile, metrics: MetricEvaluator, subjects: SubjectResolver): ScoredIndicator {
  const path = row.path;
  const name = path[path.length - 1];
  const where = { sheet: row.sheet, cell: row.declared.cell, indicatorPath: path };
  const findings: Finding[] = [];
  const weight = row.weight ?? profileIndicator?.weight ?? null;
  const parsedScore = parsePoints(row.declared.value);
  const declared = parsedScore.kind === "number" ? parsedScore.value : null;
  const reason = row.reason ? cellText(row.reason.value) : null;

  const result: IndicatorResult = {
    path,
    max: weight ?? 0,
    declared,
    computed: null,
    sheet: row.sheet,
    scoreCell: row.declared.cell,
    ...(row.reason ? { reasonCell: row.reason.cell } : {}),
    ...(reason ? { reason } : {}),
  };

  if (weight === null) {
    const written = row.weightCell ? parsePoints(row.weightCell.value) : null;
    const why = written?.kind === "invalid" ? `分值${invalidText(written)}` : "未写分值，指标名称中也没有“（N分）”";
    findings.push({ ...where, kind: "invalid", points: null, message: `${quoted(name)}${why}，无法评分`, ...(row.weightCell ? { related: [row.weightCell.cell] } : {}) });
    return { row, result, findings, profileIndicator, targets: [] };
  }
  if (weight < 0) {
    // A negative 分值 weighs nothing: no score can be computed against it, and it adds nothing to the totals.
    findings.push({ ...where, kind: "invalid", points: null, message: `${quoted(name)}分值 ${fmt(weight)} 为负数，无法评分`, ...(row.weightCell ? { related: [row.weightCell.cell] } : {}) });
    return { row, result: { ...result, max: 0 }, findings, profileIndicator, targets: [] };
  }
  if (row.weight === null && profileIndicator) {
    findings.push({ ...where, kind: "manual", points: null, message: `${quoted(name)}本表未写分值，按评分规则“${profile.name}”取 ${pts(weight)}，请核对` });
  }

  // Declared score: present, a number, within [0, weight].
  if (parsedScore.kind === "empty") {
    findings.push({ ...where, kind: "invalid", points: null, message: `${quoted(name)}自评得分为空（分值 ${pts(weight)}）` });
  } else if (parsedScore.kind === "invalid") {
    findings.push({ ...where, kind: "invalid", points: null, message: `${quoted(name)}自评得分${invalidText(parsedScore)}（分值 ${pts(weight)}）` });
  } else if (declared !== null && declared > weight) {
    findings.push({ ...where, kind: "invalid", points: round(declared - weight, 2), message: `${quoted(name)}自评 ${pts(declared)}，超过分值 ${pts(weight)}` });
  } else if (declared !== null && declared < 0) {
    findings.push({ ...where, kind: "invalid", points: declared, message: `${quoted(name)}自评得分 ${fmt(declared)} 为负数` });
  }

  // Computed score: the sheet's own criterion first; the profile's rule only where the sheet states none (a criterion
  // the sheet states but we cannot read is the officer's to apply, not the profile's).
  const sheetRule = recogniseCriterion(row.criterion);
  const quantified = row.targets.length > 0 && profile.quantifiedDefault ? profile.quantifiedDefault : null;
  // A budget row's rule is the form's own: 执行率 × 分值, capped at the 分值 (INDICATORS §3.8).
  const formRule: Rule | null = row.execution ? { shape: "proportional", percent: true } : null;
  // A row with its own 目标值/完成值 is scored on them before a profile rule about a like-named indicator.
  const profileRule = quantified ?? profileIndicator?.rule ?? null;
  const rule: Rule = sheetRule ?? formRule ?? (row.criterion ? null : profileRule) ?? { shape: "manual" };
  const fromSheet = sheetRule !== null || formRule !== null;
  const binding = bindValue({ row, rule, fromSheet, profileIndicator, metrics, subjects });
  const metric = binding.metric;
  const metricName = binding.metric ? binding.metricName : undefined;
  const scale = fromSheet || !profileIndicator ? 1 : weight / profileIndicator.weight;
  const targets = row.targets.map(targetOutcome);
  const applied: RuleOutcome = binding.metric || binding.why === null ? applyRule(rule, { weight, scale, metric, targets }) : { score: null, why: binding.why };
  // A score resting on an unstated convention is no check: the officer decides, with our figure for reference. A
  // sheet that says "完成值/目标值×分值", or states a 得分系数, states the proportional rule itself.
  const statesProportion = (fromSheet && rule.shape === "proportional") || row.coefficient !== undefined || row.proportionStated === true;
  const unstated = applied.score !== null ? (applied.conventions ?? []).filter((c) => !(c.kind === "missed" && statesProportion)) : [];
  const outcome: RuleOutcome =
    applied.score !== null && unstated.length > 0
      ? { score: null, why: `${applied.calculation}；但${[...new Set(unstated.map((c) => c.text))].join("、")}是各地不一的算法，请按本地规定确认` }
      : applied;
  if (outcome.score !== null) {
    result.computed = outcome.score;
    result.calculation = `${outcome.calculation}（${ruleSource(fromSheet, profile)}）`;
  }
  const related = [...(metric?.cells ?? []), ...(fromSheet && row.criterionCell ? [row.criterionCell] : [])];

  const isDeduction = declared !== null && declared < weight && declared >= 0;
  if (isDeduction) {
    const deducted = round(weight - declared, 2);
    const why = reason ? `扣分原因：${reason}` : "未写扣分原因";
    // An officer's deduction the data cannot check is one item that says what would check it, not a second finding.
    const check =
      outcome.score === null ? `；未能自动核实：${outcome.why}，需人工确认` : sameScore(outcome.score, declared) ? `；核算：${outcome.calculation}，与自评一致` : "";
    findings.push({ ...where, kind: "deduction", points: deducted, message: `扣 ${pts(deducted)}（分值 ${pts(weight)}，自评 ${pts(declared)}）。${why}${check}`, ...(row.reason ? { related: [row.reason.cell] } : {}) });
    if (!reason) {
      const reasonWhere = row.reason ? `扣分原因栏 ${row.reason.cell} 为空` : "本表没有扣分原因栏";
      findings.push({ ...where, kind: "missing-reason", points: deducted, message: `${quoted(name)}扣 ${pts(deducted)}，但${reasonWhere}，请写明扣分原因`, ...(row.reason ? { related: [row.reason.cell] } : {}) });
    }
  }

  if (outcome.score !== null && declared !== null && !sameScore(outcome.score, declared)) {
    const diff = round(declared - outcome.score, 2);
    findings.push({
      ...where,
      kind: "mismatch",
      points: diff,
      message: `${outcome.calculation}，自评 ${pts(declared)}，${diff > 0 ? "多计" : "少计"} ${pts(Math.abs(diff))}（${ruleSource(fromSheet, profile)}核算）`,
      related,
    });
  } else if (outcome.score === null && !isDeduction) {
    const detail = outcome.why;
    const stands = declared !== null ? `按自评 ${fmt(declared)} 分计` : "无法计分";
    findings.push({ ...where, kind: "manual", points: null, message: `${quoted(name)}无法自动核算（${detail}），${stands}，需人工确认` });
  }
  findings.push(...checkCoefficient(row, targets, where), ...checkStatedRate(row, metric, where), ...figuresOutOfBound(row, where));
  return { row, result, findings, profileIndicator, metric, ...(metricName && metric?.facts ? { metricName } : {}), targets };
}

/** 目标值/完成值 too large to compute with: said where they stand (the indicator itself is left to the officer). */
function figuresOutOfBound(row: IndicatorRow, where: FindingPlace): Finding[] {
  const name = row.path[row.path.length - 1];
  return row.targets.flatMap(outOfBoundFigures).map(({ what, cell, problem }) => ({ ...where, cell: cell.cell, kind: "invalid" as const, points: null, message: `${quoted(name)}${what}${invalidText(problem)}` }));
}

/** A stated 得分系数 (F6) is a claim like a score: checked against 目标值 and 完成值 at the precision it is written in. */
function checkCoefficient(row: IndicatorRow, targets: TargetOutcome[], where: FindingPlace): Finding[] {
  if (!row.coefficient || targets.length !== 1 || targets[0].share === null || (targets[0].convention && targets[0].convention.kind !== "missed")) return [];
  const share = targets[0].share * 100;
  if (!statedPercentDiffers(row.coefficient, share)) return [];
  return [{ ...where, cell: row.coefficient.cell, kind: "mismatch", points: null, message: `得分系数写作“${cellText(row.coefficient.value)}”，${targets[0].text}，应为 ${fixed2(share)}%`, related: [row.targets[0].target.cell, row.targets[0].actual.cell] }];
}

/** The 执行率 a budget row states, against 全年执行数 ÷ 全年预算数. */
function checkStatedRate(row: IndicatorRow, metric: MetricValue | undefined, where: FindingPlace): Finding[] {
  const rate = row.execution?.rate;
  if (!rate || !metric || typeof metric.value !== "number" || !statedPercentDiffers(rate, metric.value)) return [];
  return [{ ...where, cell: rate.cell, kind: "invalid", points: null, message: `执行率写作“${cellText(rate.value)}”，${metric.calculation}`, related: metric.cells }];
}

type FindingPlace = { sheet: string; indicatorPath: string[] };

/** A percentage as written (95, "95%", 0.95) against a computed one, compared at the precision it is written in. */
function statedPercentDiffers(cell: SourceCell, computedPercent: number): boolean {
  const stated = parseNumber(cell.value);
  if (stated.kind !== "number") return false;
  const percent = stated.percent || Math.abs(stated.value) > 1.5 ? stated.value : stated.value * 100;
  const written = typeof cell.value === "number" && !stated.percent && Math.abs(stated.value) <= 1.5 ? String(round(stated.value * 100, 6)) : String(cell.value);
  const decimals = Math.min(2, (written.split(".")[1] ?? "").replace(/\D/g, "").length);
  return Math.abs(round(computedPercent, decimals) - percent) >= 0.005;
}