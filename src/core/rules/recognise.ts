import { toHalfWidth } from "../text/halfWidth";
import { FIGURE_BOUND } from "../text/numberText";
import { numbersBeyond } from "./jsonLimits";
import { Band, Rule, RuleSubject, SubjectCondition } from "./profile";

/**
 * Turns the common phrasings of a sheet's own 评分标准 into rule shapes (DOMAIN §3, INDICATORS §3), with the subject
 * each speaks of ("11月底支出进度≥90%…" is about 11月底支出进度, in percent). The value a rule is applied to is found
 * from that subject, never borrowed from a profile metric about something else. Null when not recognised.
 */
export function recogniseCriterion(criterion: string | null): Rule | null {
  if (!criterion || criterion.length > MAX_CRITERION_LENGTH) return null;
  // Templates repeat the same criterion on many rows; a rule is read-only data, so one reading serves them all.
  if (!SEEN.has(criterion)) {
    if (SEEN.size > 5000) SEEN.clear();
    const text = normalise(criterion);
    const rule = conditionList(text) ?? threshold(text) ?? unitThreshold(text) ?? proportional(text) ?? perOccurrence(text) ?? checklist(text) ?? withinBudget(text) ?? bands(text) ?? negatedOrOnTarget(text) ?? binary(text);
    SEEN.set(criterion, rule && computable(rule) ? rule : null);
  }
  return SEEN.get(criterion)!;
}

/**
 * A criterion's numbers are used in arithmetic: each within FIGURE_BOUND ("每超过1个百分点扣999…9分" is no rule), and
 * a unit or target divided by above 0. Otherwise the criterion reads as not recognised and the officer scores it.
 */
function computable(rule: Rule): boolean {
  if (numbersBeyond(rule, FIGURE_BOUND.limit).length > 0) return false;
  return !(("unit" in rule && rule.unit !== undefined && rule.unit <= 0) || ("target" in rule && rule.target !== undefined && rule.target <= 0));
}

const SEEN = new Map<string, Rule | null>();

/**
 * Published criteria run to a few hundred characters. The patterns below scan for a phrase from every position, so
 * their cost grows with the square of the text: a longer text is left to the officer rather than read for seconds.
 */
export const MAX_CRITERION_LENGTH = 1000;

const N = "(\\d+(?:\\.\\d+)?)";
const ONE = "(?:1|一)";
const CN_DIGITS: Record<string, string> = { 零: "0", 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };
/** Words of a count a shortfall is measured in: 少一场扣1分. */
const COUNT_UNIT = "(万人次|人次|万册次|册次|批次|分钟|小时|个|场|次|项|人|家|件|份|篇|期|所|户|座|天|台|批|例|处|条|部|本|万亩|亩|公里|吨|卷)";

function normalise(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/<=/g, "≤")
    .replace(/>=/g, "≥")
    .replace(/≦/g, "≤")
    .replace(/≧/g, "≥")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[“”"'‘’]/g, "")
    .replace(/(\d)驰/g, "$1%") // an OCR slip seen in published criteria: 60驰至70% = 60%至70%
    .replace(/扣([零一二两三四五六七八九十])分/g, (_, d: string) => `扣${CN_DIGITS[d]}分`)
    .replace(/(计|得)([零一二两三四五六七八九十])分/g, (_, w: string, d: string) => `${w}${CN_DIGITS[d]}分`);
}

/** Openings that name no subject: "以100%为标准。", "本指标满分6分，". */
const LEAD = /^(以\d+(\.\d+)?%?为(标准|基准)[。,;]?|本指标满分\d+(\.\d+)?分[。,;]?|指标\d*[:：])+/;
/** Where a subject ends: a comparator, a verb of the rule, a number that is not a month. */
const SUBJECT_END = /≤|≥|<|>|=|不低于|不少于|不超过|不高于|不大于|不足|达到|达|为|高于|低于|超过|超出|大于|小于|控制在|分别|每|的|得|计|\d(?![\d.]*月)/;

/** The words a clause names its value by, when it names one. */
function subjectOf(text: string): string | undefined {
  const clause = text.replace(LEAD, "").split(/[;；。,，]/)[0];
  const end = SUBJECT_END.exec(clause);
  const subject = end ? clause.slice(0, end.index) : "";
  return /[\u4e00-\u9fff]{2,}/.test(subject) ? subject : undefined;
}

function withSubject<T extends Rule>(rule: T, subject: string | undefined, percent?: boolean): T & RuleSubject {
  return { ...rule, ...(subject ? { subject } : {}), ...(percent !== undefined ? { percent } : {}) };
}

