/**
 * A two-level tree (一级/二级 only), level weights in the 一级 names and leaf weights in a 分值（分） column, headers
 * with units in brackets (自评得分(分)), a declared score written "5分". The workbook names no unit at all: the only
 * "单位：" line is 单位：万元, so the expected unit is null. D1 data on a second sheet.
 * 支出进度's own criterion here IS the 6/9/11 node rule, so 9月底 73% < 75% costs a third of the weight.
 * 预算执行率 sits exactly on 95%, which "95%（含）以上" includes.
 * One planted mistake: 支出进度 declared 10, the nodes give 6.67.
 */
import { CorpusEntry } from "./types";
import { executionBands, SATISFACTION_BANDS, staffControl } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, "2023年度部门整体支出绩效自评表", 6);
  lines(ws, "A2", [["单位：万元"]]);
  place(ws, "A3", [
    ["一级指标", "二级指标", "分值（分）", "评分标准", "自评得分(分)", "扣分原因"],
    ["投入（15分）", "预算编制科学性", 5, "预算编制依据充分、测算合理得5分，酌情扣分。", 4, "个别项目测算依据不足"],
    [U, "绩效目标设置", 5, "绩效目标明确、细化、量化得5分，每有一项不符合扣1分。", "5分", null],
    [U, "在职人员控制率", 5, staffControl(5, 0.5), 5, null],
    ["过程（35分）", "预算执行率", 10, executionBands("预算执行率", 10, 6), 10, null],
    [U, "结转结余率", 5, "结转结余率=年末结转结余/全年预算数×100%；结转结余率≤5%得5分，每超过1个百分点扣1分，扣完为止。", 5, null],
    [U, "支出进度", 10, "6月底支出进度≥50%、9月底支出进度≥75%、11月底支出进度≥90%，每有一个时间节点未达到扣分值的三分之一，扣完为止。", 10, null],
    [U, "政府采购规范性", 10, "采购程序合法合规、资料完整得10分，发现问题酌情扣分。", 10, null],
    ["产出（30分）", "科普活动场次", 15, "全年开展科普活动30场得15分，少一场扣1分，扣完为止。", 15, null],
    [U, "科技工作者培训人次", 15, "目标1000人次，得分=实际培训人次/1000×15，最高15分。", 13.8, "完成920人次"],
    ["效益（20分）", "公众科学素质提升", 10, "根据科普工作成效综合评定，酌情扣分。", 9, "成效有待提升"],
    [U, "服务对象满意度", 10, SATISFACTION_BANDS, 10, null],
    ["合计", L, 100, null, 96.8, null],
  ]);
  widths(ws, [14, 20, 10, 50, 12, 20]);

  const data = wb.addWorksheet("数据");
  title(data, 1, "部门整体支出绩效自评基础数据（2023年度）", 2);
  place(data, "A2", [
    ["项目", "数值"],
    ["编制数", 20],
    ["在职人数", 19],
    ["全年预算数", 180],
    ["实际支出数", 171],
    ["年末结转结余", 9],
    ["6月底支出进度", "52%"],
    ["9月底支出进度", "73%"],
    ["11月底支出进度", "92%"],
    ["科普活动场次", 31],
    ["科技工作者培训人次", 920],
    ["服务对象满意度", "95%"],
  ]);
  widths(data, [22, 12]);
  return wb;
}

export const c12: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "B", score: "E", max: "C" }],
  totals: { declared: "自评表!E15", max: "自评表!C15" },
  expectation: {
    file: "c12-two-level-tree-no-unit.xlsx",
    family: "D1+F1",
    unit: null,
    year: 2023,
    indicators: [
      { name: "预算编制科学性", max: 5, declared: 4, computed: null }, // 酌情扣分
      { name: "绩效目标设置", max: 5, declared: 5, computed: null }, // checklist; no data
      { name: "在职人员控制率", max: 5, declared: 5, computed: 5 }, // 19/20 = 95.00% ≤ 100 → 5
      { name: "预算执行率", max: 10, declared: 10, computed: 10 }, // 171/180 = 95.00%, in "95%（含）以上" → 10
      { name: "结转结余率", max: 5, declared: 5, computed: 5 }, // 9/180 = 5.00% ≤ 5 → 5
      { name: "支出进度", max: 10, declared: 10, computed: 6.667 }, // 52 ≥ 50, 73 < 75, 92 ≥ 90: 1 node × 10/3 → 10 − 3.333 = 6.667
      { name: "政府采购规范性", max: 10, declared: 10, computed: null }, // 酌情扣分
      { name: "科普活动场次", max: 15, declared: 15, computed: 15 }, // 31 ≥ 30 → 15
      { name: "科技工作者培训人次", max: 15, declared: 13.8, computed: 13.8 }, // 920/1000 = 92.00% × 15 = 13.8
      { name: "公众科学素质提升", max: 10, declared: 9, computed: null }, // 酌情扣分
      { name: "服务对象满意度", max: 10, declared: 10, computed: 10 }, // 95% ≥ 90 → full
    ],
    mismatches: ["自评表!E9"], // 支出进度: declared 10, computed 6.67
  },
};
