/**
 * F2, weights only inside the names (no 分值 column): letter-spaced 一级 names (产 出（40分）), a 二级 weight without 分
 * (数量指标（20）), full- and half-width brackets. Generic title with the year on its own line, 填报单位（公章）.
 * The data are a D2 sheet: header rows with one record below each, under merged block labels.
 * Trap: the D2 budget record holds 年初预算数 480 beside 预算数 500; 预算完成率 is 预算完成数/预算数 as the criterion
 * says (against 年初 it would be 101.04% and full points). 读者服务满意度 arrives as 0.935. No planted mistake.
 */
import { CorpusEntry } from "./types";
import { SATISFACTION_BANDS, staffControl } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "部门整体支出绩效自评表", 6);
  title(ws, 2, "（2022年度）", 6, 12);
  lines(ws, "A3", [["填报单位（公章）：示例市图书馆"]]);
  place(ws, "A4", [
    ["一级指标", "二级指标", "三级指标", "评分标准", "得分", "备注"],
    ["产 出（40分）", "数量指标（20）", "培训场次(10分)", "全年举办读者培训20场，每少1场扣1分，扣完为止。", 8, "少办2场"],
    [U, U, "展览场次（10分）", "全年举办展览8场得满分，每少1场扣1.25分，扣完为止。", 10, null],
    [U, "质量指标(20分)", "活动安全事故（20分）", "全年无安全事故得满分，每发生一起扣10分，扣完为止。", 20, null],
    ["效 益（40分）", "社会效益（25分）", "图书外借册次（15分）", "全年图书外借12万册次得满分，未达到的按 实际外借册次/12万册次×15分 计分。", 14.25, "外借11.4万册次"],
    [U, U, "读者服务满意度（10分）", SATISFACTION_BANDS, 10, null],
    [U, "可持续影响（15分）", "数字资源建设（15分）", "数字资源更新及时、使用效果良好得满分，视情况酌情扣分。", 12, "数字资源更新滞后"],
    ["管 理（20分）", "预算管理（10分）", "预算完成率（10分）", "预算完成率=预算完成数/预算数×100%。预算完成率≥98%得满分，每降低1个百分点扣1分，扣完为止。", 9, "预算完成率97%"],
    [U, "人员管理（10分）", "在职人员控制率（10分）", staffControl(10, 1), 10, null],
    ["总分", L, L, L, 93.25, null],
  ]);
  widths(ws, [16, 18, 24, 50, 10, 18]);

  const data = wb.addWorksheet("基本情况");
  title(data, 1, "基本情况表", 6);
  lines(data, "A2", [["单位：万元"]]);
  place(
    data,
    "A3",
    [
      ["预算情况", "年初预算数", "预算数", "预算完成数"],
      [U, 480, 500, 485],
      ["人员情况", "编制数", "年末在职人数", "在职人员控制率"],
      [U, 25, 23, "92.00%"],
      ["业务情况", "读者培训场次", "展览场次", "安全事故起数", "图书外借册次（万册次）", "读者服务满意度"],
      [U, 18, 8, 0, 11.4, 0.935],
    ],
    { border: true, bold: 0 },
  );
  widths(data, [12, 14, 14, 16, 22, 16]);
  return wb;
}

export const c02: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "C", score: "E", max: "name" }],
  totals: { declared: "自评表!E13" },
  expectation: {
    file: "c02-f2-d2-weights-in-names.xlsx",
    family: "D2+F2",
    unit: "示例市图书馆",
    year: 2022,
    indicators: [
      { name: "培训场次", max: 10, declared: 8, computed: 8 }, // 20 − 18 = 2 short × 1 → 8
      { name: "展览场次", max: 10, declared: 10, computed: 10 }, // 8 of 8 → full
      { name: "活动安全事故", max: 20, declared: 20, computed: 20 }, // 安全事故起数 0 → full
      { name: "图书外借册次", max: 15, declared: 14.25, computed: 14.25 }, // 11.4/12 = 95.00% × 15 = 14.25
      { name: "读者服务满意度", max: 10, declared: 10, computed: 10 }, // 0.935 = 93.50% ≥ 90 → full
      { name: "数字资源建设", max: 15, declared: 12, computed: null }, // 酌情扣分: not determined
      { name: "预算完成率", max: 10, declared: 9, computed: 9 }, // 485/500 = 97.00%: 1 point under 98 × 1 → 9
      { name: "在职人员控制率", max: 10, declared: 10, computed: 10 }, // 23/25 = 92.00% ≤ 100 → 10
    ],
    mismatches: [],
  },
};
