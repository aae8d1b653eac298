import { DataLine, ExampleDepartment } from "./model";
import { SEED_DEPARTMENT, SEED_INDICATORS } from "./seedDepartment";

/** A department that scores itself 100 and whose data agree: nothing to deduct, nothing inconsistent. */
export const CLEAN_DEPARTMENT: ExampleDepartment = {
  file: "示例-满分单位-2024-自评表.xlsx",
  unit: "示例市统计局",
  year: 2024,
  note: "示例：虚构单位，数据齐全、自评与数据一致，全部指标满分。",
  indicators: SEED_INDICATORS.map((i) => ({ ...i, score: i.weight, reason: "" })),
  data: [
    ["一、预算收支情况"],
    ["年初预算数", 500],
    ["全年预算数", 520.5],
    ["其中：一般公共预算", 520.5],
    ["政府性基金预算", 0],
    ["其他收入", 0],
    ["基本支出", 400.5],
    ["项目支出", 120],
    ["实际支出数", 520.5],
    ["年末结转结余", 0],
    ["二、支出进度"],
    ["6月底支出进度", "55.00%"],
    ["9月底支出进度", "80.00%"],
    ["11月底支出进度", "95.00%"],
    ["三、预算调整"],
    ["年中追加调剂次数", 1],
    ["其中：政策性调剂次数", 1],
    ["四、政府采购"],
    ["需公开采购意向的项目数", 2],
    ["按时公开采购意向项目数", 2],
    ["五、信息公开"],
    ["预算按时公开", "是"],
    ["决算按时公开", "是"],
    ["绩效信息按时公开", "是"],
    ["六、人员与财务管理"],
    ["编制数", 30],
    ["在职人数", 28],
    ["财务违规问题数", 0],
  ],
  sanGong: { rows: [["“三公”经费合计", 6, 5.2, 5.5], ["公务用车购置及运行费", 4, 3.6, 3.8], ["公务接待费", 2, 1.6, 1.7]] },
};

/** The seed's data table with some figures changed. */
const withData = (changes: Record<string, number | string>): DataLine[] =>
  SEED_DEPARTMENT.data.map(([label, value]): DataLine => (label in changes ? [label, changes[label]] : value === undefined ? [label] : [label, value]));

const withScores = (changes: Record<string, { score: number | string; reason: string }>) =>
  SEED_INDICATORS.map((i) => (changes[i.l3] ? { ...i, ...changes[i.l3] } : i));

/**
 * A department whose data contradict its scores: spending 92 % of budget yet full marks, 三公 over budget yet full
 * marks, a balance carried over yet full marks, a deduction for spending progress its data do not support, a
 * deduction without a reason, a 合计 that is not the sum, and a budget split that does not add up.
 */
export const CONTRADICTING_DEPARTMENT: ExampleDepartment = {
  file: "示例-数据与自评不符-2024-自评表.xlsx",
  unit: "示例县农业农村局",
  year: 2024,
  note: "示例：虚构单位，数据表与自评得分有多处矛盾，用来演示“不一致”“缺少扣分说明”和“数据错误”。",
  indicators: withScores({
    支出进度: { score: 4, reason: "9月底支出进度偏慢" },
    资产管理规范性: { score: 7, reason: "" },
  }),
  statedTotal: 95,
  data: withData({ 政府性基金预算: 200, 实际支出数: 728.68, 年末结转结余: 63.36, "6月底支出进度": "52.00%", "9月底支出进度": "78.00%", "11月底支出进度": "91.00%", 绩效信息按时公开: "否" }),
  sanGong: { rows: [["“三公”经费合计", 10, 10.3, 9.8], ["公务用车购置及运行费", 6, 6.4, 6.1], ["公务接待费", 4, 3.9, 3.7]] },
};

export const ALL_EXAMPLES = [SEED_DEPARTMENT, CLEAN_DEPARTMENT, CONTRADICTING_DEPARTMENT];
