import { qualified } from "../grid/address";
import { fixed2, fmt, percentOf, round } from "../decimal";
import { ExecutionRow, IndicatorRow } from "../parse/tables";
import { isMissing, MetricEvaluator, MetricResult, MetricValue } from "../rules/metrics";
import { Condition, MetricExpr, ProfileIndicator, Rule, SubjectCondition, ValueKind } from "../rules/profile";
import { SubjectResolver } from "../rules/subject";
import { cellText, parseNumber } from "../text/numberText";
import { toHalfWidth } from "../text/halfWidth";
import { sharedPairs } from "../text/wordPairs";

/** The value a rule is applied to, or why there is none, said so that the officer knows what to add. */
export type Binding = { metric: MetricValue; metricName?: string } | { metric?: undefined; why: string | null };

export interface BindingContext {
  row: IndicatorRow;
  rule: Rule;
  fromSheet: boolean;
  profileIndicator: ProfileIndicator | null;
  metrics: MetricEvaluator;
  subjects: SubjectResolver;
}

const KIND_WORDS: Record<ValueKind, string> = { amount: "金额", percent: "百分比", count: "个数", yesno: "是/否" };

/**
 * Binds a rule to its value. A profile's rule reads the profile's metric. A sheet's rule reads the value of what its
 * criterion speaks of: the subject it names (resolved through the metric library), else the indicator's own name, and
 * only a value of the kind the rule counts in; the row's own 完成值 stands for the indicator itself. A sheet's rule
 * never reads a profile metric about something else.
 */
export function bindValue(ctx: BindingContext): Binding {
  const { rule } = ctx;
  if (rule.shape === "manual") return { why: null };
  if (ctx.row.execution) return executionRate(ctx.row.execution);
  if (!ctx.fromSheet) return bindProfileRule(ctx);
  // The same criterion on many rows binds alike: its listed conditions or items depend on the data alone.
  if (rule.shape === "perOccurrence" && rule.conditions) return ctx.metrics.memo(rule, () => bindConditions(ctx, rule.conditions!));
  if (rule.shape === "checklist" && rule.items) return ctx.metrics.memo(rule, () => bindChecklist(ctx));
  if (rule.shape === "checklist") return bindChecklist(ctx);
  if ((rule.shape === "proportional" && !rule.subject && ctx.row.targets.length > 0) || (rule.shape === "binary" && rule.onTarget)) return { why: null };

  const name = leafName(ctx.row);
  const named = rule.subject ? ctx.subjects.resolve(rule.subject) : null;
  const own = ctx.subjects.resolveName(name);
  const subject = rule.subject ? named : own;
  // The row's own figures (完成值, or the data table's figure under the indicator's name) speak of the indicator
  // itself: usable when the criterion names nothing else.
  const aboutItself = !rule.subject || (named ? own !== null && named.name === own.name : shareWords(rule.subject, name));

  const problems: string[] = [];
  if (subject) {
    // A library subject states its direction; one that does not is no count of things that cost points.
    const wrongKind = kindProblem(rule, subject.kind, subject.direction ?? "unstated");
    const result = wrongKind ? null : ctx.metrics.get(subject.name);
    if (result && !isMissing(result)) return { metric: result, metricName: subject.name };
    problems.push(wrongKind ? `评分标准按${wrongKind}计分，而“${subject.name}”是${KIND_WORDS[subject.kind]}，不能套用` : gapText(result!));
  }
  if (!subject || aboutItself) {
    const figure = figureOf(ctx, rule, aboutItself ? [rule.subject, name] : [rule.subject], problems);
    if (figure) return figure;
  }
  const formula = sheetFormula(ctx, rule, [rule.subject, name], problems);
  if (formula) return formula;
  return { why: problems[0] ?? `评分标准所说的“${rule.subject ?? name}”在数据表中找不到对应的数据，本行也没有完成值` };
}

/** Two names speak of the same thing when they share a two-character word (满意度 / 群众满意度). */
function shareWords(a: string, b: string): boolean {
  const chinese = (t: string) => t.replace(/[^\u4e00-\u9fff]/g, "");
  return sharedPairs(chinese(a), chinese(b)) > 0;
}

/**
 * The row's 完成值, else the data table's figure under the subject's or the indicator's name, of a kind that suits;
 * null (with the problem noted) otherwise.
 */
function figureOf(ctx: BindingContext, rule: Rule, names: (string | undefined)[], problems: string[]): Binding | null {
  const leaf = leafName(ctx.row);
  const actual = names.length > 1 ? rowActual(ctx.row, leaf) : undefined;
  const candidates: [MetricResult, string][] = [
    ...(actual ? [[actual, leaf] as [MetricResult, string]] : []),
    ...names.flatMap((n) => {
      const r = n ? ctx.metrics.byLabel(n) : null;
      return r ? [[r, isMissing(r) ? n! : r.facts?.[0]?.name ?? n!] as [MetricResult, string]] : [];
    }),
  ];
  for (const [c, label] of candidates) {
    if (isMissing(c)) {
      problems.push(gapText(c));
      continue;
    }
    const value = asPercentIfRuleIs(rule, c, label);
    const wrongKind = kindProblem(rule, value.kind);
    if (!wrongKind) return { metric: value };
    problems.push(`评分标准按${wrongKind}计分，而“${value.calculation}”不是`);
  }
  return null;
}

