/**
 * F1 with the header repeated once per 一级 block (JSP), the repeats spelled differently (评分规则, 理由), "附件1" above
 * the title, and the total as a label → value pair "总分 | 100 | 得分 | 85.29" instead of a total row.
 * Trap: 支出进度's criterion is "11月底 ≥ 90%" only; 11月底 is 88% (2 points under: 8), while 6月底 45% and 9月底 72%
 * would also fail a 6/9/11 node rule (which would leave 0). Clean.
 */
import { CorpusEntry } from "./types";
import { executionBands, SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, widths } from "./sheet";

const REPEATED_HEADER = ["一级指标", "二级指标", "三级指标", "评分规则", "分值", "得分", "理由"];

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("评分表");
  lines(ws, "A1", [["附件1"]]);
  title(ws, 2, "示例县交通运输局部门整体支出绩效自评表", 7);
  lines(ws, "A3", [["评价年度：2024年度", null, null, null, null, "单位：万元"]]);
  place(ws, "A4", [
    ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "得分", "扣分原因"],
    ["管理绩效", "资金管理", "预算执行率", executionBands("预算执行率", 10, 6), 10, 6, "执行率93%"],
    [U, U, "支出进度", "11月底支出进度≥90%，计10分；每低于一个百分点扣1分，扣完为止。", 10, 8, "11月底支出进度88%"],
    [U, U, "是否发生违规违纪问题", "未发生违规违纪问题得10分，发生违规违纪问题不得分。", 10, 10, null],
    [U, "制度建设", "内控制度建设", "内控制度健全、执行有效得10分，酌情扣分。", 10, 8, "内控制度未及时修订"],
  ]);
  place(ws, "A9", [
    REPEATED_HEADER,
    ["产出绩效", "数量", "农村公路养护里程", "完成值/目标值×分值，目标值850公里。", 20, 19.29, "完成820公里"],
    [U, "质量", "路面技术状况达标率", "达标率达到95%（含）以上得10分；90%（含）至95%得6分；90%以下不得分。", 10, 6, "达标率94.6%"],
    [U, "时效", "安全隐患按期整改", "每有一处安全隐患未按期整改扣2分，扣完为止。", 10, 8, "1处隐患逾期整改"],
  ]);
  place(ws, "A13", [
    REPEATED_HEADER,
    ["效益绩效", "社会效益", "道路通行安全保障", "保障有力得10分，酌情扣分。", 10, 10, null],
    [U, "满意度", "群众满意度", SATISFACTION_BANDS, 10, 10, null],
  ]);
  place(ws, "A16", [["总分", 100, "得分", 85.29]], { border: true, bold: 1 });
  widths(ws, [12, 12, 22, 50, 8, 8, 20]);

  const data = wb.addWorksheet("基础数据");
  title(data, 1, "基础数据", 2);
  place(data, "A2", [
    ["项目", "数值"],
    ["全年预算数", 1250],
    ["全年实际支出数", 1162.5],
    ["6月底支出进度", "45%"],
    ["9月底支出进度", "72%"],
    ["11月底支出进度", "88%"],
    ["是否发生违规违纪问题", "否"],
    ["农村公路养护里程（公里）", 820],
    ["路面技术状况达标率", "94.6%"],
    ["未按期整改安全隐患（处）", 1],
    ["群众满意度", "91%"],
  ]);
  widths(data, [26, 12]);
  return wb;
}

export const c13: CorpusEntry = {
  build,
  tables: [{ sheet: "评分表", name: "C", score: "F", max: "E" }],
  totals: { declared: "评分表!D16", max: "评分表!B16" },
  expectation: {
    file: "c13-f1-repeated-header-total-pair.xlsx",
    family: "D1+F1",
    unit: "示例县交通运输局",
    year: 2024,
    indicators: [
      { name: "预算执行率", max: 10, declared: 6, computed: 6 }, // 1162.50/1250.00 = 93.00%: 85 ≤ 93 < 95 → 6
      { name: "支出进度", max: 10, declared: 8, computed: 8 }, // 11月底 88%: 2 points under 90 × 1 → 8
      { name: "是否发生违规违纪问题", max: 10, declared: 10, computed: 10 }, // 否 → 10
      { name: "内控制度建设", max: 10, declared: 8, computed: null }, // 酌情扣分
      { name: "农村公路养护里程", max: 20, declared: 19.29, computed: 19.294 }, // 820/850 = 96.47% × 20 = 19.294
      { name: "路面技术状况达标率", max: 10, declared: 6, computed: 6 }, // 94.6%: 90 ≤ 94.6 < 95 → 6
      { name: "安全隐患按期整改", max: 10, declared: 8, computed: 8 }, // 1 处 × 2 → 8
      { name: "道路通行安全保障", max: 10, declared: 10, computed: null }, // 酌情扣分
      { name: "群众满意度", max: 10, declared: 10, computed: 10 }, // 91% ≥ 90 → full
    ],
    mismatches: [],
  },
};
