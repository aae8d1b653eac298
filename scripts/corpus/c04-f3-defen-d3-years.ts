/**
 * F3, 得分-labelled variant: the weight columns beside each level are all headed 得分, and the self score is the
 * rightmost 得分 column (after 评价标准/指标说明). Title with the year only; the unit field is coded
 * ("219001-示例县水利局": the unit is without the code). The data are a D3 table with year columns
 * 上年决算数 / 本年预算数 / 本年决算数, plus D1 lines, one with a (%) header holding a bare 85.
 * Traps: 公务接待费 rose 8% while 三公 fell; 项目支出执行率 is 96% while the whole budget ran at 98%.
 * One planted mistake: 水利工程安全巡查次数 declared 18 (1 point per missing patrol) where the rule takes 2.
 */
import { CorpusEntry } from "./types";
import { executionBands, RECEPTION_CHANGE, SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "2024年度部门整体支出绩效自评表", 10);
  lines(ws, "A2", [["填报单位：219001-示例县水利局", null, null, null, null, null, null, null, "单位：万元"]]);
  place(ws, "A3", [
    ["一级指标", "得分", "二级指标", "得分", "三级指标", "得分", "评价标准", "指标说明", "得分", "备注"],
    ["管理", 50, "运行成本", 25, "“三公”经费控制率", 10, "“三公”经费控制率≤100%，计10分；每超过一个百分点扣1分，扣完为止。", "“三公”经费控制率=本年“三公”经费决算数/本年“三公”经费预算数×100%", 10, null],
    [U, U, U, U, "公用经费控制率", 10, "公用经费控制率≤100%，计10分；每超过1个百分点扣2分，扣完为止。", "公用经费控制率=本年公用经费决算数/本年公用经费预算数×100%", 2, "公用经费超支4%"],
    [U, U, U, U, "公务接待费变动率", 5, RECEPTION_CHANGE, "公务接待费变动率=(本年公务接待费决算数-上年公务接待费决算数)/上年公务接待费决算数×100%", 1, "公务接待费较上年增长8%"],
    [U, U, "预算执行", 25, "预算执行率", 15, executionBands("预算执行率", 15, 9), "预算执行率=部门预算支出本年决算数/本年预算数×100%", 15, null],
    [U, U, U, U, "项目支出执行率", 10, "项目支出执行率≥98%得10分，每低于1个百分点扣1分，扣完为止。", "项目支出执行率=项目支出本年决算数/项目支出本年预算数×100%", 8, "项目支出执行率96%"],
    ["产出", 30, "数量", 20, "水利工程安全巡查次数", 20, "本指标满分20分，开展水利工程安全巡查达24次得20分，少检查一次扣2分，扣完为止。", "全年开展水利工程安全巡查次数", 18, "完成22次"],
    [U, U, "质量", 10, "工程验收合格率", 10, "工程验收合格率达到100%得10分，未达到不得分。", "竣工验收合格的工程数/竣工工程数×100%", 10, null],
    ["效益", 20, "社会效益", 10, "防汛保障能力", 10, "防汛保障有力、未发生因工作失误造成损失的得满分，酌情扣分。", "防汛抗旱保障能力", 10, null],
    [U, U, "满意度", 10, "群众满意度", 10, SATISFACTION_BANDS, "抽样调查群众满意度", 6, "满意度85%"],
    ["合计", 100, null, L, L, L, L, L, 80, null],
  ]);
  widths(ws, [8, 6, 10, 6, 20, 6, 46, 40, 8, 20]);

  const data = wb.addWorksheet("基础数据表");
  title(data, 1, "部门整体支出基础数据表", 4);
  lines(data, "A2", [["单位：万元"]]);
  place(data, "A3", [
    ["项目", "上年决算数", "本年预算数", "本年决算数"],
    ["部门预算支出总额", 498, 520, 509.6],
    ["“三公”经费", 9.7, 9.1, 8.1],
    ["  其中：公务接待费", 2.5, 2.6, 2.7],
    ["  公务用车购置及运行费", 7.2, 6.5, 5.4],
    ["  因公出国（境）费", 0, 0, 0],
    ["公用经费", 45, 48, 49.92],
    ["项目支出", 320, 350, 336],
  ]);
  place(data, "A12", [
    ["业务数据", "数值"],
    ["水利工程安全巡查次数", 22],
    ["工程验收合格率", "100%"],
    ["群众满意度(%)", 85],
  ]);
  widths(data, [24, 12, 12, 12]);
  return wb;
}

export const c04: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "E", score: "I", max: "F" }],
  totals: { declared: "自评表!I13", max: "自评表!B13" },
  expectation: {
    file: "c04-f3-defen-columns-d3-year-columns.xlsx",
    family: "D3+F3",
    unit: "示例县水利局",
    year: 2024,
    indicators: [
      { name: "“三公”经费控制率", max: 10, declared: 10, computed: 10 }, // 8.10/9.10 = 89.01% ≤ 100 → 10
      { name: "公用经费控制率", max: 10, declared: 2, computed: 2 }, // 49.92/48.00 = 104.00% → 4 × 2 = 8 → 10 − 8 = 2
      { name: "公务接待费变动率", max: 5, declared: 1, computed: 1 }, // (2.70 − 2.50)/2.50 = 8.00% → 8 × 0.5 = 4 → 5 − 4 = 1
      { name: "预算执行率", max: 15, declared: 15, computed: 15 }, // 509.60/520.00 = 98.00% ≥ 95 → 15
      { name: "项目支出执行率", max: 10, declared: 8, computed: 8 }, // 336/350 = 96.00%: 2 points under 98 × 1 → 8
      { name: "水利工程安全巡查次数", max: 20, declared: 18, computed: 16 }, // 24 − 22 = 2 short × 2 → 20 − 4 = 16
      { name: "工程验收合格率", max: 10, declared: 10, computed: 10 }, // 100% → 10
      { name: "防汛保障能力", max: 10, declared: 10, computed: null }, // 酌情扣分: not determined
      { name: "群众满意度", max: 10, declared: 6, computed: 6 }, // 85 under (%) = 85%: 80 ≤ 85 < 90 → 60% × 10 = 6
    ],
    mismatches: ["自评表!I9"], // 水利工程安全巡查次数: declared 18, computed 16
  },
};
