import { DataTable } from "../parse/tables";
import { figure } from "./figures";

const SOURCES: [field: string, name: string][] = [
  ["一般公共预算", "一般公共预算财政拨款"],
  ["政府性基金预算", "政府性基金预算拨款"],
  ["国有资本经营预算", "国有资本经营预算拨款"],
  ["其他收入", "其他收入"],
];

/**
 * The budget paragraph of section 一: the approved total, its split by source and by kind, and what was spent.
 * Every clause needs its figure; a clause without one is left out, and with no budget figure at all there is no
 * paragraph.
 */
export function budgetParagraph(data: DataTable, subject: string, unit: string): string | null {
  const amount = (field: string): number | null => {
    const v = data.values.get(field)?.value;
    return typeof v === "number" ? v : null;
  };
  const money = (v: number) => figure(v, { amount: true }, unit);
  const total = amount("全年预算数");
  const sources = SOURCES.map(([field, name]) => [name, amount(field)] as const).filter(([, v]) => v !== null);
  const basic = amount("基本支出");
  const project = amount("项目支出");
  const staff = amount("人员经费");
  const office = amount("公用经费");
  const spent = amount("实际支出数");
  if (total === null && sources.length === 0 && basic === null && project === null) return null;

  const sentences: string[] = [];
  const sourceText = sources.map(([name, v]) => `${name}${money(v!)}`).join("，");
  if (total !== null) sentences.push(`${subject}预算批复收入总预算${money(total)}${sourceText ? `。其中：${sourceText}` : ""}`);
  else if (sourceText) sentences.push(`${subject}预算批复收入中，${sourceText}`);

  const kinds: string[] = [];
  if (basic !== null) {
    const inner = [staff !== null ? `人员经费${money(staff)}` : "", office !== null ? `公用经费${money(office)}` : ""].filter(Boolean).join("、");
    kinds.push(`基本支出${money(basic)}${inner ? `（其中${inner}）` : ""}`);
  }
  if (project !== null) kinds.push(`项目支出${money(project)}`);
  if (kinds.length > 0) {
    const spendTotal = basic !== null && project !== null ? basic + project : total;
    sentences.push(spendTotal !== null ? `预算批复支出${money(spendTotal)}，其中：${kinds.join("，")}` : `预算批复支出中，${kinds.join("，")}`);
  }
  if (spent !== null) {
    const rate = total ? `，预算执行率为${figure((spent / total) * 100, { percent: true }, unit)}` : "";
    sentences.push(`全年实际支出${money(spent)}${rate}`);
  }
  return `${sentences.join("；")}。`;
}
