/**
 * D5 in its ND18 form (历年结余结转 column, ④=①+②+③, rows by 中央及省级 / 市级 / 县级 funds, amounts in 元 under a
 * 单位：万元 line, integer percents "94%") above an ND18 short F4 table (一级指标 | 三级指标 | 指标解释 | 绩效目标值 |
 * 实际完成值 | 指标分值 | 得分) whose 指标解释 carries the rule. Weights in 一级 names with half-width brackets.
 * Traps: the form is filed in 2021 (填报日期) for the year 2020 of the title; 支出实现率 is 93.77% from the amounts but
 * shown as 94%: the bands (90%（含）至95%) give 8 either way.
 * One planted mistake: 林业有害生物防治面积 declared 10 where 1.35/1.5 × 10 = 9.
 */
import { CorpusEntry } from "./types";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

const PROPORTIONAL = "按 实际完成值/绩效目标值×指标分值 计分。";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "2020年度部门整体支出绩效自评表", 9);
  lines(ws, "A2", [
    ["填报单位：示例县林业局", null, null, null, "填报日期：2021年3月5日", null, null, null, "单位：万元"],
    ["一、部门预算资金执行情况"],
  ]);
  place(ws, "A4", [
    ["资金来源", "年初部门预算安排金额①", "历年结余结转②", "年中调整金额③", "小计④=①+②+③", "年度拨付金额⑤", "支出实现率⑥=⑤/④", "本年度结余金额⑦=④-⑤", "资金结余率⑧=⑦/④"],
    ["中央及省级资金", 1200000, 0, 300000, 1500000, 1440000, "96%", 60000, "4%"],
    ["市级资金", 0, 0, 0, 0, 0, "0%", 0, "0%"],
    ["县级资金", 2537000, 213700, 0, 2750700, 2546000, "93%", 204700, "7%"],
    ["合计", 3737000, 213700, 300000, 4250700, 3986000, "94%", 264700, "6%"],
  ]);
  lines(ws, "A10", [["二、绩效指标完成情况"]]);
  place(ws, "A11", [
    ["一级指标", "三级指标", "指标解释", "绩效目标值", "实际完成值", "指标分值", "得分"],
    ["产出指标(60分)", "森林抚育面积", `全年完成森林抚育面积；${PROPORTIONAL}最高不超过指标分值。`, "2万亩", "2.1万亩", 20, 20],
    [U, "造林苗木成活率", "造林苗木成活率≥85%得满分，每低于1个百分点扣1分，扣完为止。", "≥85%", "87%", 15, 15],
    [U, "重大森林火灾发生次数", "未发生重大森林火灾得满分，每发生一起扣5分，扣完为止。", "0起", "0起", 15, 15],
    [U, "林业有害生物防治面积", PROPORTIONAL, "1.5万亩", "1.35万亩", 10, 10],
    ["效益指标(30分)", "森林覆盖率", `达到目标值得满分，未达到的${PROPORTIONAL}`, "62.5%", "62.8%", 15, 15],
    [U, "生态环境改善", "定性指标，根据生态环境改善情况综合评定。", "持续改善", "达成预期指标", 15, 15],
    ["预算执行(10分)", "支出实现率", "支出实现率=年度拨付金额/小计×100%；≥95%得10分，90%（含）至95%得8分，90%以下不得分。", "≥95%", "94%", 10, 8],
    ["合计", L, L, L, L, 100, 98],
  ]);
  widths(ws, [16, 20, 40, 14, 14, 12, 14, 14, 14]);
  return wb;
}

export const c14: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "B", score: "G", max: "F" }],
  totals: { declared: "自评表!G19", max: "自评表!F19" },
  expectation: {
    file: "c14-d5-f4-yuan-integer-percent.xlsx",
    family: "D5+F4",
    unit: "示例县林业局",
    year: 2020,
    indicators: [
      { name: "森林抚育面积", max: 20, declared: 20, computed: 20 }, // 2.1/2 = 105.00% → capped → 20
      { name: "造林苗木成活率", max: 15, declared: 15, computed: 15 }, // 87 ≥ 85 → 15
      { name: "重大森林火灾发生次数", max: 15, declared: 15, computed: 15 }, // 0 起 → 15
      { name: "林业有害生物防治面积", max: 10, declared: 10, computed: 9 }, // 1.35/1.5 = 90.00% × 10 = 9
      { name: "森林覆盖率", max: 15, declared: 15, computed: 15 }, // 62.8 ≥ 62.5 → 15
      { name: "生态环境改善", max: 15, declared: 15, computed: null }, // qualitative
      { name: "支出实现率", max: 10, declared: 8, computed: 8 }, // 3986000/4250700 = 93.77% (shown 94%): 90 ≤ x < 95 → 8
    ],
    mismatches: ["自评表!G15"], // 林业有害生物防治面积: declared 10, computed 9
  },
};
