/**
 * D1 data (label → value rows) paired with an F1 table whose criteria need them. D1 variants: the unit and year as
 * "label： | value" pairs to the right of the data, 全年实际支出数, 其中：政策性调剂次数, a value after an empty gap cell,
 * "label：value" inside one cell, percent as "91%" and as 0.91. F1: no 指标解释, 评分标准 before 分值, no total row.
 * Traps: 支出进度's criterion is only "11月底 ≥ 90%", and 11月底 is 91%, while 6月底 40% and 9月底 70% would fail a
 * 6/9/11 node rule; 年初预算数 640 is not the denominator of 预算执行率.
 * One planted mistake: 采购意向公开 declared 5 although 1 of 4 projects was published late.
 */
import { CorpusEntry } from "./types";
import { SATISFACTION_BANDS } from "./criteria";
import { newWorkbook, place, title, U, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const data = wb.addWorksheet("数据表");
  title(data, 1, "部门整体支出绩效自评基础数据表", 5);
  place(
    data,
    "A2",
    [
      ["年初预算数", 640, null, "单位名称：", "示例县农业技术推广中心"],
      ["年中追加预算", 48, null, "评价年度：", 2023],
      ["全年预算数", 688],
      ["全年实际支出数", 672.52],
      ["年中追加调剂次数", 3],
      ["其中：政策性调剂次数", 2],
      ["6月底支出进度", "40%"],
      ["9月底支出进度", "70%"],
      ["11月底支出进度", "91%"],
      ["政府采购预算数：236.00"],
      ["实际采购金额：229.10"],
      ["需公开采购意向的项目数", null, 4],
      ["按时公开采购意向项目数", null, 3],
      ["农技培训人次", 2850],
      ["新品种新技术推广面积（万亩）", 5.2],
      ["农户满意度", 0.91],
    ],
    { border: true, bold: 0 },
  );
  widths(data, [28, 12, 8, 12, 26]);

  const ws = wb.addWorksheet("评分表");
  title(ws, 1, "部门整体支出绩效自评评分表", 7);
  place(ws, "A2", [
    ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分", "扣分原因"],
    ["管理效率", "预算执行", "预算执行率", "预算执行率=全年实际支出数/全年预算数×100%，≥95%得10分，每低于1个百分点扣1分，扣完为止。", 10, 10, null],
    [U, U, "支出进度", "11月底支出进度≥90%，计5分；每低于一个百分点扣0.5分", 5, 5, null],
    [U, "预算编制", "预算调整", "年中每发生一次非政策性追加调剂扣1分，扣完为止（因政策性因素调剂的不扣分）。", 5, 4, "非政策性调剂1次"],
    [U, "采购管理", "采购意向公开", "采购意向应按时公开，每有一个项目未按时公开扣1分，扣完为止。", 5, 5, null],
    [U, U, "政府采购执行率", "政府采购执行率=实际采购金额/政府采购预算数×100%，≥95%得5分，每低于1个百分点扣1分，扣完为止。", 5, 5, null],
    [U, "财务管理", "财务管理合规性", "财务管理制度健全、执行有效得满分；发现一处违规扣2分，扣完为止。", 10, 10, null],
    ["履职效能", "产出", "农技培训人次", "全年培训农民3000人次，得分=实际培训人次/3000×20，最高20分。", 20, 19, "完成2850人次"],
    [U, U, "新品种新技术推广面积", "推广面积≥5万亩得15分；4万亩（含）至5万亩得10分；4万亩以下得5分。", 15, 15, null],
    [U, "效益", "农户满意度", SATISFACTION_BANDS, 15, 15, null],
    [U, U, "带动农民增收", "带动效果明显得10分，较明显得6分，不明显不得分。", 10, 6, "带动效果较明显"],
  ]);
  widths(ws, [12, 12, 20, 50, 8, 10, 18]);
  return wb;
}

export const c09: CorpusEntry = {
  build,
  tables: [{ sheet: "评分表", name: "C", score: "F", max: "E" }],
  expectation: {
    file: "c09-d1-f1-label-value-rows.xlsx",
    family: "D1+F1",
    unit: "示例县农业技术推广中心",
    year: 2023,
    indicators: [
      { name: "预算执行率", max: 10, declared: 10, computed: 10 }, // 672.52/688.00 = 97.75% ≥ 95 → 10
      { name: "支出进度", max: 5, declared: 5, computed: 5 }, // 11月底 91% ≥ 90 → 5 (6月底/9月底 are not in the criterion)
      { name: "预算调整", max: 5, declared: 4, computed: 4 }, // 3 调剂 − 2 政策性 = 1 × 1 → 4
      { name: "采购意向公开", max: 5, declared: 5, computed: 4 }, // 4 − 3 按时 = 1 late × 1 → 4
      { name: "政府采购执行率", max: 5, declared: 5, computed: 5 }, // 229.10/236.00 = 97.08% ≥ 95 → 5
      { name: "财务管理合规性", max: 10, declared: 10, computed: null }, // no data on violations
      { name: "农技培训人次", max: 20, declared: 19, computed: 19 }, // 2850/3000 = 95.00% × 20 = 19
      { name: "新品种新技术推广面积", max: 15, declared: 15, computed: 15 }, // 5.2 ≥ 5 万亩 → 15
      { name: "农户满意度", max: 15, declared: 15, computed: 15 }, // 0.91 = 91% ≥ 90 → full
      { name: "带动农民增收", max: 10, declared: 6, computed: null }, // qualitative
    ],
    mismatches: ["评分表!F6"], // 采购意向公开: declared 5, computed 4
  },
};
