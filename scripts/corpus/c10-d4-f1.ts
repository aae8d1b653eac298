/**
 * D4, a 53号-style 基础数据表 on its own sheet: a staff block (编制数 | 年末在职人数 | 控制率, values below), an
 * expenditure-control block with year-named columns (2023年决算数 | 2024年预算数 | 2024年决算数) and numbered,
 * indented 三公 parts with 其中 rows, 项目支出, 公用经费, 政府采购金额, a free-text 厉行节约 row, a business block, and a
 * 说明. The 53号 F1 table (投入/过程/产出/效果, 指标解释 with the formulas) states the year; the data sheet the unit.
 * Traps: 三公 变动率 is defined on 决算数 (6.72 vs 7.30, −7.95%), while the 2024 budget 7.50 is above the 2023 决算;
 * the year columns only map to 本年/上年 through 评价年度 2024.
 * Two planted mistakes: 在职人员控制率 declared 5 (52/50 = 104%, rule gives 3); 投诉举报按时办结率 declared "10"
 * (text) where 97% gives 9.
 */
import { CorpusEntry } from "./types";
import { SATISFACTION_BANDS, staffControl } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

function build() {
  const wb = newWorkbook();
  const data = wb.addWorksheet("基础数据表");
  title(data, 1, "部门整体支出绩效评价基础数据表", 5);
  lines(data, "A2", [["填报单位：示例县市场监督管理局", null, null, null, "单位：万元"]]);
  place(
    data,
    "A3",
    [
      ["人员编制情况", "编制数", "年末在职人数", "控制率"],
      [U, 50, 52, "104.00%"],
      ["支出控制情况", "2023年决算数", "2024年预算数", "2024年决算数"],
      ["三公经费", 7.3, 7.5, 6.72],
      [" 1.因公出国（境）费", 0, 0, 0],
      [" 2.公务用车购置及运行费", 5, 5.3, 4.62],
      ["    其中：车辆购置费", 0, 0, 0],
      ["          车辆运行费", 5, 5.3, 4.62],
      [" 3.公务接待费", 2.3, 2.2, 2.1],
      ["项目支出", 265, 280, 271.6],
      ["公用经费", 52, 55, 53.35],
      ["政府采购金额", 40, 45, 44.1],
      ["厉行节约", "严格执行中央八项规定精神，压减一般性支出。", L, L],
      ["业务工作情况", "食品安全抽检批次", "投诉举报受理件数", "按时办结件数", "市场主体满意度"],
      [U, 1150, 400, 388, "86%"],
    ],
    { border: true, bold: 0 },
  );
  lines(data, "A19", [["说明：1.本表金额与部门决算一致；2.“三公”经费含所属单位。"]]);
  widths(data, [26, 16, 16, 16, 16]);

  const ws = wb.addWorksheet("评分表");
  title(ws, 1, "部门整体支出绩效评价指标评分表", 8);
  lines(ws, "A2", [["评价年度：2024年"]]);
  place(ws, "A3", [
    ["一级指标", "二级指标", "三级指标", "指标解释", "评分标准", "分值", "得分", "扣分原因"],
    ["投入", "目标设定", "绩效目标合理性", "部门所设立的整体绩效目标依据是否充分，是否符合客观实际",
      "①是否符合国家法律法规、国民经济和社会发展总体规划；②是否符合部门“三定”方案确定的职责；③是否符合部门制定的中长期实施规划。每有一项不符合扣2分，扣完为止。", 5, 5, null],
    [U, "预算配置", "在职人员控制率", "在职人员控制率=(在职人员数/编制数)×100%，在职人员数以年末实有人数为准", staffControl(5, 0.5), 5, 5, null],
    [U, U, "“三公经费”变动率", "“三公经费”变动率=[(本年度“三公经费”决算数-上年度“三公经费”决算数)/上年度“三公经费”决算数]×100%",
      "“三公经费”变动率≤0,计5分;“三公经费”>0,每超过一个百分点扣0.5分,扣完为止。", 5, 5, null],
    ["过程", "预算执行", "公用经费控制率", "公用经费控制率=(实际支出公用经费总额/预算安排公用经费总额)×100%", "公用经费控制率≤100%，计5分；每超过一个百分点扣1分，扣完为止。", 5, 5, null],
    [U, U, "“三公经费”控制率", "“三公经费”控制率=(“三公经费”实际支出数/“三公经费”预算安排数)×100%", "“三公经费”控制率≤100%，计5分；每超过一个百分点扣1分，扣完为止。", 5, 5, null],
    [U, U, "政府采购执行率", "政府采购执行率=(实际政府采购金额/政府采购预算数)×100%", "政府采购执行率≥100%得5分，每低于一个百分点扣0.5分，扣完为止。", 5, 4, "政府采购执行率98%"],
    [U, "预算管理", "管理制度健全性", "部门为加强预算管理、规范财务行为而制定的管理制度是否健全完整",
      "①已制定或具有预算资金管理办法、内部财务管理制度、会计核算制度等管理制度；②相关管理制度合法、合规、完整；③相关管理制度得到有效执行。每有一项不符合扣2分，扣完为止。", 5, 5, null],
    [U, U, "资金使用合规性", "部门使用预算资金是否符合相关的财务管理制度的规定",
      "①符合国家财经法规和财务管理制度；②资金拨付有完整的审批程序和手续；③重大开支经过评估论证；④符合部门预算批复的用途；⑤不存在截留、挤占、挪用、虚列支出等情况。每发现一项不符合扣2分，扣完为止。", 10, 10, null],
    [U, "资产管理", "资产管理安全性", "部门的资产是否保存完整、使用合规、配置合理、处置规范、收入及时足额上缴",
      "资产保存完整、配置合理、处置规范、收入及时足额上缴，每发现一项问题扣1分，扣完为止。", 5, 4, "部分资产未及时入账"],
    ["产出", "职责履行", "食品安全抽检批次", "全年完成的食品安全监督抽检批次", "本指标满分20分，全年完成食品安全抽检1200批次得20分，每少50批次扣1分，扣完为止。", 20, 19, "完成1150批次"],
    [U, U, "投诉举报按时办结率", "按时办结率=按时办结件数/投诉举报受理件数×100%", "按时办结率≥98%得10分，每低于1个百分点扣1分，扣完为止。", 10, "10", null],
    ["效果", "履职效益", "市场主体满意度", "抽样调查市场主体满意度", SATISFACTION_BANDS, 10, 6, "满意度86%"],
    [U, U, "社会效益", "部门履职对社会发展所带来的直接或间接影响", "成效显著得10分，成效一般得6分，无明显成效不得分。", 10, 10, null],
    ["合计", L, L, L, L, 100, 93, null],
  ]);
  widths(ws, [8, 10, 18, 36, 50, 8, 8, 18]);
  return wb;
}

