/**
 * F1, the classic 评分表: a 分值 column beside the leaf, 序号 first, 指标解释 before 评分标准, merged 一级/二级 cells,
 * unit and year in the title, a "合 计" row. The data sit on a second sheet as a plain 项目/数值 list.
 * Trap: the data also hold 上年结转资金 (money carried IN); 结转结余率 is about money carried OUT (年末结转结余).
 * One planted mistake: 公用经费控制率 declared 3 where the sheet's rule gives 2.
 */
import { CorpusEntry } from "./types";
import { executionBands, SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

const UNIT = "示例县文化馆";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("自评表");
  title(ws, 1, `${UNIT}2023年度部门整体支出绩效自评表`, 9);
  lines(ws, "A2", [[`填报单位：${UNIT}`, null, null, null, "评价年度：2023年度", null, null, "单位：万元"]]);
  place(ws, "A3", [
    ["序号", "一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "自评得分", "扣分原因"],
    [1, "管理效率", "预算执行", "预算执行率", "预算执行率=实际支出数/全年预算数×100%", executionBands("预算执行率", 10, 6), 10, 10, null],
    [2, U, U, "结转结余率", "结转结余率=年末结转结余/全年预算数×100%", "结转结余率为0，得5分；0＜结转结余率≤3%，得4分；3%＜结转结余率≤6%，得2分；超过6%不得分。", 5, 4, "结转结余率2.21%"],
    [3, U, U, "公用经费控制率", "公用经费控制率=实际支出公用经费总额/预算安排公用经费总额×100%", "公用经费控制率≤100%，计5分；每超过一个百分点扣1分，扣完为止。", 5, 3, "公用经费超出预算"],
    [4, U, "信息公开", "预决算公开", "部门预算、决算及绩效信息按规定公开", "①部门预算按时公开2分；②部门决算按时公开2分；③绩效自评结果公开1分。", 5, 3, "决算公开超期"],
    [5, U, "资产管理", "资产管理规范性", "资产管理制度健全，账实相符", "①建立资产管理制度，1分；②年度清查盘点、账实相符，2分；③报废资产及时处置，2分，每少一项扣相应分值。", 5, 5, null],
    [6, "履职效能", "产出", "送戏下乡场次", "全年送戏下乡演出场次", "本指标满分20分，全年送戏下乡达12场得20分，少一场扣2分，扣完为止。", 20, 18, "完成11场/目标12场"],
    [7, U, U, "免费开放天数", "场馆全年免费开放天数", "全年免费开放不少于300天得10分，每少10天扣1分，扣完为止。", 10, 10, null],
    [8, U, "效益", "群众满意度", "抽样调查群众满意度", SATISFACTION_BANDS, 10, 6, "满意度88%"],
    [9, U, U, "文化惠民成效", "文化惠民活动的社会影响", "成效显著得20分，成效一般得12分，无明显成效不得分。", 20, 20, null],
    [10, U, "可持续发展", "长效管理机制", "建立文化服务长效管理机制", "建立健全长效管理机制得10分，未建立不得分。", 10, 10, null],
    ["合 计", L, L, L, L, L, 100, 89, null],
  ]);
  lines(ws, "A15", [["单位负责人：", null, null, "财务负责人：", null, null, "填表人："]]);
  widths(ws, [6, 12, 12, 16, 26, 46, 8, 10, 20]);

  const data = wb.addWorksheet("基础数据");
  title(data, 1, "基础数据", 2);
  place(data, "A2", [
    ["项目", "数值"],
    ["年初预算数", 560],
    ["全年预算数", 612.3],
    ["其中：上年结转资金", 20],
    ["实际支出数", 598.75],
    ["年末结转结余", 13.55],
    ["公用经费预算数", 40],
    ["公用经费实际支出数", 41.2],
    ["送戏下乡场次", 11],
    ["免费开放天数", 306],
    ["群众满意度", "88%"],
  ]);
  widths(data, [22, 12]);
  return wb;
}

export const c01: CorpusEntry = {
  build,
  tables: [{ sheet: "自评表", name: "D", score: "H", max: "G" }],
  totals: { declared: "自评表!H14", max: "自评表!G14" },
  expectation: {
    file: "c01-f1-weight-column.xlsx",
    family: "F1",
    unit: UNIT,
    year: 2023,
    indicators: [
      { name: "预算执行率", max: 10, declared: 10, computed: 10 }, // 598.75/612.30 = 97.79% ≥ 95%（含） → 10
      { name: "结转结余率", max: 5, declared: 4, computed: 4 }, // 13.55/612.30 = 2.21%: 0 < 2.21 ≤ 3 → 4 (上年结转 20 is carry-in, not used)
      { name: "公用经费控制率", max: 5, declared: 3, computed: 2 }, // 41.20/40.00 = 103.00% → 3 points over × 1 → 5 − 3 = 2
      { name: "预决算公开", max: 5, declared: 3, computed: null }, // checklist; no data on what was published
      { name: "资产管理规范性", max: 5, declared: 5, computed: null }, // checklist; no data
      { name: "送戏下乡场次", max: 20, declared: 18, computed: 18 }, // 12 − 11 = 1 short × 2 → 20 − 2 = 18
      { name: "免费开放天数", max: 10, declared: 10, computed: 10 }, // 306 ≥ 300 → 10
      { name: "群众满意度", max: 10, declared: 6, computed: 6 }, // 88%: 80 ≤ 88 < 90 → 60% × 10 = 6
      { name: "文化惠民成效", max: 20, declared: 20, computed: null }, // qualitative
      { name: "长效管理机制", max: 10, declared: 10, computed: null }, // binary, but no data says whether it was built
    ],
    mismatches: ["自评表!H6"], // 公用经费控制率: declared 3, computed 2
  },
};
