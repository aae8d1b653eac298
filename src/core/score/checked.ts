import { fmt } from "../decimal";
import { Grade, ScoreResult } from "../model";

/** "已核实 7/16 项（35/100 分）": how much of the 核算 score the workbook's data confirms; the rest is the officer's. */
export function checkedText(total: ScoreResult["total"]): string {
  const { checked } = total;
  if (checked.indicators === 0) return `未核实任何指标（0/${checked.of} 项），核算分全部按自评分计`;
  return `已核实 ${checked.indicators}/${checked.of} 项（${fmt(checked.points)}/${fmt(total.max)} 分）`;
}

/** "核算 90 分（优），已核实 7/16 项（35/100 分）", never a bare computed score that reads as verified. */
export function computedTotalText(total: ScoreResult["total"], grade: Grade): string {
  return `核算 ${fmt(total.computed)} 分（${grade}），${checkedText(total)}`;
}
