import { toHalfWidth } from "./halfWidth";
import { withoutInvisible } from "./invisible";
import { parsePoints } from "./numberText";

/** A weight written inside a name: 投入（20分）, 预算执行(10分), 产出 20分. */
const WEIGHT_IN_NAME = /[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分?\s*[）)]\s*$|[（(]\s*([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*分\s*[）)]|\s([0-9]+(?:\.[0-9]+)?)分$/;

export function weightInName(name: string): number | null {
  const m = WEIGHT_IN_NAME.exec(name);
  if (!m) return null;
  const weight = parsePoints(toHalfWidth(m[1] ?? m[2] ?? m[3]));
  return weight.kind === "number" ? weight.value : null;
}

/**
 * The display name: invisible characters dropped, the weight removed (投入（20分）, 数量指标（20）), a placeholder number
 * dropped (指标1：), blanks between Chinese characters removed (产 出, 可持续影\n响指标), other blanks folded.
 */
export function displayName(name: string): string {
  return memo(DISPLAY, name, displayNameOf);
}

function displayNameOf(name: string): string {
  return withoutInvisible(name)
    .replace(WEIGHT_IN_NAME, "")
    .replace(/^\s*指标\s*[0-9０-９]+\s*[:：]\s*/, "")
    .replace(/([\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The form names are compared in: half-width, no blanks, no quotes or brackets content like units, no list numbers,
 * 比率 read as 率. “三公”经费控制率 and 三公经费控制率（%） compare equal.
 */
export function normaliseName(name: string): string {
  return memo(NORMALISED, name, normalisedOf);
}

function normalisedOf(name: string): string {
  return toHalfWidth(displayName(name))
    .replace(/^\s*其中\s*[:：]?/, "")
    .replace(/^\s*([0-9]+[.、)]|\([0-9一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.])\s*/, "")
    .replace(/\([^)]*\)/g, "")
    .replace(/[\s"'“”‘’「」『』《》:：]/g, "")
    .replace(/比率/g, "率")
    .toLowerCase();
}

/** Names recur on every row of a table and in every run: both forms are pure, so each is computed once. */
const DISPLAY = new Map<string, string>();
const NORMALISED = new Map<string, string>();

function memo(cache: Map<string, string>, key: string, f: (k: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size > 20000) cache.clear();
    value = f(key);
    cache.set(key, value);
  }
  return value;
}

/** A name in quotation marks, once: “三公经费”变动率 already carries its own and is not wrapped again. */
export function quoted(name: string): string {
  return /[“”"]/.test(name) ? name : `“${name}”`;
}