/**
 * "6月底、9月底、11月底累计支出进度分别达到50%、75%、90%，每有一个时间节点未达到扣1分": each listed subject with its
 * own bound, each one missed costing the points.
 */
function conditionList(text: string): Rule | null {
  return boundsEach(text) ?? sharedBound(text);
}

/** "6月底支出进度≥50%、9月底支出进度≥75%、11月底支出进度≥90%，每有一个时间节点未达到扣分值的三分之一". */
function boundsEach(text: string): Rule | null {
  const list = new RegExp(`^((?:[^、,;。]+?(?:≥|≤)${N}%?、)+[^、,;。]+?(?:≥|≤)${N}%?)[,;]?每[^;。]{0,12}?(?:未达到|未完成|不达标|未达标)[^;。]*?扣(?:${N}分|分值的(三分之一|四分之一|二分之一|一半|1/3|1/4|1/2))`).exec(text.replace(LEAD, ""));
  if (!list) return null;
  const conditions: SubjectCondition[] = list[1].split("、").map((item) => {
    const c = new RegExp(`^(.+?)(≥|≤)${N}%?$`).exec(item)!;
    return c[2] === "≥" ? { subject: c[1], atLeast: Number(c[3]) } : { subject: c[1], atMost: Number(c[3]) };
  });
  const shares: Record<string, number> = { 三分之一: 1 / 3, "1/3": 1 / 3, 四分之一: 0.25, "1/4": 0.25, 二分之一: 0.5, 一半: 0.5, "1/2": 0.5 };
  const each = list[4] !== undefined ? { pointsEach: Number(list[4]) } : { pointsEach: 0, shareEach: shares[list[5]] };
  return withSubject({ shape: "perOccurrence", ...each, conditions }, undefined, list[1].includes("%"));
}

function sharedBound(text: string): Rule | null {
  const m = new RegExp(`^(.+?)分别(达到|不低于|不少于|≥|不超过|不高于|≤)(${N}%?(?:[、,]${N}%?)+)[^;。]*?每[^;。]{0,12}?(?:未达到|未完成|不达标|未达标)[^;。]*?扣${N}分`).exec(text.replace(LEAD, ""));
  if (!m) return null;
  const names = m[1].split(/[、,]/);
  const bounds = m[3].split(/[、,]/).map((b) => Number(b.replace("%", "")));
  if (names.length !== bounds.length) return null;
  // The shared words stand once, after the last item: 6月底、9月底、11月底累计支出进度.
  const lead = /^[\d一二三四五六七八九十]+月(底|末)?/;
  const tail = names[names.length - 1].replace(lead, "");
  const subjects = names.map((n, i) => (i < names.length - 1 && lead.test(n) && n.replace(lead, "") === "" ? n + tail : n));
  const atMost = /不超过|不高于|≤/.test(m[2]);
  const conditions: SubjectCondition[] = subjects.map((subject, i) => (atMost ? { subject, atMost: bounds[i] } : { subject, atLeast: bounds[i] }));
  return withSubject({ shape: "perOccurrence", pointsEach: Number(m[m.length - 1]), conditions }, undefined, m[3].includes("%"));
}

/** "≤100%，计5分；每超过一个百分点扣0.5分，扣完为止" and its "≥ … 每低于" mirror. */
function threshold(text: string): Rule | null {
  const per = new RegExp(`每(超过|超出|高于|高|增加|多|上升|低于|低|少于|下降|减少|降低|不足)${ONE}(?:个)?(?:百分点|%)[^;。]*?扣${N}分`).exec(text);
  if (!per) return null;
  const atLeast = /低|少于|下降|减少|不足/.test(per[1]);
  const before = text.slice(0, per.index);
  const bound = new RegExp(`(?:≤|≥|<|>|=|不超过|不低于|不高于|不少于|达到|达|控制在|为)${N}(%?)`, "g");
  const limitMatch = [...before.matchAll(bound)].pop() ?? [...before.matchAll(new RegExp(`${N}%`, "g"))].pop() ?? [...text.matchAll(new RegExp(`${N}%`, "g"))][0];
  if (!limitMatch) return null;
  const partial = new RegExp(`不足${ONE}个百分点的?按${ONE}个百分点(计|计算)`).test(text) ? "ceil" : undefined;
  return withSubject({ shape: "threshold", limit: Number(limitMatch[1]), direction: atLeast ? "atLeast" : "atMost", perUnit: Number(per[2]), ...(partial ? { partial } : {}) }, subjectOf(text), true);
}

