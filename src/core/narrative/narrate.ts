import { fmt } from "../decimal";
import { Evaluation } from "../engine";
import { areaParagraphs } from "./areaParagraphs";
import { budgetParagraph } from "./budgetParagraph";
import { heading } from "./numbering";
import { problemsAndRemedies } from "./problems";

const DEFAULT_UNIT = "万元";

/**
 * The text an officer pastes into the 自评报告: the budget paragraph of section 一 and section 三, built only from the
 * computed facts. Deterministic: the same evaluation gives the same text.
 */
export function narrate(evaluation: Evaluation): string {
  const { result, data, scored } = evaluation;
  const year = result.year ? `${result.year}年度` : "本年度";
  const subject = `${result.unit ?? "本单位"}${result.year ? `${result.year}年度` : ""}`;
  const lines: string[] = [];

  const budget = budgetParagraph(data, subject, DEFAULT_UNIT);
  if (budget) lines.push(heading.section(1, "部门整体支出情况"), budget);

  lines.push(heading.section(3, "绩效自评情况"));
  lines.push(heading.subsection(1, "自评结果"));
  lines.push(`本单位${year}部门整体支出绩效自评得分为${fmt(result.total.declared)}分，自评等级为“${result.declaredGrade}”。`);

  lines.push(heading.subsection(2, "部门整体支出绩效指标分析"));
  lines.push(...areaParagraphs(scored, DEFAULT_UNIT));

  const { problems, remedies } = problemsAndRemedies(scored);
  lines.push(heading.subsection(3, "存在问题"), ...problems);
  lines.push(heading.subsection(4, "改进措施"), ...remedies);
  return `${lines.join("\n")}\n`;
}
