import { LIBRARY_FIELDS, LIBRARY_NAMES, withLibrary } from "./library";
import { Band, Condition, MetricExpr, Profile, Rule, RULE_SHAPES } from "./profile";
import { nestsDeeperThan, numbersBeyond } from "./jsonLimits";
import { FIGURE_BOUND, POINTS_BOUND } from "../text/numberText";

/** A profile that does not hold together; the message lists every problem in Chinese. */
export class ProfileError extends Error {}

type Errors = string[];
/** Real profiles nest six levels (indicators → rule → bands → band); far more is no profile, only a stack to exhaust. */
const MAX_NESTING = 32;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isStrList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);

function need(errors: Errors, ok: boolean, where: string, what: string): boolean {
  if (!ok) errors.push(`${where}：${what}`);
  return ok;
}

function checkMetric(errors: Errors, m: unknown, where: string): void {
  if (!need(errors, isObj(m), where, "应为对象")) return;
  const e = m as Record<string, unknown>;
  const keys = Object.keys(e);
  if (!need(errors, keys.length === 1, where, "应只有一个运算（field、ratio、difference、sum、change、countUnmet、firstOf 之一）")) return;
  const [op] = keys;
  const arg = e[op];
  switch (op) {
    case "field":
      need(errors, isStr(arg), `${where}.field`, "应为数据字段名");
      break;
    case "ratio":
    case "difference":
    case "change":
      need(errors, isStrList(arg) && arg.length === 2, `${where}.${op}`, "应为两个字段或指标名");
      break;
    case "sum":
      need(errors, isStrList(arg) && arg.length >= 1, `${where}.sum`, "应为字段或指标名的列表");
      break;
    case "countUnmet":
      if (need(errors, Array.isArray(arg) && arg.length > 0, `${where}.countUnmet`, "应为条件列表")) {
        (arg as unknown[]).forEach((c, i) => checkCondition(errors, c, `${where}.countUnmet[${i}]`));
      }
      break;
    case "firstOf":
      if (need(errors, Array.isArray(arg) && arg.length > 0, `${where}.firstOf`, "应为运算列表")) {
        (arg as unknown[]).forEach((x, i) => checkMetric(errors, x, `${where}.firstOf[${i}]`));
      }
      break;
    default:
      errors.push(`${where}：未知运算“${op}”`);
  }
}

function checkCondition(errors: Errors, c: unknown, where: string): void {
  if (!need(errors, isObj(c), where, "应为对象")) return;
  const x = c as Partial<Condition>;
  need(errors, isStr(x.of), `${where}.of`, "应为字段或指标名");
  need(errors, isStr(x.label), `${where}.label`, "应写明条件的含义");
  need(errors, isNum(x.atLeast) || isNum(x.atMost) || typeof x.is === "boolean", where, "应有 atLeast、atMost 或 is 之一");
}

function checkBand(errors: Errors, b: unknown, where: string): void {
  if (!need(errors, isObj(b), where, "应为对象")) return;
  const x = b as Partial<Band>;
  need(errors, isNum(x.points) && x.points >= 0, `${where}.points`, "应为不小于 0 的分数");
  need(errors, x.min === undefined || isNum(x.min), `${where}.min`, "应为数字");
  need(errors, x.max === undefined || isNum(x.max), `${where}.max`, "应为数字");
}

export function checkRule(errors: Errors, r: unknown, where: string): void {
  if (!need(errors, isObj(r), where, "应为对象")) return;
  const rule = r as Record<string, unknown>;
  if (!need(errors, RULE_SHAPES.includes(rule.shape as Rule["shape"]), `${where}.shape`, `应为 ${RULE_SHAPES.join("、")} 之一`)) return;
  need(errors, rule.metric === undefined || isStr(rule.metric), `${where}.metric`, "应为指标或字段名");
  switch (rule.shape) {
    case "threshold":
      need(errors, isNum(rule.limit), `${where}.limit`, "应为数字（百分数写作 100 表示 100%）");
      need(errors, rule.direction === "atMost" || rule.direction === "atLeast", `${where}.direction`, "应为 atMost 或 atLeast");
      need(errors, isNum(rule.perUnit) && rule.perUnit > 0, `${where}.perUnit`, "应为大于 0 的扣分");
      need(errors, rule.unit === undefined || (isNum(rule.unit) && rule.unit > 0), `${where}.unit`, "应为大于 0 的数字");
      need(errors, rule.partial === undefined || ["proportional", "ceil", "floor"].includes(rule.partial as string), `${where}.partial`, "应为 proportional、ceil 或 floor");
      break;
    case "bands":
      if (need(errors, Array.isArray(rule.bands) && rule.bands.length > 0, `${where}.bands`, "应为分档列表")) {
        (rule.bands as unknown[]).forEach((b, i) => checkBand(errors, b, `${where}.bands[${i}]`));
      }
      break;
    case "checklist":
      need(errors, Array.isArray(rule.items) || isNum(rule.pointsPerItem), where, "应有 items 或 pointsPerItem");
      break;
    case "perOccurrence":
      need(errors, isNum(rule.pointsEach) && rule.pointsEach > 0, `${where}.pointsEach`, "应为大于 0 的扣分");
      break;
    case "proportional":
      need(errors, rule.target === undefined || (isNum(rule.target) && rule.target > 0), `${where}.target`, "应为大于 0 的数字");
      break;
  }
}

