import { evaluateWorkbook, scoreWorkbook, ScoringError } from "../../src/core/engine";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { ScoreResult } from "../../src/core/model";
import { CONTRADICTING_FILE, CLEAN_FILE, SEED_FILE, sheet, snapshotOfFile, workbook } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");
const byName = (r: ScoreResult, name: string) => r.indicators.find((i) => i.path[i.path.length - 1] === name)!;
const findingsAt = (r: ScoreResult, cell: string) => r.findings.filter((f) => f.cell === cell);

describe("the seed department (雷州市科工贸和信息化局 2024)", () => {
  let result: ScoreResult;
  beforeAll(async () => {
    result = scoreWorkbook(await snapshotOfFile(SEED_FILE), profile);
  });

  test("scores 91, grade 优, declared and computed alike", () => {
    expect(result.unit).toBe("雷州市科工贸和信息化局");
    expect(result.year).toBe(2024);
    expect(result.total).toEqual({ max: 100, declared: 91, computed: 91, checked: { indicators: 9, of: 12, points: 75 } });
    expect(result.grade).toBe("优");
    expect(result.declaredGrade).toBe("优");
    expect(result.indicators).toHaveLength(12);
  });

  test("every deduction the seed names is marked at its indicator's score cell", () => {
    const deductions = result.findings.filter((f) => f.kind === "deduction");
    const marked = deductions.map((f) => [f.indicatorPath!.at(-1), f.cell, f.points]);
    expect(marked).toEqual([
      ["支出进度", byName(result, "支出进度").scoreCell, 1],
      ["预算编制约束性", byName(result, "预算编制约束性").scoreCell, 1],
      ["绩效目标设置", byName(result, "绩效目标设置").scoreCell, 2],
      ["采购管理规范性", byName(result, "采购管理规范性").scoreCell, 2],
      ["资产管理规范性", byName(result, "资产管理规范性").scoreCell, 3],
    ]);
    // The score column is I in the standard layout; rows follow the table (产出 and 效益 span three target rows each).
    expect(deductions.map((f) => f.cell)).toEqual(["I12", "I13", "I14", "I18", "I19"]);
    expect(result.findings.filter((f) => f.kind === "mismatch" || f.kind === "invalid" || f.kind === "missing-reason")).toEqual([]);
  });

  test("computed scores come from the data and the sheet's own criteria", () => {
    expect(byName(result, "产出指标完成情况").computed).toBe(20);
    expect(byName(result, "预算执行率").computed).toBe(5);
    expect(byName(result, "支出进度").computed).toBe(4);
    expect(byName(result, "预算编制约束性").computed).toBe(4);
    expect(byName(result, "结转结余率").computed).toBe(5);
    expect(byName(result, "预决算及绩效信息公开").computed).toBe(5);
    expect(byName(result, "三公经费控制率").computed).toBe(5);
    expect(byName(result, "三公经费控制率").calculation).toContain("三公经费控制率 = 9.86 ÷ 12.00 = 82.17%");
    // Checklists without data per item stand as declared, flagged for a person.
    expect(byName(result, "资产管理规范性").computed).toBeNull();
    // One item per cell: the deduction says it could not be checked and what would check it.
    const at = findingsAt(result, byName(result, "资产管理规范性").scoreCell);
    expect(at.map((f) => f.kind)).toEqual(["deduction"]);
    expect(at[0].message).toMatch(/未能自动核实：评分标准的检查项.*没有对应的“是\/否”数据/);
  });
});

describe("the contradicting department", () => {
  let result: ScoreResult;
  beforeAll(async () => {
    result = scoreWorkbook(await snapshotOfFile(CONTRADICTING_FILE), profile);
  });

  test("mismatches carry the computed score and the calculation", () => {
    const mismatch = (name: string) => result.findings.find((f) => f.kind === "mismatch" && f.indicatorPath?.at(-1) === name)!;
    expect(byName(result, "预算执行率").computed).toBe(4.6);
    expect(mismatch("预算执行率").points).toBe(0.4);
    expect(mismatch("预算执行率").message).toContain("728.68 ÷ 792.04 = 92.00%");
    expect(byName(result, "三公经费控制率").computed).toBe(2);
    expect(mismatch("三公经费控制率").message).toMatch(/10\.30 ÷ 10\.00 = 103\.00%，超过 100% 3 个百分点.*扣 3 分，应得 2 分，自评 5 分/);
    expect(byName(result, "结转结余率").computed).toBe(2);
    expect(mismatch("结转结余率").points).toBe(3);
    expect(byName(result, "支出进度").computed).toBe(5);
    expect(mismatch("支出进度").points).toBe(-1);
    expect(byName(result, "预决算及绩效信息公开").computed).toBe(4);
    expect(result.total).toEqual({ max: 100, declared: 91, computed: 84.6, checked: { indicators: 9, of: 12, points: 75 } });
    expect(result.grade).toBe("良");
    expect(result.declaredGrade).toBe("优");
  });

  test("a wrong 合计, a missing reason and a split that does not add up", () => {
    const total = result.findings.find((f) => f.kind === "mismatch" && f.message.startsWith("合计"))!;
    expect(total.cell).toBe("I21");
    expect(total.points).toBe(4);
    const missing = result.findings.filter((f) => f.kind === "missing-reason");
    expect(missing.map((f) => [f.cell, f.points])).toEqual([[byName(result, "资产管理规范性").scoreCell, 3]]);
    const split = result.findings.find((f) => f.kind === "invalid")!;
    expect(split.sheet).toBe("数据表");
    expect(split.message).toContain("582.04 + 政府性基金预算 200.00 + 其他收入 0.00 = 782.04 万元，与全年预算数 792.04 万元不符");
  });
});

