/**
 * The metric library and rule binding, table-driven: each metric from data-table figures, with the worked examples of
 * INDICATORS.md §5, boundaries and float traps, through the whole engine (a data sheet and a one-row scoring table).
 */
import { scoreWorkbook } from "../../src/core/engine";
import { CellValue, IndicatorResult, ScoreResult, WorkbookSnapshot } from "../../src/core/model";
import { gradeOf } from "../../src/core/score/grade";
import { getBuiltInProfile } from "../../src/core/rules/profiles";

const profile = getBuiltInProfile("default");

interface Row {
  name: string;
  weight: number;
  criterion: string;
  declared: number;
  target?: string;
  actual?: string;
}

function workbook(data: CellValue[][], rows: Row[]): WorkbookSnapshot {
  const scoring: CellValue[][] = [
    ["一级指标", "三级指标", "绩效目标值", "实际完成值", "评分标准", "分值", "自评得分"],
    ...rows.map((r) => ["管理效率", r.name, r.target ?? null, r.actual ?? null, r.criterion, r.weight, r.declared]),
  ];
  return {
    sheets: [
      { name: "数据表", visibility: "visible", protected: false, top: 0, left: 0, values: data, merges: [] },
      { name: "评分表", visibility: "visible", protected: false, top: 0, left: 0, values: scoring, merges: [] },
    ],
  };
}

function scoreRow(data: CellValue[][], row: Row): { indicator: IndicatorResult; result: ScoreResult } {
  const result = scoreWorkbook(workbook(data, [row]), profile);
  return { indicator: result.indicators[0], result };
}

