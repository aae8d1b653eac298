/**
 * F3 (DS provincial form): a 分值 column beside each level name (三 times 分值), merged level weights equal to the sums
 * of their leaves, 评价标准 then 指标说明 holding the formulas, headers broken by line breaks (一级\n指标).
 * The data sheet has a D3 三公 table (预算数(万元)/实际数(万元)/上年实际数(万元), indented parts) and D1 lines.
 * Traps: 公务接待费 rose 5% while 三公 as a whole fell 7.5% (the criterion is about 公务接待费); the 三公 变动率 is
 * defined on actual spending, not against the budget (控制率 86.33%). 结转结余率 sits exactly on the 6% bound, which the
 * criterion includes (≤6%). One planted mistake: 培训合格率 declared 12, the band gives 9.
 */
import { CorpusEntry } from "./types";
import { RECEPTION_CHANGE, SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("评价指标表");
  title(ws, 1, "部门整体支出绩效评价指标表", 9);
  lines(ws, "A2", [["评价单位（公章）：示例县就业服务中心", null, null, null, null, null, "评价年度：2023年"]]);
  place(ws, "A3", [
    ["一级\n指标", "分值", "二级\n指标", "分值", "三级指标", "分值", "评价标准", "指标说明", "得分"],
    ["管理", 40, "预算执行", 20, "预算执行率", 10, "执行率≥95%得10分；每低于1个百分点扣1分，扣完为止。", "预算执行率=实际支出/全年预算数×100%", 9],
    [U, U, U, U, "结转结余率", 10, "结转结余率为0，得10分；0＜结转结余率≤3%，得6分；3%＜结转结余率≤6%，得2分；超过6%不得分。", "结转结余率=结转结余总额/全年预算数×100%", 2],
    [U, U, "运行成本", 15, "“三公经费”变动率", 10, "“三公经费”变动率≦0，计10分；“三公经费”>0，每超过一个百分点扣1分，扣完为止。", "“三公经费”变动率=[(本年度“三公经费”实际支出总额-上年度“三公经费”实际支出总额)/上年度“三公经费”实际支出总额]×100%", 10],
    [U, U, U, U, "公务接待费变动率", 5, RECEPTION_CHANGE, "公务接待费变动率=(本年度公务接待费实际支出-上年度公务接待费实际支出)/上年度公务接待费实际支出×100%", 2.5],
    [U, U, "信息公开", 5, "预决算公开", 5, "①部门预算按时公开2分；②部门决算按时公开2分；③绩效自评结果按时公开1分。", "在规定时限内公开部门预算、决算和绩效信息", 5],
    ["产出", 40, "数量", 25, "职业技能培训人次", 15, "全年培训1500人次得15分，每少100人次扣1分，扣完为止。", "全年开展职业技能培训人次", 13],
    [U, U, U, U, "就业岗位信息发布", 10, "按时完成年度就业岗位信息发布得10分，未完成不得分。", "全年按时发布就业岗位信息", 10],
    [U, U, "质量", 15, "培训合格率", 15, "培训合格率达到95%（含）以上得15分；85%（含）至95%得9分；85%以下不得分。", "培训合格率=考核合格人数/参训人数×100%", 12],
    ["效益", 20, "社会效益", 10, "就业困难人员帮扶成效", 10, "帮扶成效明显得10分，较明显得6分，不明显不得分。", "就业困难人员帮扶的实际效果", 6],
    [U, U, "满意度", 10, "服务对象满意度", 10, SATISFACTION_BANDS, "抽样调查服务对象满意度", 10],
    ["合计", 100, null, L, L, L, L, L, 79.5],
  ]);
  widths(ws, [8, 6, 10, 6, 18, 6, 46, 40, 8]);

  const data = wb.addWorksheet("基础数据");
  title(data, 1, "基础数据", 4);
  place(data, "A3", [
    ["项目", "数值"],
    ["全年预算数", 300],
    ["实际支出", 282],
    ["结转结余总额", 18],
  ]);
  place(data, "A8", [
    ["项目", "预算数(万元)", "实际数(万元)", "上年实际数(万元)"],
    ["“三公”经费合计", 12, 10.36, 11.2],
    ["  因公出国（境）费", 0, 0, 0],
    ["  公务用车购置及运行费", 8, 7, 8],
    ["  公务接待费", 4, 3.36, 3.2],
  ]);
  place(data, "A14", [
    ["业务指标", "数值"],
    ["职业技能培训人次", 1300],
    ["就业岗位信息按时发布", "是"],
    ["培训合格率", "91%"],
    ["服务对象满意度", "90%"],
  ]);
  widths(data, [24, 12, 12, 12]);
  return wb;
}

export const c03: CorpusEntry = {
  build,
  tables: [{ sheet: "评价指标表", name: "E", score: "I", max: "F" }],
  totals: { declared: "评价指标表!I14", max: "评价指标表!B14" },
  expectation: {
    file: "c03-f3-d3-level-weight-columns.xlsx",
    family: "D3+F3",
    unit: "示例县就业服务中心",
    year: 2023,
    indicators: [
      { name: "预算执行率", max: 10, declared: 9, computed: 9 }, // 282/300 = 94.00%: 1 point under 95 × 1 → 9
      { name: "结转结余率", max: 10, declared: 2, computed: 2 }, // 18/300 = 6.00%: 3 < 6 ≤ 6 → 2
      { name: "“三公经费”变动率", max: 10, declared: 10, computed: 10 }, // (10.36 − 11.20)/11.20 = −7.50% ≤ 0 → 10
      { name: "公务接待费变动率", max: 5, declared: 2.5, computed: 2.5 }, // (3.36 − 3.20)/3.20 = 5.00% → 5 × 0.5 = 2.5 → 5 − 2.5 = 2.5
      { name: "预决算公开", max: 5, declared: 5, computed: null }, // checklist; no data on publication
      { name: "职业技能培训人次", max: 15, declared: 13, computed: 13 }, // 1500 − 1300 = 200 short = 2 × 100 → 15 − 2 = 13
      { name: "就业岗位信息发布", max: 10, declared: 10, computed: 10 }, // 按时发布：是 → 10
      { name: "培训合格率", max: 15, declared: 12, computed: 9 }, // 91%: 85 ≤ 91 < 95 → 9
      { name: "就业困难人员帮扶成效", max: 10, declared: 6, computed: null }, // qualitative
      { name: "服务对象满意度", max: 10, declared: 10, computed: 10 }, // 90% ≧ 90 → full
    ],
    mismatches: ["评价指标表!I11"], // 培训合格率: declared 12, computed 9
  },
};
