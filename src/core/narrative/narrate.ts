import { fmt } from "../decimal";
import { Evaluation } from "../engine";
import { qualified } from "../grid/address";
import { NarrativeBlock, NarrativeSource, ScoreResult } from "../model";
import { areaParagraphs } from "./areaParagraphs";
import { budgetParagraph } from "./budgetParagraph";
import { heading } from "./numbering";
import { problemsAndRemedies } from "./problems";
import { DECLARED_TOTAL, paragraph, Sentence, sentence } from "./sentences";

const DEFAULT_UNIT = "万元";

export interface Narrative {
  text: string;
  blocks: NarrativeBlock[];
  sources: NarrativeSource[];
}

/**
 * The text an officer pastes into the 自评报告, in the report's outline: （四）部门整体支出情况 under 一、单位基本情况,
 * and 三、绩效自评情况 with its four parts. Every sentence states cells of the workbook (or the declared total) and
 * the declared scores only. Deterministic: the same evaluation gives the same text.
 */
export function narrate(evaluation: Evaluation): Narrative {
  const { result, data, scored, tables } = evaluation;
  const subject = `${result.unit ?? "本单位"}${result.year ? `${result.year}年度` : ""}`;
  const blocks: { block: NarrativeBlock; sentences: Sentence[] }[] = [];
  const add = (id: NarrativeBlock["id"], title: string, lines: string[], sentences: Sentence[]) => {
    blocks.push({ block: { id, heading: title, text: lines.join("\n") }, sentences });
  };

  const budget = budgetParagraph(data, subject, DEFAULT_UNIT);
  if (budget.length > 0) add("budget", heading.subsection(4, "部门整体支出情况"), [paragraph(budget)], budget);

  const totalCell = tables.find((t) => t.total?.declared)?.total?.declared;
  const outcome = sentence(`本单位${result.year ? `${result.year}年度` : "本年度"}部门整体支出绩效自评分数为${fmt(result.total.declared)}分，等级为${result.declaredGrade}`, [DECLARED_TOTAL, ...(totalCell ? [qualified(totalCell.sheet, totalCell.cell)] : [])]);
  add("result", heading.subsection(1, "自评结果"), [outcome.text], [outcome]);

  const analysis = areaParagraphs(scored, DEFAULT_UNIT);
  add("analysis", heading.subsection(2, "部门整体支出绩效指标分析"), analysis.lines, analysis.sentences);

  const { problems, remedies } = problemsAndRemedies(scored);
  add("problems", heading.subsection(3, "存在问题"), problems.map((s) => s.text), problems);
  add("remedies", heading.subsection(4, "改进措施"), remedies.map((s) => s.text), remedies);

  const lines: string[] = [];
  for (const { block } of blocks) {
    if (block.id === "budget") lines.push(heading.section(1, "单位基本情况"));
    if (block.id === "result") lines.push(heading.section(3, "绩效自评情况"));
    lines.push(block.heading, block.text);
  }
  return {
    text: `${lines.join("\n")}\n`,
    blocks: blocks.map((b) => b.block),
    sources: blocks.flatMap((b) => b.sentences.map((s) => ({ sentence: s.text, cells: s.cells }))),
  };
}

/** What the officer should know before using the draft: it follows the declared scores, which the data contradict. */
export function draftNotice(result: Pick<ScoreResult, "findings">): string | null {
  const n = result.findings.filter((f) => f.kind === "mismatch").length;
  return n > 0 ? `有 ${n} 处自评与核算不一致，建议先修正再使用以下文字` : null;
}