describe("each metric of the library, from label → value rows (INDICATORS §2.2, §5)", () => {
  test.each<[string, CellValue[][], Row, number]>([
    ["E2 预算执行率 188.45 ÷ 188.61 = 99.92%", [["全年预算数", 188.61], ["实际支出数", 188.45]], { name: "预算执行率", weight: 10, criterion: "得分=预算执行率×该指标分值", declared: 9.99 }, 9.99],
    ["E7 执行率 × 10: 82.65 ÷ 95 = 87.00% → 8.7", [["预算数", 95], ["执行数", 82.65]], { name: "预算执行率", weight: 10, criterion: "得分=预算执行率×10分。", declared: 8.7 }, 8.7],
    ["E8 预算完成率 483.22 ÷ 487.24 = 99.17%, ≥99% full", [["调整后预算数", 487.24], ["全年实际支出数", 483.22]], { name: "预算完成率", weight: 5, criterion: "预算完成率≥99%得5分，每低于1个百分点扣1分", declared: 5 }, 5],
    ["E3 结转结余率 0.16 ÷ 188.61 = 0.08%", [["全年预算数", 188.61], ["结转结余总额", 0.16]], { name: "结转结余率", weight: 5, criterion: "结转结余率为0，得5分；0＜结转结余率≤3%，得3分；超过3%不得分。", declared: 3 }, 3],
    ["E14 在职人员控制率 52 ÷ 50 = 104% → 1 − 0.4", [["编制数", 50], ["在职人员数", 52]], { name: "在职人员控制率", weight: 1, criterion: "以100%为标准。在职人员控制率≤100%,计1分;每超过一个百分点扣0.1分,扣完为止。", declared: 0.6 }, 0.6],
    ["E15 公务接待费变动率 +7.5% → 0.5", [["项目", "实际数", "上年实际数"], ["公务接待费", 8.6, 8]], { name: "公务接待费变动率", weight: 2, criterion: "“公务招待费”变动率≤0,计2分;“公务招待费变动率”>0,每超过一个百分点扣0.2分,扣完为止。", declared: 0.5 }, 0.5],
    ["E15 公务接待费变动率 +25% → floored at 0", [["项目", "实际数", "上年实际数"], ["公务接待费", 10, 8]], { name: "公务接待费变动率", weight: 2, criterion: "“公务招待费”变动率≤0,计2分;“公务招待费变动率”>0,每超过一个百分点扣0.2分,扣完为止。", declared: 0 }, 0],
    ["float trap: 三公 12.36 ÷ 12 = 103.00% exactly → 5 − 3", [["项目", "预算数", "实际数"], ["“三公”经费合计", 12, 12.36]], { name: "三公经费控制率", weight: 5, criterion: "“三公”经费控制率≤100%，得5分；每超过1个百分点扣1分，扣完为止", declared: 2 }, 2],
    ["三公经费变动率 on 决算 year columns (2023 evaluation)", [["示例局2023年度部门整体支出绩效自评数据表"], ["项目", "2022年决算数", "2023年预算数", "2023年决算数"], ["三公经费", 10, 9.5, 9]], { name: "三公经费变动率", weight: 3, criterion: "“三公经费”变动率≤0,计3分;“三公经费”>0,每超过一个百分点扣0.3分,扣完为止。", declared: 3 }, 3],
    ["公用经费控制率 103% → 5 − 3", [["公用经费预算数", 40], ["公用经费实际支出数", 41.2]], { name: "公用经费控制率", weight: 5, criterion: "公用经费控制率≤100%，计5分；每超过一个百分点扣1分，扣完为止。", declared: 2 }, 2],
    ["政府采购执行率 229.10 ÷ 236 = 97.08% → 5 − 3 × 1", [["政府采购预算数", 236], ["实际采购金额", 229.1]], { name: "政府采购执行率", weight: 5, criterion: "政府采购执行率≥100%得5分，每低于一个百分点扣1分，扣完为止。", declared: 2.08 }, 2.08],
    ["结转结余变动率 (9 − 12) ÷ 12 = −25% ≤ 0", [["年末结转结余", 9], ["上年末结转结余", 12]], { name: "结转结余变动率", weight: 4, criterion: "结转结余变动率≤0，计4分；每超过一个百分点扣0.5分", declared: 4 }, 4],
    ["项目支出执行率 from a crossing", [["项目", "预算数", "决算数"], ["项目支出", 160, 153.6]], { name: "项目支出执行率", weight: 10, criterion: "项目支出执行率≥98%得10分，每低于1个百分点扣2分，扣完为止。", declared: 6 }, 6],
    ["非政策性调剂次数: 年中追加调剂次数 3 − 政策性 2", [["年中追加调剂次数", 3], ["其中：政策性调剂次数", 2]], { name: "预算调整", weight: 5, criterion: "年中每发生一次非政策性追加调剂扣1分，扣完为止（因政策性因素调剂的不扣分）。", declared: 4 }, 4],
    ["采购意向未按时公开数 4 − 3", [["需公开采购意向的项目数", 4], ["按时公开采购意向项目数", 3]], { name: "采购意向公开", weight: 5, criterion: "采购意向应按时公开，每有一个项目未按时公开扣1分，扣完为止。", declared: 4 }, 4],
    ["time node: 11月底 91% ≥ 90 (6月底 40% is not the subject)", [["6月底支出进度", "40%"], ["11月底支出进度", 0.91]], { name: "支出进度", weight: 5, criterion: "11月底支出进度≥90%，计5分；每低于一个百分点扣0.5分", declared: 5 }, 5],
    ["E16 O1 shortfall 9 → 7 done", [["台站运维抽查数量", 7]], { name: "台站运维抽查数量", weight: 6, criterion: "本指标满分6分,开展全市地震监测台站运维情况抽查数量达9个得6分,少检查一个扣1分,扣完为止。", declared: 4 }, 4],
    ["E16 O1 shortfall floored at 0", [["台站运维抽查数量", 2]], { name: "台站运维抽查数量", weight: 6, criterion: "本指标满分6分,开展全市地震监测台站运维情况抽查数量达9个得6分,少检查一个扣1分,扣完为止。", declared: 0 }, 0],
  ])("%s", (_, data, row, expected) => {
    const { indicator, result } = scoreRow(data, row);
    expect(indicator.computed).toBeCloseTo(expected, 5);
    expect(result.findings.filter((f) => f.kind === "mismatch")).toEqual([]);
    expect(result.total.checked).toEqual({ indicators: 1, of: 1, points: row.weight });
  });
});

