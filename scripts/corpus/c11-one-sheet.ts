/**
 * The 数据表 and the 评分表 on one sheet (PS, Hebei): a section "一、预算执行情况" whose figures sit as "label：value"
 * inside single cells, several to a row, then "二、工作整体完成情况" with an F1 table headed 指标内容 / 评价标准 / 自评得分
 * and a 总计 row. 预算执行率 is scored 执行率 × 分值.
 * Trap: 年初预算数 120.00 beside 预算数（调整后）126.00: against 年初 the rate would be 91.35% and 9.14 points. Clean.
 */
import { CorpusEntry } from "./types";
import { SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "示例县文物管理所2022年度部门整体支出绩效自评表", 7);
  lines(ws, "A2", [
    ["一、预算执行情况"],
    ["年初预算数：120.00", null, "预算数（调整后）：126.00", null, "执行数：109.62"],
    ["“三公”经费预算：3.00", null, "“三公”经费支出：2.85"],
    ["文物安全巡查：46次", null, "修缮完成项目数：3个", null, "文物安全事故：0起", null, "公众满意度：82%"],
    ["二、工作整体完成情况"],
  ]);
  place(ws, "A7", [
    ["一级指标", "二级指标", "三级指标", "指标内容", "评价标准", "分值", "自评得分"],
    ["预算管理", "预算执行", "预算执行率", "预算执行数/预算数（调整后）×100%", "得分=预算执行率×10分。", 10, 8.7],
    [U, U, "“三公”经费控制", "“三公”经费支出控制在预算以内", "“三公”经费支出不超过预算得5分，超出预算不得分。", 5, 5],
    [U, "目标管理", "绩效目标管理", "绩效目标完整、细化、量化", "全部符合得满分;总体绩效和分项目标不合格各扣2分;每个项目目标扣0.5分,扣完为止。", 15, 14.5],
    ["履职效能", "产出", "文物安全巡查次数", "全年开展文物安全巡查48次", "全年开展文物安全巡查48次得20分，每少一次扣1分，扣完为止。", 20, 18],
    [U, U, "文物修缮项目完成数", "计划修缮文物保护项目4个", "按 完成项目数/4×15 计分。", 15, 11.25],
    [U, "效益", "文物安全事故", "全年未发生文物安全事故", "未发生文物安全事故得15分，每发生一起扣5分，扣完为止。", 15, 15],
    [U, U, "公众满意度", "抽样调查公众满意度", SATISFACTION_BANDS, 10, 6],
    [U, "可持续", "文物保护长效机制", "建立文物保护长效机制", "机制健全、运行有效得10分，酌情扣分。", 10, 10],
    ["总计", L, L, L, L, 100, 88.45],
  ]);
  widths(ws, [20, 12, 20, 26, 46, 8, 18]);
  return wb;
}

export const c11: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "C", score: "G", max: "F" }],
  totals: { declared: "自评表!G16", max: "自评表!F16" },
  expectation: {
    file: "c11-d1-f1-one-sheet.xlsx",
    family: "D1+F1",
    unit: "示例县文物管理所",
    year: 2022,
    indicators: [
      { name: "预算执行率", max: 10, declared: 8.7, computed: 8.7 }, // 109.62/126.00 = 87.00% × 10 = 8.7
      { name: "“三公”经费控制", max: 5, declared: 5, computed: 5 }, // 2.85 ≤ 3.00 → 5
      { name: "绩效目标管理", max: 15, declared: 14.5, computed: null }, // C5 checklist; no data on the targets
      { name: "文物安全巡查次数", max: 20, declared: 18, computed: 18 }, // 48 − 46 = 2 × 1 → 18
      { name: "文物修缮项目完成数", max: 15, declared: 11.25, computed: 11.25 }, // 3/4 = 75.00% × 15 = 11.25
      { name: "文物安全事故", max: 15, declared: 15, computed: 15 }, // 0 起 → 15
      { name: "公众满意度", max: 10, declared: 6, computed: 6 }, // 82%: 80 ≤ 82 < 90 → 6
      { name: "文物保护长效机制", max: 10, declared: 10, computed: null }, // 酌情扣分
    ],
    mismatches: [],
  },
};