/** Checks an untrusted object is a profile; throws ProfileError naming every problem. */
export function validateProfile(data: unknown, source = "评分规则"): Profile {
  const errors: Errors = [];
  if (!isObj(data)) throw new ProfileError(`${source}有误：内容应为 JSON 对象`);
  // Checked before anything else walks it: the checks below recurse into nested metrics.
  if (nestsDeeperThan(data, MAX_NESTING)) throw new ProfileError(`${source}有误：内容嵌套超过 ${MAX_NESTING} 层，不是评分规则的结构`);
  const huge = numbersBeyond(data, FIGURE_BOUND.limit);
  for (const where of huge.slice(0, 20)) errors.push(`${where}：数值超出可计算的范围（绝对值应不超过 ${FIGURE_BOUND.words}）`);
  if (huge.length > 20) errors.push(`另有 ${huge.length - 20} 个数值超出可计算的范围`);
  need(errors, isStr(data.id), "id", "应为规则编号");
  need(errors, isStr(data.name), "name", "应为规则名称");
  need(errors, data.version === 1, "version", "应为 1");
  need(errors, isStr(data.amountUnit), "amountUnit", "应为金额单位，如“万元”");
  const fields = isObj(data.dataFields) ? data.dataFields : {};
  need(errors, isObj(data.dataFields), "dataFields", "应为对象");
  for (const [name, spec] of Object.entries(fields)) {
    const s = spec as Record<string, unknown>;
    const crossings = s.crossings === undefined || (Array.isArray(s.crossings) && s.crossings.every((c: unknown) => isObj(c) && isStrList(c.row) && isStrList(c.column)));
    need(errors, crossings, `dataFields.${name}.crossings`, "应为 {row, column} 的列表");
    const ok = isObj(spec) && (isStrList(s.labels) || (isStrList(s.row) && isStrList(s.column)) || (Array.isArray(s.crossings) && crossings));
    need(errors, ok, `dataFields.${name}`, "应有 labels，或 row 与 column，或 crossings");
    need(errors, !isObj(spec) || s.kind === undefined || ["amount", "percent", "count", "yesno"].includes(s.kind as string), `dataFields.${name}.kind`, "应为 amount、percent、count 或 yesno");
  }
  const metrics = isObj(data.metrics) ? data.metrics : {};
  need(errors, isObj(data.metrics), "metrics", "应为对象");
  for (const [name, m] of Object.entries(metrics)) checkMetric(errors, m as MetricExpr, `metrics.${name}`);
  const known = new Set([...LIBRARY_NAMES, ...Object.keys(fields), ...Object.keys(metrics)]);
  const refs = (m: unknown): string[] => {
    if (!isObj(m)) return [];
    const [op, arg] = Object.entries(m)[0] ?? [];
    if (op === "field") return [arg as string];
    if (op === "countUnmet") return (arg as Condition[]).map((c) => c?.of);
    if (op === "firstOf") return (arg as unknown[]).flatMap(refs);
    return Array.isArray(arg) ? (arg as string[]) : [];
  };
  for (const [name, m] of Object.entries(metrics)) {
    for (const ref of refs(m)) need(errors, !isStr(ref) || known.has(ref), `metrics.${name}`, `引用了未定义的字段或指标“${ref}”`);
  }
  if (need(errors, Array.isArray(data.indicators), "indicators", "应为指标列表")) {
    (data.indicators as unknown[]).forEach((ind, i) => {
      const where = `indicators[${i}]`;
      if (!need(errors, isObj(ind), where, "应为对象")) return;
      const x = ind as Record<string, unknown>;
      need(errors, isStr(x.name), `${where}.name`, "应为指标名称");
      need(errors, Array.isArray(x.path) && (x.path as unknown[]).every(isStr), `${where}.path`, "应为上级指标名称列表");
      need(errors, x.aliases === undefined || isStrList(x.aliases), `${where}.aliases`, "应为别名列表");
      // A smaller weight is no score at two decimals, and profile points scale by sheet weight ÷ this weight.
      need(errors, isNum(x.weight) && x.weight >= 0.01 && x.weight <= POINTS_BOUND.limit, `${where}.weight`, `应为 0.01 分到 ${POINTS_BOUND.words}之间的分值`);
      checkRule(errors, x.rule, `${where}.rule`);
      const metric = isObj(x.rule) ? (x.rule as Record<string, unknown>).metric : undefined;
      need(errors, !isStr(metric) || known.has(metric), `${where}.rule.metric`, `引用了未定义的字段或指标“${String(metric)}”`);
    });
  }
  if (need(errors, Array.isArray(data.checks), "checks", "应为勾稽检查列表")) {
    (data.checks as unknown[]).forEach((c, i) => {
      const x = c as Record<string, unknown>;
      const ok = isObj(c) && isStr(x.name) && isStr(x.total) && isStrList(x.parts) && x.parts.length >= 2;
      need(errors, ok, `checks[${i}]`, "应有 name、total 与至少两个 parts");
      if (ok) for (const f of [x.total as string, ...(x.parts as string[])]) need(errors, f in fields || f in LIBRARY_FIELDS, `checks[${i}]`, `引用了未定义的字段“${f}”`);
    });
  }
  if (data.quantifiedDefault !== undefined) checkRule(errors, data.quantifiedDefault, "quantifiedDefault");
  if (errors.length > 0) throw new ProfileError(`${source}有误（${errors.length} 处）：\n- ${errors.join("\n- ")}`);
  // The metric library lies beneath every profile: a profile names only what it adds or changes.
  return withLibrary(data as unknown as Profile);
}