/**
 * A count or a measure with its unit: "抽查数量达9个得6分，少检查一个扣1分" (INDICATORS O1, O2), "不少于300天得10分，每少
 * 10天扣1分", "速报时间≤10分钟得满分，每超过1分钟扣1分". The limit is the last figure in the same unit before the rule.
 */
function unitThreshold(text: string): Rule | null {
  const pattern = (lead: string) => new RegExp(`${lead}(少|缺|低于|不足|减少|超过|超出|多|高于|增加)[^;。,]{0,6}?(${N.slice(1, -1)}|一)${COUNT_UNIT}[^;。,]*?扣${N}分`);
  const per = pattern("每").exec(text) ?? pattern("").exec(text);
  if (!per) return null;
  const limits = [...text.slice(0, per.index).matchAll(new RegExp(`${N}${per[3]}`, "g"))];
  const limit = limits[limits.length - 1];
  if (!limit) return null;
  const atMost = /超过|超出|多|高于|增加/.test(per[1]);
  const unit = per[2] === "一" ? 1 : Number(per[2]);
  return withSubject({ shape: "threshold", limit: Number(limit[1]), direction: atMost ? "atMost" : "atLeast", perUnit: Number(per[4]), ...(unit !== 1 ? { unit } : {}) }, subjectOf(text), false);
}

/** "每出现一例不符合要求的扣1分", "每调整一次扣1分" (but not "每少一项": that is a checklist). */
function perOccurrence(text: string): Rule | null {
  const m = new RegExp(`每([^;。,]{0,10}?)${ONE}(例|次|处|起|笔|个问题|个)([^;。]*?)扣${N}分`).exec(text);
  if (!m) return null;
  // What is counted stands before 每 ("年中追加或调剂预算(政策性调整除外)每发生一次") and in the phrase itself
  // ("采购意向应按时公开，每有一个项目未按时公开", "年中每发生一次非政策性追加调剂").
  const before = text.slice(0, m.index).replace(LEAD, "").split(/[;。]/).pop() ?? "";
  const clause = (before.split(/[,，]/).filter((c) => c !== "").pop() ?? "").replace(/(存在|发生|出现|有)?的?$/, "");
  const counted = `${m[1]}${m[3]}`.replace(/^(有|发生|出现|发现|存在)/, "").replace(/^(项目|事项)?/, "");
  const lead = subjectOf(clause) ?? (/[得计]/.test(clause) ? "" : clause);
  const subject = `${lead}${/[\u4e00-\u9fff]{2,}/.test(counted) ? counted : ""}`;
  return withSubject({ shape: "perOccurrence", pointsEach: Number(m[4]) }, /[\u4e00-\u9fff]{2,}/.test(subject) ? subject : undefined, false);
}

/** "①…1分；②…1分" items, and "每少一项扣1分" / "每有一项未…扣1分". */
function checklist(text: string): Rule | null {
  const perItem = new RegExp(`每(少|缺|缺少|有|漏|差)?${ONE}项[^;。]*?扣${N}分|未[^;。]{0,20}的?每项扣${N}分`).exec(text);
  const items: { name: string; points: number }[] = [];
  const itemRe = new RegExp(`(?:[①②③④⑤⑥⑦⑧⑨⑩]|\\(\\d+\\)|(?:^|[;。])\\d+[.、])([^①②③④⑤⑥⑦⑧⑨⑩;。]*?)(?:得|计)?${N}分`, "g");
  for (const m of text.matchAll(itemRe)) {
    const name = m[1].replace(/[,:：]+$/, "").replace(/(得|计)$/, "");
    if (name) items.push({ name, points: Number(m[2]) });
  }
  if (!perItem && items.length < 2) return null;
  const pointsPerItem = perItem ? Number(perItem[2] ?? perItem[3]) : undefined;
  return { shape: "checklist", ...(items.length >= 2 ? { items } : {}), ...(pointsPerItem !== undefined ? { pointsPerItem } : {}) };
}

const IN_PROPORTION = /(完成值|实际值|实际完成值)[/÷](绩效|年度)?(目标值|计划值|指标值)|按(实际)?完成(比例|程度|率)(计|得|折算)分|(完成率|完成比例|完成程度)[×*]/;

/** True for a form's note that scores missed targets in proportion ("未完成的，按 实际完成值/年度指标值×该指标分值 计分"). */
export function statesProportion(note: string): boolean {
  return IN_PROPORTION.test(normalise(note));
}