export const c10: CorpusEntry = {
  build,
  tables: [{ sheet: "评分表", name: "C", score: "G", max: "F" }],
  totals: { declared: "评分表!G17", max: "评分表!F17" },
  expectation: {
    file: "c10-d4-f1-53-basic-data.xlsx",
    family: "D4+F1",
    unit: "示例县市场监督管理局",
    year: 2024,
    indicators: [
      { name: "绩效目标合理性", max: 5, declared: 5, computed: null }, // checklist of questions; no data
      { name: "在职人员控制率", max: 5, declared: 5, computed: 3 }, // 52/50 = 104.00% → 4 × 0.5 = 2 → 5 − 2 = 3
      { name: "“三公经费”变动率", max: 5, declared: 5, computed: 5 }, // (6.72 − 7.30)/7.30 = −7.95% ≤ 0 → 5
      { name: "公用经费控制率", max: 5, declared: 5, computed: 5 }, // 53.35/55.00 = 97.00% ≤ 100 → 5
      { name: "“三公经费”控制率", max: 5, declared: 5, computed: 5 }, // 6.72/7.50 = 89.60% ≤ 100 → 5
      { name: "政府采购执行率", max: 5, declared: 4, computed: 4 }, // 44.10/45.00 = 98.00%: 2 under 100 × 0.5 = 1 → 4
      { name: "管理制度健全性", max: 5, declared: 5, computed: null }, // checklist; no data
      { name: "资金使用合规性", max: 10, declared: 10, computed: null }, // checklist; no data
      { name: "资产管理安全性", max: 5, declared: 4, computed: null }, // per problem found; no count in the data
      { name: "食品安全抽检批次", max: 20, declared: 19, computed: 19 }, // 1200 − 1150 = 50 short = 1 × 50 → 19
      { name: "投诉举报按时办结率", max: 10, declared: 10, computed: 9 }, // 388/400 = 97.00%: 1 under 98 × 1 → 9
      { name: "市场主体满意度", max: 10, declared: 6, computed: 6 }, // 86%: 80 ≤ 86 < 90 → 6
      { name: "社会效益", max: 10, declared: 10, computed: null }, // qualitative
    ],
    mismatches: ["评分表!G5", "评分表!G14"], // 在职人员控制率 5 vs 3; 投诉举报按时办结率 10 vs 9
  },
};