test("the clean department scores 100 with nothing to mark but the checklists to confirm", async () => {
  const result = scoreWorkbook(await snapshotOfFile(CLEAN_FILE), profile);
  expect(result.total).toEqual({ max: 100, declared: 100, computed: 100, checked: { indicators: 9, of: 12, points: 75 } });
  expect(result.findings.map((f) => f.kind)).toEqual(["manual", "manual", "manual"]);
});

describe("tables checks", () => {
  const header = ["一级指标", "二级指标", "分值", "评分标准", "自评得分", "扣分原因"];
  test("weights not summing to 100, scores above the weight, negative and non-numeric scores", () => {
    const result = scoreWorkbook(
      workbook(
        sheet("表", [
          header,
          ["投入", "预算编制", 30, "", 32, ""],
          ["投入", "预算执行", 30, "", -1, "x"],
          ["产出", "数量", 35, "", "好", ""],
          ["合计", null, 95, null, null, null],
        ]),
      ),
      profile,
    );
    const kinds = result.findings.map((f) => [f.cell, f.kind]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ["E2", "invalid"],
        ["E3", "invalid"],
        ["E4", "invalid"],
        ["C5", "invalid"],
      ]),
    );
    expect(result.findings.find((f) => f.cell === "C5")!.message).toContain("不是 100 分（少 5 分）");
    expect(result.findings.find((f) => f.cell === "E4")!.message).toContain("“好”不是数字");
    expect(result.total.declared).toBe(31);
    // An over-weight declared score cannot count for more than the weight.
    expect(result.total.computed).toBe(30);
  });

  test("subtotal rows and weights in level names are checked", () => {
    const result = scoreWorkbook(
      workbook(
        sheet("表", [
          ["一级指标", "二级指标", "三级指标", "分值", "自评得分", "扣分原因"],
          ["决策（20分）", null, null, 20, 19, null],
          ["决策（20分）", "目标", "目标明确", 10, 10, null],
          ["决策（20分）", "目标", "指标量化", 12, 8, "未量化"],
          ["合计", null, null, 22, 18, null],
        ]),
      ),
      profile,
    );
    const messages = result.findings.map((f) => `${f.cell} ${f.kind} ${f.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^E2 mismatch “决策”小计得分写作 19 分，各指标自评得分相加为 18 分/),
        expect.stringMatching(/^D2 invalid “决策”小计分值写作 20 分，各指标分值相加为 22 分/),
        expect.stringMatching(/^A2 invalid “决策”名称中写明 20 分，其下指标分值合计 22 分/),
      ]),
    );
  });

  test("a deduction without a reason column is a missing reason", () => {
    const result = scoreWorkbook(workbook(sheet("表", [["指标名称", "分值", "得分"], ["预算执行率", 100, 90]])), profile);
    expect(result.findings.filter((f) => f.kind === "missing-reason")[0].message).toContain("本表没有扣分原因栏");
  });
});

describe("what cannot be scored", () => {
  test.each([
    ["an empty workbook", workbook()],
    ["sheets without a scoring header", workbook(sheet("Sheet1", [["项目", "金额"], ["预算", 100]]))],
  ])("%s → ScoringError in Chinese", (_, snapshot) => {
    expect(() => scoreWorkbook(snapshot, profile)).toThrow(ScoringError);
    expect(() => scoreWorkbook(snapshot, profile)).toThrow(/评分表需要有/);
  });
});

test("the data table is read wherever its labels stand, including crossings", async () => {
  const { data } = evaluateWorkbook(await snapshotOfFile(SEED_FILE), profile);
  const v = (f: string) => data.values.get(f);
  expect(v("全年预算数")).toMatchObject({ value: 792.04, cell: "B5", sheet: "数据表" });
  expect(v("一般公共预算")).toMatchObject({ value: 582.04 });
  expect(v("6月底支出进度")).toMatchObject({ value: 45.2, percent: true });
  expect(v("三公经费预算数")).toMatchObject({ value: 12, label: "“三公”经费合计·预算数" });
  expect(v("三公经费实际数")).toMatchObject({ value: 9.86 });
  expect(v("预算按时公开")).toMatchObject({ value: true });
});

describe("characters that show as nothing", () => {
  const INVISIBLE = ["\u200B", "\u200C", "\u200D", "\uFEFF", "\u00AD", "\u2060"];

  test("inside every text of the seed (headers, names, labels, criteria, figures written as text), change nothing", async () => {
    const clean = await snapshotOfFile(SEED_FILE);
    let k = 0;
    const salted = {
      sheets: clean.sheets.map((s) => ({
        ...s,
        values: s.values.map((row) => row.map((v) => (typeof v === "string" && v.length > 1 ? `${INVISIBLE[k++ % 6]}${v.slice(0, 1)}${INVISIBLE[k++ % 6]}${v.slice(1)}` : v))),
      })),
    };
    expect(k).toBeGreaterThan(100);
    expect(scoreWorkbook(salted, profile)).toEqual(scoreWorkbook(clean, profile));
  });

  test("an indicator name with a zero-width space matches the profile's indicator", () => {
    const rows = (name: string) => [["一级指标", "二级指标", "三级指标", "分值", "自评得分"], ["管理效率", "预算执行", name, 100, 100]];
    const plain = scoreWorkbook(workbook(sheet("评分表", rows("预算执行率"))), profile);
    const zw = scoreWorkbook(workbook(sheet("评分表", rows("预算\u200B执行\uFEFF率"))), profile);
    expect(zw.indicators[0].path).toEqual(["管理效率", "预算执行", "预算执行率"]);
    expect(zw.findings).toEqual(plain.findings);
    expect(plain.findings.some((f) => f.message.includes("预算执行率"))).toBe(true);
  });
});