/** "完成值/目标值×分值", "按完成比例计分", "得分=预算执行率×该指标分值". */
function proportional(text: string): Rule | null {
  if (IN_PROPORTION.test(text)) {
    // "完成值/目标值×分值，目标值850公里": the target stated in the criterion, for a row without a 目标值 column.
    const stated = new RegExp(`目标值(?:为|是)?${N}(%)?`).exec(text);
    return stated ? { shape: "proportional", target: Number(stated[1]), percent: !!stated[2] } : { shape: "proportional" };
  }
  const explicit = new RegExp(`(?:得分=)?([^=,;。]+?)[/÷]${N}[^×*;。]{0,6}[×*](?:${N}分?|(?:该|本)?(?:指标)?分值)`).exec(text);
  if (explicit) return withSubject({ shape: "proportional", target: Number(explicit[2]) }, /[\u4e00-\u9fff]{2,}/.test(explicit[1]) ? explicit[1] : undefined, false);
  const times = new RegExp(`(?:得分=)?([^=,;。]+?)[×*](?:(?:该|本)?(?:指标)?分值|${N}分)`).exec(text);
  if (!times) return /得分=.*(完成|实际)/.test(text) ? { shape: "proportional" } : null;
  const subject = times[1].replace(/^得分=?/, "");
  return withSubject({ shape: "proportional" }, /[\u4e00-\u9fff]{2,}/.test(subject) ? subject : undefined, true);
}

/** "≥90%，计5分；80%(含)-90%，计4分；…；低于60%不得分": two or more ranges with points. */
function bands(text: string): Rule | null {
  const result: Band[] = [];
  let percent = false;
  const REST = /[,，](超出|超过|高于|低于|未达到|否则)[^;。]*?(不得分|得0分)$/;
  // Clauses end at ；and 。, and at a comma where one clause awards several bands ("≥95%得10分，90%(含)至95%得8分").
  const clauses = text.split(/[;。\n]/).flatMap((c) => ((c.match(/\d分|不得分|满分/g) ?? []).length > 1 ? c.split(",") : [c]));
  for (const whole of clauses) {
    // "≤100%得5分，超出不得分": the band, then the rest of the range in the other direction.
    const segment = whole.replace(REST, "");
    const points = pointsOf(segment);
    if (points === null) continue;
    const band = rangeOf(segment);
    if (band) {
      result.push({ ...band, ...points });
      percent = percent || segment.includes("%");
      continue;
    }
    // "≤100%得5分，超出不得分": the rest of the range, in the other direction.
    const last = result[result.length - 1];
    if (last && /超出|超过|高于|低于|未达到|否则|以外/.test(segment)) {
      if (last.max !== undefined && last.min === undefined) result.push({ min: last.max, minInclusive: last.maxInclusive === false, ...points });
      else if (last.min !== undefined && last.max === undefined) result.push({ max: last.min, maxInclusive: last.minInclusive === false, ...points });
    }
  }
  if (result.length === 1 && REST.test(text.split(/[;。\n]/)[0])) {
    const only = result[0];
    if (only.max !== undefined && only.min === undefined) result.push({ min: only.max, minInclusive: only.maxInclusive === false, points: 0 });
    else if (only.min !== undefined && only.max === undefined) result.push({ max: only.min, maxInclusive: only.minInclusive === false, points: 0 });
  }
  if (result.length < 2) return null;
  const measured = new RegExp(`\\d${COUNT_UNIT}`).test(text);
  return withSubject({ shape: "bands", bands: result }, subjectOf(text), percent ? true : measured ? false : undefined);
}

/** Points of a band: a number, 满分, or a share of the weight (得60%分值). */
function pointsOf(segment: string): { points: number } | { points: number; share: number } | null {
  // "绩效自评不超过89分" caps a total score (INDICATORS B1); it awards nothing.
  if (/(不超过|不高于|最高|不得超过)\d+(\.\d+)?分/.test(segment)) return null;
  if (/不得分|得0分|计0分|(^|[^\d.])0分$/.test(segment)) return { points: 0 };
  if (/得满分|计满分|全部?得分/.test(segment)) return { points: 0, share: 1 };
  const share = new RegExp(`(?:得|计)${N}%(?:的)?(?:分值|权重)`).exec(segment);
  if (share) return { points: 0, share: Number(share[1]) / 100 };
  const m = new RegExp(`(?:计|得|给|评)?${N}分`).exec(segment);
  return m ? { points: Number(m[1]) } : null;
}

/**
 * The range of a band. Following the legal convention (以上、以下、以内 include the number; 超过、低于、不满 do not), and
 * "(含)"/"(不含)" marking a bound: in "A-B" a marked bound is as marked; unmarked, A is included and B is not, and the
 * band is flagged `unmarked` so that a value exactly on A or B is left to the officer.
 */
