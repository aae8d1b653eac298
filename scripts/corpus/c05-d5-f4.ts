/**
 * F4 under a D5 budget block on the same sheet (ND20 form). D5: formula-numbered headers (小计③=①+②, 支出实现率(%)⑤=④/③),
 * bare percent numbers (98 means 98%), row labels numbered ① ② like the columns, a "合 计" row. F4: 绩效目标值 /
 * 实际完成值 with operators and units (≥99%, ≤10分钟, 9个), criteria O1/O2 of INDICATORS §3.4, 完成值/目标值×分值.
 * Title names the unit only; the year is a 评价年度 field.
 * Trap: 项目支出实现率 has "/" as its own 完成值; the D5 row ①项目支出 says 96, while 财政资金小计 and 合 计 say 98.
 * One planted mistake: 预警信息发布及时率 declared 10 where 95/100 × 10 = 9.5.
 */
import { CorpusEntry } from "./types";
import { SATISFACTION_BANDS } from "./criteria";
import { lines, newWorkbook, place, title, U, L, widths } from "./sheet";

const PROPORTIONAL = "完成值/目标值×分值";

function build() {
  const wb = newWorkbook();
  const ws = wb.addWorksheet("绩效自评表");
  title(ws, 1, "示例市地震监测中心部门整体支出绩效自评表", 9);
  lines(ws, "A2", [["评价年度：2021", null, null, null, null, null, null, "单位：万元"]]);
  lines(ws, "A3", [["一、预算资金执行情况"]]);
  place(ws, "A4", [
    ["资金结构", "年初部门预算安排金额(含历年结余结转)①", "年中调整金额②", "小计③=①+②", "年度拨付金额④", "支出实现率(%)⑤=④/③", "本年度结余金额⑥=③-④", "资金结余率(%)⑦=⑥/③"],
    ["财政资金小计", 356, 24, 380, 372.4, 98, 7.6, 2],
    ["①项目支出", 136, 24, 160, 153.6, 96, 6.4, 4],
    ["②基本支出", 220, 0, 220, 218.8, 99.45, 1.2, 0.55],
    ["其他资金小计", 0, 0, 0, 0, 0, 0, 0],
    ["合 计", 356, 24, 380, 372.4, 98, 7.6, 2],
  ]);
  lines(ws, "A11", [["二、绩效指标完成情况"]]);
  place(ws, "A12", [
    ["一级指标", "二级指标", "三级指标", "绩效目标值", "实际完成值", "评分标准", "指标分值", "自评得分", "未完成原因"],
    ["产出目标", "数量目标", "监测台站运维抽查数量", "9个", "7个", "本指标满分6分，开展全市地震监测台站运维情况抽查数量达9个得6分，少检查一个扣1分，扣完为止。", 6, 4, "2个台站因道路中断未抽查"],
    [U, U, "科普进社区活动场数", "10场", "10场", "本指标满分6分，开展防震减灾科普进社区活动场数达10场得6分，少一场扣1分，扣完为止。", 6, 6, null],
    [U, "质量目标", "监测数据完整率", "≥99%", "99.6%", PROPORTIONAL, 8, 8, null],
    [U, "时效目标", "地震速报时间", "≤10分钟", "8分钟", "速报时间≤10分钟得满分，每超过1分钟扣1分，扣完为止。", 5, 5, null],
    [U, "成本目标", "台站运维成本", "≤90万元", "86.5万元", "实际成本控制在目标值以内得满分，超出目标值不得分。", 5, 5, null],
    ["效益目标", "社会效益", "群众参与人次", "≥5000", 5600, PROPORTIONAL, 10, 10, "已完成"],
    [U, U, "预警信息发布及时率", "100%", "95%", PROPORTIONAL, 10, 10, null],
    [U, "可持续影响", "监测网络运行机制", "长效运行", "达成预期指标", "定性指标，根据完成情况酌情评分。", 10, 10, null],
    ["满意度目标", "服务对象满意度", "公众满意度", "≥90%", "92%", SATISFACTION_BANDS, 10, 10, null],
    ["管理目标", "预算执行", "支出实现率", "≥95%", "98%", "支出实现率≥95%得15分；每低于1个百分点扣1分，扣完为止。", 15, 15, null],
    [U, U, "项目支出实现率", "≥98%", "/", "项目支出实现率=项目支出年度拨付金额/项目支出小计×100%；≥98%得10分，每低于1个百分点扣2分，扣完为止。", 10, 6, "项目支出实现率96%"],
    [U, U, "资金结余率", "≤3%", "2%", "资金结余率为0，得5分；0＜资金结余率≤3%，得4分；3%＜资金结余率≤6%，得2分；超过6%不得分。", 5, 4, null],
    ["合计", L, L, L, L, L, 100, 93, null],
  ]);
  widths(ws, [14, 16, 20, 14, 14, 46, 10, 10, 22]);
  return wb;
}

export const c05: CorpusEntry = {
  build,
  tables: [{ sheet: "绩效自评表", name: "C", score: "H", max: "G" }],
  totals: { declared: "绩效自评表!H25", max: "绩效自评表!G25" },
  expectation: {
    file: "c05-d5-f4-budget-block-above.xlsx",
    family: "D5+F4",
    unit: "示例市地震监测中心",
    year: 2021,
    indicators: [
      { name: "监测台站运维抽查数量", max: 6, declared: 4, computed: 4 }, // 9 − 7 = 2 short × 1 → 6 − 2 = 4
      { name: "科普进社区活动场数", max: 6, declared: 6, computed: 6 }, // 10 of 10 → 6
      { name: "监测数据完整率", max: 8, declared: 8, computed: 8 }, // 99.6/99 = 100.61% → capped at 100% → 8
      { name: "地震速报时间", max: 5, declared: 5, computed: 5 }, // 8 ≤ 10 分钟 → full
      { name: "台站运维成本", max: 5, declared: 5, computed: 5 }, // 86.5 ≤ 90 万元 → full
      { name: "群众参与人次", max: 10, declared: 10, computed: 10 }, // 5600/5000 = 112.00% → capped → 10
      { name: "预警信息发布及时率", max: 10, declared: 10, computed: 9.5 }, // 95/100 = 95.00% × 10 = 9.5
      { name: "监测网络运行机制", max: 10, declared: 10, computed: null }, // qualitative, 酌情评分
      { name: "公众满意度", max: 10, declared: 10, computed: 10 }, // 92% ≥ 90 → full
      { name: "支出实现率", max: 15, declared: 15, computed: 15 }, // 372.40/380.00 = 98.00% ≥ 95 → 15
      { name: "项目支出实现率", max: 10, declared: 6, computed: 6 }, // ①项目支出 153.60/160.00 = 96.00%: 2 under 98 × 2 = 4 → 6
      { name: "资金结余率", max: 5, declared: 4, computed: 4 }, // 合 计 7.60/380.00 = 2.00%: 0 < 2 ≤ 3 → 4
    ],
    mismatches: ["绩效自评表!H19"], // 预警信息发布及时率: declared 10, computed 9.5
  },
};
