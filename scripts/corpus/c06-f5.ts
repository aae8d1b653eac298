/**
 * F5, the 财政部-format form (TC/CZ counties): generic title with （2023年度） on its own line, a 部门（单位）名称 row,
 * a budget block under a merged 项目资金（万元） label whose 年度资金总额 row is scored as 执行率×分值 (header tags (A),
 * (B), (B/A); sub-rows "—"), a goals block of prose, and an indicator table with the block label 绩效指标 merged down
 * the left, weights only in the 一级 names, a placeholder leaf "指标2：", a "指标1：" prefix, a line break inside a
 * 二级 name, a 总分 row that includes the budget row's 10, and form notes stating how quantified targets are scored.
 * The budget row is expected under the name of its label, 年度资金总额.
 * Trap: qualitative 达成预期指标 is placed by note 3 only in a range (100%–80%), so it is not computable. Clean.
 */
import { CorpusEntry } from "./types";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "部门整体支出绩效自评表", 9);
  title(ws, 2, "（2023年度）", 9, 12);
  place(ws, "A3", [["部门（单位）名称", "示例县气象服务中心", L, L, L, L, L, L, L]], { border: true, bold: 0 });
  place(ws, "A4", [
    ["项目资金\n（万元）", null, "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", L],
    [U, "年度资金总额", 410, 436.8, 419.33, 10, "96.00%", 9.6, L],
    [U, "其中：当年财政拨款", 390, 416.8, 399.33, "—", "—", "—", L],
    [U, "上年结转资金", 20, 20, 20, "—", "—", "—", L],
    [U, "其他资金", 0, 0, 0, "—", "—", "—", L],
    ["年度总体目标", "预期目标", L, L, L, "实际完成情况", L, L, L],
    [U, "完成全县气象灾害预警信息发布不少于120条，开展气象科普活动12场，天气预报准确率达到85%以上。", L, L, L, "全年发布预警信息126条，开展气象科普活动10场，天气预报准确率87.5%。", L, L, L],
  ]);
  place(ws, "A11", [
    ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    [U, "产出指标（50分）", "数量指标", "预警信息发布条数", "≥120条", "126条", 20, 20, null],
    [U, U, U, "指标1：气象科普活动场次", "≥12场", "10场", 10, 8.33, "受极端天气影响取消2场，下年度提前安排"],
    [U, U, "质量指标", "天气预报准确率", "≥85%", "87.5%", 10, 10, null],
    [U, U, "时效指标", "预警信息提前发布时间", "≥15分钟", "18分钟", 10, 10, null],
    [U, U, "成本指标", "指标2：", null, null, null, null, null],
    [U, "效益指标（30分）", "社会效益指标", "气象灾害预警覆盖率", "≥95%", "96.2%", 10, 10, null],
    [U, U, "经济效益指标", "农业气象服务成效", "明显", "达成预期指标", 10, 10, null],
    [U, U, "可持续影\n响指标", "气象观测站正常运行率", "≥98%", "97%", 10, 9.9, "1个观测站设备故障，已更换"],
    [U, "满意度指标（10分）", "服务对象满意度指标", "公众气象服务满意度", "≥90%", "92%", 10, 10, null],
    ["总分", L, L, L, L, L, 100, 97.83, null],
  ]);
  lines(ws, "A22", [
    [
      "注：1.一级指标分值统一设置为：产出指标50分、效益指标30分、服务对象满意度指标10分、预算资金执行率10分。" +
        "2.定量指标完成年度指标值的得满分；未完成的，按 实际完成值/年度指标值×该指标分值 计分。" +
        "3.定性指标根据指标完成情况分为达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档，" +
        "分别按照该指标对应分值区间100%-80%（含）、80%-60%（含）、60%-0%合理确定分值。",
      L, L, L, L, L, L, L, L,
    ],
  ]);
  ws.getRow(22).height = 60;
  widths(ws, [12, 18, 18, 24, 12, 14, 8, 8, 24]);
  return wb;
}

export const c06: CorpusEntry = {
  build,
  tables: [
    { sheet: "自评表", name: "B", score: "H", max: "F" },
    { sheet: "自评表", name: "D", score: "H", max: "G" },
  ],
  totals: { declared: "自评表!H21", max: "自评表!G21" },
  expectation: {
    file: "c06-f5-budget-goals-indicators.xlsx",
    family: "F5",
    unit: "示例县气象服务中心",
    year: 2023,
    indicators: [
      { name: "年度资金总额", max: 10, declared: 9.6, computed: 9.6 }, // budget row: 419.33/436.80 = 96.00% × 10 = 9.6
      { name: "预警信息发布条数", max: 20, declared: 20, computed: 20 }, // 126 ≥ 120 → full (note 2)
      { name: "气象科普活动场次", max: 10, declared: 8.33, computed: 8.333 }, // note 2: 10/12 = 83.33% × 10 = 8.333
      { name: "天气预报准确率", max: 10, declared: 10, computed: 10 }, // 87.5 ≥ 85 → full
      { name: "预警信息提前发布时间", max: 10, declared: 10, computed: 10 }, // 18 ≥ 15 分钟 → full
      { name: "气象灾害预警覆盖率", max: 10, declared: 10, computed: 10 }, // 96.2 ≥ 95 → full
      { name: "农业气象服务成效", max: 10, declared: 10, computed: null }, // note 3: 达成预期指标 → 80%–100%, a range
      { name: "气象观测站正常运行率", max: 10, declared: 9.9, computed: 9.898 }, // note 2: 97/98 = 98.98% × 10 = 9.898
      { name: "公众气象服务满意度", max: 10, declared: 10, computed: 10 }, // 92 ≥ 90 → full
    ],
    mismatches: [],
  },
};
