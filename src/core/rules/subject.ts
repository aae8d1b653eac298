import { LIBRARY_METRICS, stem, timeNodeField, timeNodeMonth } from "./library";
import { MetricExpr, Profile, ValueKind } from "./profile";

/** A criterion's subject found in the metric library or among the data fields: what to evaluate, and its kind. */
export interface ResolvedSubject {
  name: string;
  kind: ValueKind;
  /** "down" for a count of things that cost points. */
  direction?: "up" | "down" | "target";
}

/** Stems shorter than this are too common to identify a subject inside a longer text (预算, 公开). */
const MIN_CONTAINED = 3;
/** Words that narrow a metric to a part of the budget: 项目支出预算执行率 is not the department's 预算执行率. */
const NARROWING = /项目|专项|基本支出|人员|公用|重点|转移支付|本级|上级|单位资金|财政资金|其他资金/;

/**
 * Finds what a criterion speaks of ("11月底支出进度", "在职人员控制率", "财务管理存在违规问题") among the metrics and
 * data fields of a profile (the library beneath it): by the same stem, else by the longest name contained in the
 * subject. Two different candidates of that length make the subject ambiguous, and it stays unresolved.
 */
export class SubjectResolver {
  private readonly byStem = new Map<string, ResolvedSubject>();
  /** Aliases written "采购意向+未按时公开": every part must be in the subject, in any order. */
  private readonly allOf: { parts: string[]; subject: ResolvedSubject }[] = [];
  /** Templates repeat the same criteria and names on every row: each text is resolved once. */
  private readonly resolved = new Map<string, ResolvedSubject | null>();

  constructor(private readonly profile: Pick<Profile, "metrics" | "dataFields">) {
    // Metrics before fields: "执行率" names the metric 预算执行率, not a field labelled 执行数.
    for (const [name, expr] of Object.entries(profile.metrics)) {
      const direction = LIBRARY_METRICS[name]?.direction ?? ("countUnmet" in expr ? "down" : undefined);
      const subject: ResolvedSubject = { name, kind: this.kindOf(name), ...(direction ? { direction } : {}) };
      for (const alias of [name, ...(LIBRARY_METRICS[name]?.aliases ?? [])]) this.add(alias, subject);
    }
    for (const [name, spec] of Object.entries(profile.dataFields)) {
      const subject: ResolvedSubject = { name, kind: spec.kind ?? "amount", ...(spec.direction ? { direction: spec.direction } : {}) };
      for (const label of [name, ...(spec.labels ?? [])]) this.add(label, subject);
    }
  }

  private add(label: string, subject: ResolvedSubject): void {
    if (label.includes("+")) {
      this.allOf.push({ parts: label.split("+").map(stem), subject });
      return;
    }
    const key = stem(label);
    if (key && !this.byStem.has(key)) this.byStem.set(key, subject);
  }

  /** The kind of value a metric or field gives. */
  kindOf(name: string, seen = new Set<string>()): ValueKind {
    const field = this.profile.dataFields[name];
    if (field) return field.kind ?? "amount";
    const known = LIBRARY_METRICS[name];
    const expr: MetricExpr | undefined = this.profile.metrics[name];
    if (!expr || seen.has(name)) return known?.kind ?? "amount";
    seen.add(name);
    if ("ratio" in expr || "change" in expr) return "percent";
    if ("countUnmet" in expr) return "count";
    const first = "field" in expr ? expr.field : "difference" in expr ? expr.difference[0] : "sum" in expr ? expr.sum[0] : null;
    if (first) return this.kindOf(first, seen);
    return known?.kind ?? "amount";
  }

  /** An indicator's own name: only by the same stem (its name may carry qualifiers a criterion's subject does not). */
  resolveName(name: string): ResolvedSubject | null {
    const key = `\u0000${name}`;
    if (!this.resolved.has(key)) this.resolved.set(key, timeNodeMonth(name) !== null ? this.resolve(name) : this.byStem.get(stem(name)) ?? null);
    return this.resolved.get(key)!;
  }

  resolve(subject: string | undefined): ResolvedSubject | null {
    if (!subject) return null;
    if (!this.resolved.has(subject)) this.resolved.set(subject, this.search(subject));
    return this.resolved.get(subject)!;
  }

  private search(subject: string): ResolvedSubject | null {
    const month = timeNodeMonth(subject);
    if (month !== null) {
      const name = timeNodeField(month);
      return this.profile.dataFields[name] ? { name, kind: "percent" } : null;
    }
    const key = stem(subject);
    const exact = this.byStem.get(key);
    if (exact) return exact;
    let best: ResolvedSubject | null = null;
    let bestLength = MIN_CONTAINED - 1;
    let tie = false;
    for (const [candidate, resolved] of this.byStem) {
      if (candidate.length < bestLength || !key.includes(candidate) || NARROWING.test(key.replace(candidate, ""))) continue;
      if (candidate.length > bestLength) {
        best = resolved;
        bestLength = candidate.length;
        tie = false;
      } else if (best && best.name !== resolved.name) tie = true;
    }
    for (const { parts, subject } of this.allOf) {
      const length = parts.reduce((n, p) => n + p.length, 0);
      if (length <= bestLength || !parts.every((p) => key.includes(p))) continue;
      best = subject;
      bestLength = length;
      tie = false;
    }
    return tie ? null : best;
  }
}
