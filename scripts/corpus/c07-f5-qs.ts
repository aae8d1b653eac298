/**
 * F5, Sichuan (QS) variant: the year in half-width brackets at the end of the title; a block label with the weight
 * inside it, 预算执行情况(10分), over rows 总额 / 其中：财政资金 / 财政专户管理资金 / 单位资金 / 其他资金 with 年初预算 /
 * 调整后预算数 / 预算执行数 / 预算执行率 / 权重 / 得分 / 原因, "/" in the sub-rows and 0.00% on all-zero rows; then
 * 绩效指标(90分) with 指标性质 (≥ ≤ =), 指标值 as the target, 度量单位, 完成值, 权重, 得分, and a 合计 of 100 that
 * includes the budget block's 10. No criterion column and no notes: a met target is worth its full 权重, but a missed
 * one is not determined (the 10号 proportional rule is UNVERIFIED). The budget row is expected as 总额, its label.
 * One planted mistake: 总额 declared 9 where 87.00% × 10 = 8.7.
 */
import { CorpusEntry } from "./types";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "部门整体支出绩效自评表(2023年度)", 11);
  lines(ws, "A2", [["单位名称：示例县公共资源交易中心", null, null, null, null, null, null, null, null, "单位：万元"]]);
  place(ws, "A3", [
    ["预算执行情况(10分)", "资金来源", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因", L, L],
    [U, "总额", 238, 260, 226.2, "87.00%", 10, 9, "部分信息化项目延至次年实施", L, L],
    [U, "其中：财政资金", 238, 255, 221.2, "86.75%", "/", "/", "/", L, L],
    [U, "财政专户管理资金", 0, 0, 0, "0.00%", "/", "/", "/", L, L],
    [U, "单位资金", 0, 5, 5, "100.00%", "/", "/", "/", L, L],
    [U, "其他资金", 0, 0, 0, "0.00%", "/", "/", "/", L, L],
  ]);
  place(ws, "A9", [
    ["绩效指标(90分)", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
    [U, "产出指标", "数量指标", "进场交易项目数", "≥", 300, "个", 326, 20, 20, null],
    [U, U, U, "电子化交易率", "=", 100, "%", 100, 10, 10, null],
    [U, U, "质量指标", "交易投诉办结率", "≥", 98, "%", 96, 10, 9.8, "2件投诉涉及司法程序尚未办结"],
    [U, U, "时效指标", "平均办理时限", "≤", 3, "天", 2.5, 10, 10, null],
    [U, U, "成本指标", "平台运维成本", "≤", 45, "万元", 43.6, 10, 10, null],
    [U, "效益指标", "经济效益指标", "节约财政资金", "≥", 500, "万元", 512, 10, 10, null],
    [U, U, "社会效益指标", "交易信息公开率", "=", 100, "%", 100, 10, 10, null],
    [U, "满意度指标", "服务对象满意度指标", "市场主体满意度", "≥", 90, "%", 93, 10, 10, null],
    ["合计", L, L, L, L, L, L, L, 100, 98.8, null],
    ["评价结论", "总体完成年度绩效目标，交易服务效率和质量稳步提升。", L, L, L, L, L, L, L, L, L],
    ["存在问题", "个别信息化项目预算执行偏慢。", L, L, L, L, L, L, L, L, L],
    ["改进措施", "加强项目前期论证，按月跟踪执行进度。", L, L, L, L, L, L, L, L, L],
  ]);
  widths(ws, [14, 16, 16, 18, 10, 12, 10, 10, 8, 8, 26]);
  return wb;
}

export const c07: CorpusEntry = {
  build,
  tables: [
    { sheet: "自评表", name: "B", score: "H", max: "G" },
    { sheet: "自评表", name: "D", score: "J", max: "I" },
  ],
  totals: { declared: "自评表!J18", max: "自评表!I18" },
  expectation: {
    file: "c07-f5-qs-weighted-blocks.xlsx",
    family: "F5",
    unit: "示例县公共资源交易中心",
    year: 2023,
    indicators: [
      { name: "总额", max: 10, declared: 9, computed: 8.7 }, // budget row: 226.20/260.00 = 87.00% × 10 = 8.7
      { name: "进场交易项目数", max: 20, declared: 20, computed: 20 }, // ≥300, 326: met → full
      { name: "电子化交易率", max: 10, declared: 10, computed: 10 }, // =100, 100: met → full
      { name: "交易投诉办结率", max: 10, declared: 9.8, computed: null }, // ≥98, 96: missed, and the form states no rule
      { name: "平均办理时限", max: 10, declared: 10, computed: 10 }, // ≤3 天, 2.5: met → full
      { name: "平台运维成本", max: 10, declared: 10, computed: 10 }, // ≤45 万元, 43.6: met → full
      { name: "节约财政资金", max: 10, declared: 10, computed: 10 }, // ≥500 万元, 512: met → full
      { name: "交易信息公开率", max: 10, declared: 10, computed: 10 }, // =100, 100: met → full
      { name: "市场主体满意度", max: 10, declared: 10, computed: 10 }, // ≥90, 93: met → full
    ],
    mismatches: ["自评表!H4"], // 总额: declared 9, computed 8.7
  },
};
