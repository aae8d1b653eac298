import { fmt } from "../decimal";
import { ScoredIndicator } from "../score/scoreIndicator";
import { heading } from "./numbering";

interface Cause {
  problem: string;
  remedy: string;
}

const leafName = (s: ScoredIndicator) => s.result.path[s.result.path.length - 1];

/**
 * One cause per indicator that lost points, by the sheet's score or by the data (a computed score below the
 * declared one); indicators standing for the same profile indicator share one cause. Problems and remedies come
 * from the profile, so a remedy always speaks of its own cause.
 */
function causes(indicators: ScoredIndicator[]): Cause[] {
  const byKey = new Map<string, { indicators: ScoredIndicator[]; profile: ScoredIndicator["profileIndicator"] }>();
  for (const s of indicators) {
    const { max, declared, computed } = s.result;
    const lostByScore = declared !== null && declared < max;
    const lostByData = computed !== null && computed < max && (declared === null || computed < declared);
    if (!lostByScore && !lostByData) continue;
    const key = s.profileIndicator?.name ?? leafName(s);
    const entry = byKey.get(key) ?? { indicators: [], profile: s.profileIndicator };
    entry.indicators.push(s);
    byKey.set(key, entry);
  }
  return [...byKey.values()].map(({ indicators: group, profile }) => {
    const names = group.map((s) => `“${leafName(s)}”`).join("、");
    const details = group.map((s) => {
      const { max, declared, computed } = s.result;
      const parts: string[] = [];
      if (declared !== null && declared < max) parts.push(`${names.includes("、") ? `“${leafName(s)}”` : ""}自评扣${fmt(max - declared)}分${s.result.reason ? `，原因是${s.result.reason.replace(/[。；;，,\s]+$/, "")}` : ""}`);
      if (computed !== null && declared !== null && computed < declared) parts.push(`按数据表核算应得${fmt(computed)}分，低于自评的${fmt(declared)}分`);
      return parts.join("；");
    });
    const problem = profile?.problem ?? `${names}未得满分。`;
    const remedy = profile?.remedy ?? `针对${names}的扣分原因逐项制定整改措施，明确责任人和完成时限，并在下一年度自评前检查整改结果。`;
    return { problem: `${problem}${names}${details.join("；")}。`, remedy };
  });
}

/** 存在问题 and 改进措施, one numbered item per cause, remedies in the same order. */
export function problemsAndRemedies(indicators: ScoredIndicator[]): { problems: string[]; remedies: string[] } {
  const list = causes(indicators);
  if (list.length === 0) {
    return {
      problems: ["本年度各项指标均未扣分，自评中未发现需要整改的问题。"],
      remedies: ["继续执行现行的预算编制、预算执行和绩效管理制度，巩固各项指标的完成成果。"],
    };
  }
  return {
    problems: list.map((c, i) => heading.item(i + 1, c.problem)),
    remedies: list.map((c, i) => heading.item(i + 1, c.remedy)),
  };
}
