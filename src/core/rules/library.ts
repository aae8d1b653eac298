import libraryData from "./library/metrics.json";
import { normaliseName } from "../text/names";
import { toHalfWidth } from "../text/halfWidth";
import { DataFieldSpec, MetricExpr, Profile, ValueKind } from "./profile";

/** A computable metric of the library: its formula and what kind of value it gives. */
export interface LibraryMetric {
  aliases: string[];
  kind: ValueKind;
  direction: "up" | "down" | "target";
  formula: MetricExpr;
}

/** How the report states a field's figure: a yes/no as a statement, a count in words. */
export interface FieldPhrase {
  yes?: string;
  no?: string;
  count?: string;
  zero?: string;
}

interface LibraryFile {
  fields: Record<string, DataFieldSpec>;
  phrases: Record<string, FieldPhrase | string>;
  timeNodes: { field: string; labels: string[]; subject: string };
  metrics: Record<string, LibraryMetric>;
}

const data = libraryData as unknown as LibraryFile;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** 6月底支出进度 and its kin for every month, from the label templates. */
function timeNodeFields(): Record<string, DataFieldSpec> {
  const fields: Record<string, DataFieldSpec> = {};
  for (const m of MONTHS) {
    const fill = (t: string) => t.replace(/\{m\}/g, String(m));
    fields[fill(data.timeNodes.field)] = { labels: data.timeNodes.labels.map(fill), kind: "percent" };
  }
  return fields;
}

export const LIBRARY_FIELDS: Record<string, DataFieldSpec> = { ...data.fields, ...timeNodeFields() };
export const LIBRARY_METRICS: Record<string, LibraryMetric> = data.metrics;
export const FIELD_PHRASES: Record<string, FieldPhrase> = Object.fromEntries(
  Object.entries(data.phrases).filter((e): e is [string, FieldPhrase] => typeof e[1] === "object"),
);

/** The profile with the library beneath it: a profile's own fields and metrics win over the library's. */
export function withLibrary<T extends Pick<Profile, "dataFields" | "metrics">>(profile: T): T {
  const metrics = Object.fromEntries(Object.entries(LIBRARY_METRICS).map(([name, m]) => [name, m.formula]));
  return { ...profile, dataFields: { ...LIBRARY_FIELDS, ...profile.dataFields }, metrics: { ...metrics, ...profile.metrics } };
}

/** Names every profile may refer to without defining them. */
export const LIBRARY_NAMES: ReadonlySet<string> = new Set([...Object.keys(LIBRARY_FIELDS), ...Object.keys(LIBRARY_METRICS)]);

/**
 * The stem labels are compared by: 全年实际支出数, 本年实际支出 and 实际支出数（万元） all stem to 实际支出. Leading
 * 全年/本年/年度/合计/上级 and trailing 数/额/金额 carry no meaning of their own in these tables, nor do units in
 * brackets; other bracketed words do (预算执行进度（7月）, 调剂（政策性调整除外）) and are kept. A label that is nothing
 * but such words keeps them (合计 stays 合计).
 */
export function stem(label: string): string {
  let key = STEMS.get(label);
  if (key === undefined) {
    if (STEMS.size > 20000) STEMS.clear();
    key = stemOf(label);
    STEMS.set(label, key);
  }
  return key;
}

/** Labels repeat across rows and runs; a stem is pure, so each is computed once. */
const STEMS = new Map<string, string>();

function stemOf(label: string): string {
  let key = normaliseName(toHalfWidth(label).replace(/\(([^()]*)\)/g, (_, inner: string) => (isUnit(inner) ? "" : inner)))
    .replace(/[①-⑳]/g, "")
    .replace(/=.*$/, "");
  for (const re of [/^(全年度|全年|本年度|本年|年度|合计|其中|上级)/, /(数额|金额|总额|额|数|合计)$/]) {
    const stripped = key.replace(re, "");
    if (stripped) key = stripped;
  }
  return key;
}

/** Bracketed text that only states a unit, a weight or a formula: (万元), (%), (10分), (B/A), (公章). */
function isUnit(inner: string): boolean {
  const words = inner.replace(/[\d.\s%]/g, "");
  return !/[\u4e00-\u9fff]/.test(words) || /^((万|千|百|亿)?(元|亩|人次|人|个|次|项|家|天|分|册次|册|条|件|场|户|公里|吨|平方米|小时|分钟|卷|座|台|辆|份)|百分比|公章|盖章|含|不含)$/.test(words);
}

/** The month a time-node subject speaks of: 11月底支出进度 → 11; 预算执行进度(7月) → 7; 1-6月支出进度 → 6. */
export function timeNodeMonth(subject: string): number | null {
  const text = toHalfWidth(subject).replace(/\s+/g, "");
  if (!new RegExp(data.timeNodes.subject).test(text)) return null;
  const months = [...text.matchAll(/(\d{1,2})月/g)].map((m) => Number(m[1])).filter((m) => m >= 1 && m <= 12);
  return months.length > 0 ? months[months.length - 1] : null;
}

export function timeNodeField(month: number): string {
  return data.timeNodes.field.replace(/\{m\}/g, String(month));
}
