import { percentOf } from "../decimal";
import { qualified } from "../grid/address";
import { DataTable } from "../parse/tables";
import { amountText, percentText, Sentence, sentence } from "./sentences";

const SOURCES: [field: string, name: string][] = [
  ["一般公共预算", "一般公共预算财政拨款"],
  ["政府性基金预算", "政府性基金预算拨款"],
  ["国有资本经营预算", "国有资本经营预算拨款"],
  ["其他收入", "其他收入"],
];

const IMPLAUSIBLE_WAN = 1_000_000;

/**
 * The budget paragraph, （四）部门整体支出情况 of section 一: the approved total, its split by source and by kind, and
 * what was spent. Every clause needs its figure; a clause without one is left out, and with no budget figure at all
 * there is no paragraph.
 */
export function budgetParagraph(data: DataTable, subject: string, unit: string): Sentence[] {
  const field = (name: string): { value: number; cell: string } | null => {
    const v = data.values.get(name);
    return v && typeof v.value === "number" ? { value: v.value, cell: qualified(v.sheet, v.cell) } : null;
  };
  const money = (f: { value: number }) => amountText(f.value, unit);
  const total = field("全年预算数");
  const sources = SOURCES.map(([f, name]) => ({ name, figure: field(f) })).filter((s) => s.figure !== null);
  const basic = field("基本支出");
  const project = field("项目支出");
  const staff = field("人员经费");
  const office = field("公用经费");
  const spent = field("实际支出数");
  const sentences: Sentence[] = [];
  // A budget of a million 万元 (一百亿元) and more is a table in 元 under a 万元 line (LAYOUTS §1.7): stating it in
  // 万元 would put a false figure in the report, so the paragraph is left to the officer.
  if ([total, spent, basic, project, ...sources.map((s) => s.figure)].some((f) => f && Math.abs(f.value) >= IMPLAUSIBLE_WAN)) return [];

  const sourceText = sources.map((s) => `${s.name}${money(s.figure!)}`).join("，");
  const sourceCells = sources.map((s) => s.figure!.cell);
  if (total) {
    sentences.push(sentence(`${subject}预算批复收入总预算${money(total)}`, [total.cell]));
    if (sourceText) sentences.push(sentence(`其中：${sourceText}`, sourceCells));
  } else if (sourceText) sentences.push(sentence(`${subject}预算批复收入中，${sourceText}`, sourceCells));

  const kinds: string[] = [];
  const kindCells: string[] = [];
  if (basic) {
    const inner = [staff ? `人员经费${money(staff)}` : "", office ? `公用经费${money(office)}` : ""].filter(Boolean).join("、");
    kinds.push(`基本支出${money(basic)}${inner ? `（其中${inner}）` : ""}`);
    kindCells.push(basic.cell, ...(staff ? [staff.cell] : []), ...(office ? [office.cell] : []));
  }
  if (project) {
    kinds.push(`项目支出${money(project)}`);
    kindCells.push(project.cell);
  }
  if (kinds.length > 0) {
    const both = basic && project ? { value: basic.value + project.value } : total;
    sentences.push(sentence(both ? `预算批复支出${money(both)}，其中：${kinds.join("，")}` : `预算批复支出中，${kinds.join("，")}`, [...kindCells, ...(!(basic && project) && total ? [total.cell] : [])]));
  }
  if (spent) {
    const percent = total && total.value > 0 ? percentOf(spent.value, total.value) : null;
    const rate = percent !== null ? `，预算执行率为${percentText(percent)}` : "";
    sentences.push(sentence(`全年实际支出${money(spent)}${rate}`, [spent.cell, ...(rate && total ? [total.cell] : [])]));
  }
  return sentences;
}
