/** The web page's own words: progress, a file's one-line result, what a scored copy could not keep. */
import { fmt } from "../core/decimal";
import type { ScoreResult } from "../core/model";

/** The last segment of a path as the officer chose it ("2024/甲.xlsx" → "甲.xlsx"): what messages name. */
export const baseName = (file: string) => file.slice(file.lastIndexOf("/") + 1);


/** "正在评分 3 / 20：甲单位.xlsx", or what was done once nothing is left. */
export function progressText(done: number, total: number, current: string | null, failed: number): string {
  if (current !== null) return `正在评分 ${done + 1} / ${total}：${current}`;
  return failed === 0 ? `已评分 ${total} 个文件` : `已评分 ${total - failed} 个文件，${failed} 个无法评分`;
}

/** "自评 91 分（优） · 核算 90 分（优）": the line under a file's name in the list. */
export function totalsLine(result: ScoreResult): string {
  return `自评 ${fmt(result.total.declared)} 分（${result.declaredGrade}） · 核算 ${fmt(result.total.computed)} 分（${result.grade}）`;
}

/** Said as `ziping score` says it on stderr: never silently lost, and the officer's file keeps all of it. */
export function copyLacksText(copyLacks: readonly string[]): string | null {
  return copyLacks.length === 0 ? null : `评分副本未能保留原文件中的${copyLacks.join("、")}；原文件未改动，其中这些内容完好`;
}