function rangeOf(segment: string): Omit<Band, "points"> | null {
  const pct = `${N}(?:%|${COUNT_UNIT.slice(1, -1)})?`;
  // "0<结转结余率≤3%": both bounds around the subject's name.
  let m = new RegExp(`${pct}(<|≤)[^<≤\\d]{1,20}(<|≤)${pct}`).exec(segment);
  if (m) return { min: Number(m[1]), minInclusive: m[2] === "≤", max: Number(m[4]), maxInclusive: m[3] === "≤" };
  m = new RegExp(`${pct}(\\((?:不)?含\\))?(?:-|~|—|－|～|至|到)${pct}(\\((?:不)?含\\))?`).exec(segment);
  if (m) {
    const [lo, loMark, hi, hiMark] = [Number(m[1]), m[2], Number(m[3]), m[4]];
    const loIncl = loMark ? loMark === "(含)" : hiMark === "(含)" ? false : true;
    const hiIncl = hiMark ? hiMark === "(含)" : false;
    return { min: lo, minInclusive: loIncl, max: hi, maxInclusive: hiIncl, ...(!loMark && !hiMark ? { unmarked: true } : {}) };
  }
  if ((m = new RegExp(`(?:≥|不低于|不少于|达到|大于等于)${pct}|${pct}(?:\\(含\\))?(?:以上|及以上)`).exec(segment))) {
    return { min: Number(m[1] ?? m[2]), minInclusive: true };
  }
  if ((m = new RegExp(`(?:>|高于|超过|大于)${pct}`).exec(segment))) return { min: Number(m[1]), minInclusive: false };
  if ((m = new RegExp(`(?:≤|不超过|不高于|小于等于)${pct}|${pct}(?:\\(含\\))?(?:以下|以内)`).exec(segment))) {
    return { max: Number(m[1] ?? m[2]), maxInclusive: true };
  }
  if ((m = new RegExp(`(?:<|低于|小于|不足|不满|未达到)${pct}`).exec(segment))) return { max: Number(m[1]), maxInclusive: false };
  if ((m = new RegExp(`(?:=|为|等于)${pct}`).exec(segment))) return { min: Number(m[1]), max: Number(m[1]) };
  return null;
}

/** "“三公”经费支出不超过预算得5分，超出预算不得分": the spending against its budget, as a 控制率 of at most 100 %. */
function withinBudget(text: string): Rule | null {
  const m = new RegExp(`^(.{2,16}?)(?:支出|实际支出)?(?:不超过|控制在)预算(?:以内|内)?(?:的)?(?:得|计)${N}分[,;](?:超出|超过)预算[^;。]*?(?:不得分|得0分)`).exec(text.replace(LEAD, ""));
  if (!m) return null;
  const bands: Band[] = [{ max: 100, maxInclusive: true, points: Number(m[2]) }, { min: 100, minInclusive: false, points: 0 }];
  return withSubject({ shape: "bands", bands }, `${m[1]}控制率`, true);
}

/**
 * "未发生违规违纪问题得10分，发生违规违纪问题不得分": done when it did not happen. "实际成本控制在目标值以内得满分，超出
 * 目标值不得分": done when the row's target is met.
 */
function negatedOrOnTarget(text: string): Rule | null {
  const onTarget = /(控制在|达到|完成|不超过)目标值(以内|以上)?(的)?(得|计)(满分|\d+(\.\d+)?分)[^;。]*?(超出|超过|未达到|低于|未完成)目标值[^;。]*?(不得分|得0分)/.test(text);
  if (onTarget) return { shape: "binary", onTarget: true };
  const m = /^(?:全年)?(未|没有|无)(发生|出现)?(.{2,20}?)(的)?(得|计)(满分|\d+(\.\d+)?分)[,;](?:若|如)?(发生|出现|存在|有)[^;。]*?(不得分|得0分)/.exec(text.replace(LEAD, ""));
  return m ? withSubject({ shape: "binary", negated: true }, `${m[2] ?? "发生"}${m[3]}`) : null;
}

/** "完成得5分，未完成不得分", "是得满分，否则不得分". */
function binary(text: string): Rule | null {
  const re = /(得|计)(满分|\d+(\.\d+)?分)[;，,。]?(否则|反之|否|未[^;。,]{0,12}|没有[^;。,]{0,12}|无[^;。,]{0,12})[^;。]*?(不得分|0分|不计分)/;
  return re.test(text) ? withSubject({ shape: "binary" }, subjectOf(text)) : null;
}
