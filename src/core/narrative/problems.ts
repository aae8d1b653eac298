import { quoted } from "../text/names";
import { fmt } from "../decimal";
import { ScoredIndicator } from "../score/scoreIndicator";
import { leafName, scoreCell } from "./areaParagraphs";
import { heading } from "./numbering";
import { DECLARED_TOTAL, Sentence, sentence, tidyReason } from "./sentences";
import { qualified } from "../grid/address";

/**
 * 存在问题 and 改进措施, one numbered item per indicator that lost points, remedies in the same order.
 *
 * A problem is the officer's own reason, tidied. The profile's stock sentence stands for it only where the workbook's
 * data confirm the deduction (the score computed from the data equals the declared one), since only then does the
 * workbook support what the sentence asserts; with neither, the item says which indicator lost how many points.
 * A remedy is advice, not a fact: the profile's remedy for a matched indicator, else one that names the indicator.
 */
export function problemsAndRemedies(indicators: ScoredIndicator[]): { problems: Sentence[]; remedies: Sentence[] } {
  const lost = indicators.filter((s) => s.result.declared !== null && s.result.declared < s.result.max);
  if (lost.length === 0) {
    return {
      problems: [sentence("本年度各项指标均得满分，自评中未发现需要整改的问题", [DECLARED_TOTAL])],
      remedies: [sentence("继续执行现行的预算编制、预算执行和绩效管理制度，巩固各项指标的完成成果", [DECLARED_TOTAL])],
    };
  }
  const problems: Sentence[] = [];
  const remedies: Sentence[] = [];
  const seen = new Set<string>();
  for (const s of lost) {
    const problem = problemOf(s);
    if (seen.has(problem.text)) continue;
    seen.add(problem.text);
    const n = problems.length + 1;
    problems.push({ ...problem, text: heading.item(n, problem.text) });
    const remedy = s.profileIndicator?.remedy ?? `针对${quoted(leafName(s))}的扣分原因逐项整改，明确责任人和完成时限，并在下一年度自评前检查整改结果`;
    remedies.push({ ...sentence(remedy, problem.cells), text: heading.item(n, sentence(remedy, []).text) });
  }
  return { problems, remedies };
}

function problemOf(s: ScoredIndicator): Sentence {
  const cells = [scoreCell(s), ...(s.result.reasonCell ? [qualified(s.result.sheet, s.result.reasonCell)] : [])];
  const reason = tidyReason(s.result.reason);
  if (reason) return sentence(`${quoted(leafName(s))}方面：${reason}`, cells);
  const { computed, declared, max } = s.result;
  const confirmed = computed !== null && declared !== null && computed === declared && (s.metric || s.targets.length > 0);
  if (confirmed && s.profileIndicator?.problem) return sentence(s.profileIndicator.problem, [...cells, ...(s.metric?.cells ?? [])]);
  return sentence(`${quoted(leafName(s))}未得满分，扣${fmt(max - (declared as number))}分`, cells);
}