const FORMULA = /([^=,，;；。:：]{2,20}?)\s*=\s*[[(（]?\s*([^/÷=()（）[\]]{2,30}?)\s*[/÷]\s*([^×*)）\]=]{2,30}?)\s*[)）\]]?\s*[×*]\s*100%/;

/**
 * A rate the row defines itself, "按时办结率=按时办结件数/投诉举报受理件数×100%" in its 指标解释 or 评分标准, computed
 * from the figures the data table states under those names.
 */
function sheetFormula(ctx: BindingContext, rule: Rule, names: (string | undefined)[], problems: string[]): Binding | null {
  if (rule.percent !== true) return null;
  for (const text of [ctx.row.explanation, ctx.row.criterion]) {
    const m = text ? FORMULA.exec(toHalfWidth(text).replace(/[“”"]/g, "")) : null;
    if (!m || !names.some((n) => n && shareWords(n, m[1]))) continue;
    const [top, bottom] = [figureNamed(ctx, m[2]), figureNamed(ctx, m[3])];
    if (!top || !bottom) {
      problems.push(`在数据表中填写“${!top ? m[2] : m[3]}”后可按本表公式“${m[0]}”核算`);
      continue;
    }
    const [a, b] = [top.value, bottom.value];
    if (typeof a !== "number" || typeof b !== "number") continue;
    const rate = percentOf(a, b);
    if (rate === null) continue;
    return {
      metric: {
        value: rate,
        percent: true,
        kind: "percent",
        calculation: `${m[1]} = ${fmt(a)} ÷ ${fmt(b)} = ${fixed2(rate)}%（本表公式）`,
        cells: [...top.cells, ...bottom.cells],
      },
    };
  }
  return null;
}

/** A figure named in a sheet's formula: a data field of the library, else a label of the data table. */
function figureNamed(ctx: BindingContext, name: string): MetricValue | null {
  const field = ctx.subjects.resolveName(name);
  const result = field ? ctx.metrics.get(field.name) : ctx.metrics.byLabel(name);
  return result && !isMissing(result) ? result : null;
}

/** A bare 0.91 or 91 where the rule counts in percent is 91 % (LAYOUTS §1.7: percentages as fractions or numbers). */
function asPercentIfRuleIs(rule: Rule, v: MetricValue, label: string): MetricValue {
  // Only a figure named as a rate (办结率, 满意度, 占比) is one: 388 按时办结件数 is not 388 %.
  if (!rule.percent || v.kind !== "count" || typeof v.value !== "number" || !/率|度|比例|比重|占比|%|％|百分比/.test(label)) return v;
  const value = Math.abs(v.value) <= 1.5 ? round(v.value * 100, 4) : v.value;
  return { ...v, value, percent: true, kind: "percent" };
}

function leafName(row: IndicatorRow): string {
  return row.path[row.path.length - 1] ?? "";
}

/** Null when a value of this kind suits the rule, else the kind the rule counts in. */
function kindProblem(rule: Rule, kind: ValueKind, direction?: string): string | null {
  if (rule.shape === "binary") return null;
  if (kind === "yesno") return "数值";
  if (rule.shape === "perOccurrence" || (rule.shape === "checklist" && rule.pointsPerItem !== undefined)) {
    // Only a count of things that cost points can be counted against the score (违规问题, 非政策性调剂), never, say,
    // the number of intentions published on time.
    return kind === "count" && (direction === undefined || direction === "down") ? null : "扣分事项的次数";
  }
  if (rule.percent === true && kind !== "percent") return "百分比";
  if (rule.percent === false && kind === "percent") return "个数";
  if (rule.shape === "proportional" && rule.target === undefined && kind !== "percent") return "百分比";
  return null;
}

/** What is missing or wrong, and what to add: "在数据表中填写“编制数”和“在职人数”后可自动核算". */
function gapText(result: MetricResult): string {
  if (!isMissing(result)) return "";
  const parts: string[] = [];
  const missing = [...new Set(result.missing)];
  if (missing.length > 0) {
    const names = missing.map((n) => `“${n}”`);
    const list = names.length > 1 ? `${names.slice(0, -1).join("、")}和${names[names.length - 1]}` : names[0];
    parts.push(`在数据表中填写${list}后可自动核算`);
  }
  parts.push(...(result.unusable ?? []));
  return parts.join("；");
}

function bindProfileRule(ctx: BindingContext): Binding {
  const metricOf = (r: Rule | undefined) => (r && "metric" in r ? r.metric : undefined);
  const metricName = metricOf(ctx.rule) ?? metricOf(ctx.profileIndicator?.rule);
  if (metricName) {
    const result = ctx.metrics.get(metricName);
    if (!isMissing(result)) return { metric: result, metricName };
    // The row's 完成值 stands in only when it is the same kind of figure as the profile's metric.
    const actual = rowActual(ctx.row, metricName);
    return actual && actual.kind === ctx.subjects.kindOf(metricName) ? { metric: actual } : { why: gapText(result) };
  }
  if (ctx.rule.shape === "proportional" && ctx.row.targets.length > 0) return { why: null };
  const actual = rowActual(ctx.row, leafName(ctx.row));
  return actual ? { metric: actual } : { why: "缺少计算所需的数据" };
}

/** Each listed subject resolved and checked against its bound; the count of those missed is the value. */
function bindConditions(ctx: BindingContext, conditions: SubjectCondition[]): Binding {
  const resolved = conditions.map((c) => ({ c, r: ctx.subjects.resolve(c.subject) }));
  const unknown = resolved.filter((x) => x.r === null).map((x) => `“${x.c.subject}”`);
  if (unknown.length > 0) return { why: `评分标准所说的${unknown.join("、")}在数据表中找不到对应的数据` };
  const expr: MetricExpr = {
    countUnmet: resolved.map(({ c, r }): Condition => ({ of: r!.name, ...(c.atLeast !== undefined ? { atLeast: c.atLeast } : {}), ...(c.atMost !== undefined ? { atMost: c.atMost } : {}), label: `${c.subject}${c.atLeast !== undefined ? `达到${c.atLeast}%` : `不超过${c.atMost}%`}` })),
  };
  const metricName = "评分标准所列节点中未达到的个数";
  const result = ctx.metrics.evaluateOnce(metricName, expr);
  return isMissing(result) ? { why: gapText(result) } : { metric: result, metricName };
}

/** A checklist's items, each a yes/no field of the data table: the ones answered 否 are the items missed. */
function bindChecklist(ctx: BindingContext): Binding {
  const rule = ctx.rule as Extract<Rule, { shape: "checklist" }>;
  if (!rule.items) {
    const subject = ctx.subjects.resolveName(leafName(ctx.row));
    if (subject && subject.kind === "count") {
      const result = ctx.metrics.get(subject.name);
      return isMissing(result) ? { why: gapText(result) } : { metric: result, metricName: subject.name };
    }
    return { why: "评分标准没有逐项列出检查内容，数据表中也没有未做到的项数" };
  }
  const resolved = rule.items.map((item) => ({ item, r: ctx.subjects.resolve(item.name) }));
  const unknown = resolved.filter((x) => x.r === null || x.r.kind !== "yesno").map((x) => `“${x.item.name}”`);
  if (unknown.length > 0) return { why: `评分标准的检查项${unknown.join("、")}在数据表中没有对应的“是/否”数据，无法逐项核对` };
  const expr: MetricExpr = { countUnmet: resolved.map(({ item, r }) => ({ of: r!.name, is: true, label: item.name })) };
  const metricName = "评分标准所列各项中未做到的项数";
  const result = ctx.metrics.evaluateOnce(metricName, expr);
  return isMissing(result) ? { why: gapText(result) } : { metric: result, metricName };
}

/** 执行率 of a budget row from its own cells: 全年执行数 ÷ 全年预算数. */
function executionRate(row: ExecutionRow): Binding {
  const budget = parseNumber(row.budget.value);
  const spent = parseNumber(row.spent.value);
  if (budget.kind !== "number" || spent.kind !== "number") return { why: `预算行的全年预算数或全年执行数不是数字（${row.budget.cell}、${row.spent.cell}）` };
  if (budget.value <= 0) return { why: `全年预算数为 ${fmt(budget.value)}（${row.budget.cell}），不能作除数` };
  const rate = percentOf(spent.value, budget.value);
  if (rate === null) return { why: `全年执行数 ${fmt(spent.value)} ÷ 全年预算数 ${fmt(budget.value)}（${row.budget.cell}），结果超出可计算的范围` };
  return {
    metric: {
      value: rate,
      percent: true,
      kind: "percent",
      calculation: `执行率 = ${fixed2(spent.value)} ÷ ${fixed2(budget.value)} = ${fixed2(rate)}%`,
      cells: [qualified(row.spent.sheet, row.spent.cell), qualified(row.budget.sheet, row.budget.cell)],
    },
  };
}

/** The row's own 完成值 as a value, in percent when the row writes its target or result in percent. */
function rowActual(row: IndicatorRow, name: string): MetricValue | undefined {
  const own = row.targets[0];
  if (!own || row.targets.length > 1) return undefined;
  const parsed = parseNumber(own.actual.value);
  if (parsed.kind !== "number") return undefined;
  const percent = parsed.percent || /%/.test(String(own.target.value ?? ""));
  return {
    value: parsed.value,
    percent,
    kind: percent ? "percent" : "count",
    calculation: `${name}（本表完成值）${cellText(own.actual.value)}`,
    cells: [qualified(own.actual.sheet, own.actual.cell)],
  };
}
