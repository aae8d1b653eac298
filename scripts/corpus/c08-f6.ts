/**
 * F6, a flat list: no level columns, 指标性质 (≥ ≤ = 定性), 计量单位, 目标值/完成值, 得分系数(%), 指标权重(分),
 * 指标得分(分) = 权重 × 系数 / 100, 是否核心指标. Unit and year in one title with a space and the year in brackets.
 * What is computable: ≥-type (实际/目标, capped at 1), met ≤- and =-type targets (full). Not computable: a missed
 * ≤-type target (目标/实际 is the DZ reconstruction, UNVERIFIED) and the qualitative row.
 * One planted mistake: 服务对象满意度 has the right coefficient 97.78 but 指标得分 9.87 instead of 9.78.
 */
import { CorpusEntry } from "./types";
import { newWorkbook, place, title, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("绩效自评表");
  title(ws, 1, "示例市食品检验所 部门整体绩效自评表（2023年度）", 10);
  place(ws, "A2", [
    ["序号", "指标名称", "指标性质", "计量单位", "目标值", "完成值", "得分系数(%)", "指标权重(分)", "指标得分(分)", "是否核心指标"],
    [1, "检验报告出具数", "≥", "份", 2000, 2100, 100, 20, 20, "是"],
    [2, "抽检任务完成率", "≥", "%", 100, 96, 96, 15, 14.4, "是"],
    [3, "检验报告差错率", "≤", "%", 1, 0.6, 100, 10, 10, "否"],
    [4, "平均检验周期", "≤", "天", 7, 8, 87.5, 10, 8.75, "否"],
    [5, "能力验证通过率", "=", "%", 100, 100, 100, 10, 10, "是"],
    [6, "内部控制制度健全性", "定性", "—", "健全", "健全", 100, 5, 5, "否"],
    [7, "食品安全抽检覆盖率", "≥", "%", "95%", "97%", 100, 10, 10, "否"],
    [8, "投诉举报办结率", "≥", "%", 100, 100, 100, 10, 10, "否"],
    [9, "服务对象满意度", "≥", "%", 90, 88, 97.78, 10, 9.87, "是"],
    ["合计", L, L, L, L, L, L, 100, 98.02, null],
  ]);
  widths(ws, [6, 20, 10, 10, 10, 10, 12, 12, 12, 12]);
  return wb;
}

export const c08: CorpusEntry = {
  build,
  tables: [{ sheet: "绩效自评表", name: "B", score: "I", max: "H" }],
  totals: { declared: "绩效自评表!I12", max: "绩效自评表!H12" },
  expectation: {
    file: "c08-f6-flat-list.xlsx",
    family: "F6",
    unit: "示例市食品检验所",
    year: 2023,
    indicators: [
      { name: "检验报告出具数", max: 20, declared: 20, computed: 20 }, // ≥: 2100/2000 → capped at 100% → 20
      { name: "抽检任务完成率", max: 15, declared: 14.4, computed: 14.4 }, // ≥: 96/100 = 96.00% × 15 = 14.4
      { name: "检验报告差错率", max: 10, declared: 10, computed: 10 }, // ≤: 0.6 ≤ 1, met → 10
      { name: "平均检验周期", max: 10, declared: 8.75, computed: null }, // ≤ missed (8 > 7): 7/8 is UNVERIFIED
      { name: "能力验证通过率", max: 10, declared: 10, computed: 10 }, // =: 100 = 100, met → 10
      { name: "内部控制制度健全性", max: 5, declared: 5, computed: null }, // 定性
      { name: "食品安全抽检覆盖率", max: 10, declared: 10, computed: 10 }, // ≥: 97% ≥ 95% → 10
      { name: "投诉举报办结率", max: 10, declared: 10, computed: 10 }, // ≥: 100 of 100 → 10
      { name: "服务对象满意度", max: 10, declared: 9.87, computed: 9.778 }, // ≥: 88/90 = 97.78% × 10 = 9.778
    ],
    mismatches: ["绩效自评表!I11"], // 服务对象满意度: declared 9.87, computed 9.78
  },
};
