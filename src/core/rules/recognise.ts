import { toHalfWidth } from "../text/halfWidth";
import { Band, Rule } from "./profile";

/**
 * Turns the common phrasings of a sheet's own 评分标准 into rule shapes (DOMAIN §3). The result carries no metric:
 * the value it applies to comes from the profile's indicator or from the row's 完成值. Null when not recognised.
 */
export function recogniseCriterion(criterion: string | null): Rule | null {
  if (!criterion) return null;
  // Templates repeat the same criterion on many rows; a rule is read-only data, so one reading serves them all.
  if (!SEEN.has(criterion)) {
    if (SEEN.size > 5000) SEEN.clear();
    const text = normalise(criterion);
    SEEN.set(criterion, threshold(text) ?? proportional(text) ?? perOccurrence(text) ?? checklist(text) ?? bands(text) ?? binary(text));
  }
  return SEEN.get(criterion)!;
}

const SEEN = new Map<string, Rule | null>();

const N = "(\\d+(?:\\.\\d+)?)";
const ONE = "(?:1|一)";
const CN_DIGITS: Record<string, string> = { 零: "0", 一: "1", 二: "2", 两: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9", 十: "10" };

function normalise(text: string): string {
  return toHalfWidth(text)
    .replace(/\s+/g, "")
    .replace(/<=/g, "≤")
    .replace(/>=/g, "≥")
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/扣([零一二两三四五六七八九十])分/g, (_, d: string) => `扣${CN_DIGITS[d]}分`)
    .replace(/(计|得)([零一二两三四五六七八九十])分/g, (_, w: string, d: string) => `${w}${CN_DIGITS[d]}分`);
}

/** "≤100%，计5分；每超过一个百分点扣0.5分，扣完为止" and its "≥ … 每低于" mirror. */
function threshold(text: string): Rule | null {
  const per = new RegExp(`每(超过|超出|高于|增加|多|上升|低于|少于|下降|减少|降低|不足)${ONE}(?:个)?(?:百分点|%)[^；;。]*?扣${N}分`).exec(text);
  if (!per) return null;
  const atLeast = /低于|少于|下降|减少|降低|不足/.test(per[1]);
  const before = text.slice(0, per.index);
  const limitMatch = [...before.matchAll(new RegExp(`${N}%`, "g"))].pop() ?? [...text.matchAll(new RegExp(`${N}%`, "g"))][0];
  if (!limitMatch) return null;
  const partial = new RegExp(`不足${ONE}个百分点的?按${ONE}个百分点(计|计算)`).test(text) ? "ceil" : undefined;
  return { shape: "threshold", limit: Number(limitMatch[1]), direction: atLeast ? "atLeast" : "atMost", perUnit: Number(per[2]), ...(partial ? { partial } : {}) };
}

/** "每出现一例不符合要求的扣1分", "每调整一次扣1分" (but not "每少一项": that is a checklist). */
function perOccurrence(text: string): Rule | null {
  const m = new RegExp(`每[^；;。，,]{0,10}?${ONE}(例|次|处|起|笔|个问题|个)[^；;。]*?扣${N}分`).exec(text);
  return m ? { shape: "perOccurrence", pointsEach: Number(m[2]) } : null;
}

/** "①…1分；②…1分" items, and "每少一项扣1分" / "每有一项未…扣1分". */
function checklist(text: string): Rule | null {
  const perItem = new RegExp(`每(少|缺|缺少|有|漏|差)?${ONE}项[^；;。]*?扣${N}分|未[^；;。]{0,20}的?每项扣${N}分`).exec(text);
  const items: { name: string; points: number }[] = [];
  const itemRe = new RegExp(`(?:[①②③④⑤⑥⑦⑧⑨⑩]|\\(\\d+\\)|(?:^|[；;。])\\d+[.、])([^①②③④⑤⑥⑦⑧⑨⑩；;。]*?)(?:得|计)?${N}分`, "g");
  for (const m of text.matchAll(itemRe)) {
    const name = m[1].replace(/[，,:：]+$/, "").replace(/(得|计)$/, "");
    if (name) items.push({ name, points: Number(m[2]) });
  }
  if (!perItem && items.length < 2) return null;
  const pointsPerItem = perItem ? Number(perItem[2] ?? perItem[3]) : undefined;
  return { shape: "checklist", ...(items.length >= 2 ? { items } : {}), ...(pointsPerItem !== undefined ? { pointsPerItem } : {}) };
}

/** "完成值/目标值×分值", "按完成比例计分". */
function proportional(text: string): Rule | null {
  const re = /(完成值|实际值|实际完成值)[/÷](目标值|计划值)|(完成率|完成比例|完成程度)[×*]|按(实际)?完成(比例|程度|率)(计|得|折算)分|[×*](该)?(指标)?分值|得分=.*(完成|实际)/;
  return re.test(text) ? { shape: "proportional" } : null;
}

/** "≥90%，计5分；80%(含)-90%，计4分；…；低于60%不得分": two or more ranges with points. */
function bands(text: string): Rule | null {
  const result: Band[] = [];
  for (const segment of text.split(/[；;。\n]/)) {
    const points = pointsOf(segment);
    const band = points === null ? null : rangeOf(segment);
    if (band && points !== null) result.push({ ...band, points });
  }
  return result.length >= 2 ? { shape: "bands", bands: result } : null;
}

function pointsOf(segment: string): number | null {
  if (/不得分|得0分|计0分|0分$/.test(segment)) return 0;
  const m = new RegExp(`(?:计|得|给|评)?${N}分`).exec(segment);
  return m ? Number(m[1]) : null;
}

/**
 * The range of a band. Following the legal convention (以上、以下、以内 include the number; 超过、低于、不满 do not), and
 * "(含)" marking an included bound: in "A-B" the bound marked (含) is included and the other is not; unmarked, A is
 * included and B is not.
 */
function rangeOf(segment: string): Omit<Band, "points"> | null {
  const pct = `${N}%?`;
  let m = new RegExp(`${pct}(\\(含\\))?(?:-|~|—|至|到)${pct}(\\(含\\))?`).exec(segment);
  if (m) {
    const [lo, loIncl, hi, hiIncl] = [Number(m[1]), !!m[2], Number(m[3]), !!m[4]];
    const marked = loIncl || hiIncl;
    return { min: lo, minInclusive: marked ? loIncl : true, max: hi, maxInclusive: marked ? hiIncl : false };
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

/** "完成得5分，未完成不得分", "是得满分，否则不得分". */
function binary(text: string): Rule | null {
  const re = /(得|计)(满分|\d+(\.\d+)?分)[；;，,。]?(否则|反之|否|未[^；;。，,]{0,12}|没有[^；;。，,]{0,12}|无[^；;。，,]{0,12})[^；;。]*?(不得分|0分|不计分)/;
  return re.test(text) ? { shape: "binary" } : null;
}