describe("target and actual on the row (R1, E17, E21)", () => {
  test("E17 ≥-type proportional under the sheet's own rule: 45 of 50 × 8 = 7.2", () => {
    const { indicator } = scoreRow([], { name: "培训人次", weight: 8, criterion: "完成值/目标值×分值", declared: 7.2, target: "≥50", actual: "45" });
    expect(indicator.computed).toBe(7.2);
  });

  test("E17 ≤-type: 目标值 ÷ 完成值 is an unverified convention, shown but never a check", () => {
    const { indicator, result } = scoreRow([], { name: "办理时限", weight: 5, criterion: "完成值/目标值×分值", declared: 5, target: "≤10天", actual: "12天" });
    expect(indicator.computed).toBeNull();
    const manual = result.findings.find((f) => f.kind === "manual")!;
    expect(manual.message).toContain("4.17 分"); // 10 ÷ 12 × 5, shown for reference
    expect(result.findings.some((f) => f.kind === "mismatch")).toBe(false);
  });

  test("E21 a target written with its unit, ≥50个, met exactly", () => {
    const { indicator } = scoreRow([], { name: "项目个数", weight: 8, criterion: "完成值/目标值×分值", declared: 8, target: "≥50个", actual: "50个" });
    expect(indicator.computed).toBe(8);
  });
});

describe("boundaries", () => {
  const bands = "结转结余率为0的得5分；0-5%（含）得4分；5%-10%（含）得2分；10%以上不得分";
  test.each([
    [5, 100, 4], // 5.00 % exactly, (含): the 4-point band
    [5.01, 100, 2],
    [0, 100, 5],
  ])("结转结余 %p of %p → %p points", (left, budget, points) => {
    const { indicator } = scoreRow([["全年预算数", budget], ["年末结转结余", left]], { name: "结转结余率", weight: 5, criterion: bands, declared: points });
    expect(indicator.computed).toBe(points);
  });

  test("a value exactly on an unmarked range bound is left to the officer", () => {
    const { indicator, result } = scoreRow([["全年预算数", 100], ["实际支出数", 85]], { name: "预算执行率", weight: 5, criterion: "执行率95%以上得5分；85%-95%得3分；85%以下不得分", declared: 3 });
    expect(indicator.computed).toBeNull();
    expect(result.findings.find((f) => f.kind === "deduction")!.message).toContain("边界");
  });

  test.each([
    [90, "优"],
    [89.99, "良"],
    [89.5, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
  ])("E22 grade of %p is %p", (total, grade) => expect(gradeOf(total)).toBe(grade));
});

describe("no value, no check: what to add is said", () => {
  test("missing inputs name the fields to fill in", () => {
    const { indicator, result } = scoreRow([["编制数", 30]], { name: "在职人员控制率", weight: 5, criterion: "在职人员控制率≤100%，计5分；每超过一个百分点扣1分", declared: 5 });
    expect(indicator.computed).toBeNull();
    expect(result.findings.find((f) => f.kind === "manual")!.message).toContain("在数据表中填写“在职人数”后可自动核算");
    expect(result.total.checked).toEqual({ indicators: 0, of: 1, points: 0 });
  });

  test("two different values for one field are a conflict, not a guess", () => {
    const data: CellValue[][] = [["全年预算数", 100], ["实际支出数", 90], [null, null], ["调整后预算数", 120]];
    const { indicator, result } = scoreRow(data, { name: "预算执行率", weight: 5, criterion: "得分=预算执行率×该指标分值", declared: 4.5 });
    expect(indicator.computed).toBeNull();
    expect(result.findings.find((f) => f.kind === "deduction")!.message).toContain("有不同的数值");
    expect(result.findings.some((f) => f.kind === "mismatch")).toBe(false);
  });

  test("a percentage rule is never applied to a count: a criterion about a rate with only a count beside its name", () => {
    const { indicator } = scoreRow([["按时办结件数", 388]], { name: "按时办结率", weight: 10, criterion: "按时办结率≥98%得10分，每低于1个百分点扣1分", declared: 10 });
    expect(indicator.computed).toBeNull();
  });
});

test("a computed total of exactly 90 grades 优", () => {
  const rows: Row[] = [
    { name: "三公经费控制率", weight: 50, criterion: "“三公”经费控制率≤100%，得50分；每超过1个百分点扣10分，扣完为止", declared: 50 },
    { name: "在职人员控制率", weight: 50, criterion: "在职人员控制率≤100%，计50分；每超过一个百分点扣10分", declared: 40 },
  ];
  const data: CellValue[][] = [["项目", "预算数", "实际数"], ["三公经费", 10, 10], [null, null, null], ["编制数", 100, null], ["在职人数", 101, null]];
  const result = scoreWorkbook(workbook(data, rows), profile);
  expect(result.total.computed).toBe(90);
  expect(result.grade).toBe("优");
});
