import { FIGURE_BOUND, invalidText, parseNumber, parsePoints, parseYesNo, POINTS_BOUND } from "../../src/core/text/numberText";
import { normaliseName, weightInName } from "../../src/core/text/names";
import { fmt, percentOf, round } from "../../src/core/decimal";
import { recogniseCriterion } from "../../src/core/rules/recognise";
import { ProfileError, validateProfile } from "../../src/core/rules/validateProfile";

describe("numbers as officers write them", () => {
  test.each([
    [5, 5, false],
    ["5分", 5, false],
    ["４.５", 4.5, false],
    [" 3 ", 3, false],
    ["95%", 95, true],
    ["９５％", 95, true],
    ["1,234.50万元", 1234.5, false],
    ["-2", -2, false],
    ["0.5 分", 0.5, false],
  ])("%p reads as %p", (input, value, percent) => {
    expect(parseNumber(input)).toEqual({ kind: "number", value, percent });
  });

  test.each([null, "", "—", "-", "/", "——", "无"])("%p reads as empty", (input) => {
    expect(parseNumber(input)).toEqual({ kind: "empty" });
  });

  test.each(["#REF!", "#DIV/0!", "五分", "好", true, "5分5"])("%p is not a number", (input) => {
    expect(parseNumber(input).kind).toBe("invalid");
  });

  test.each([1e308, -1e308, Infinity, NaN, Number.MAX_VALUE, 1.5e15, "9".repeat(400), "1".padEnd(30, "0") + "万元", "-1".padEnd(25, "0") + "%"])(
    "%p is beyond any figure: invalid, never arithmetic",
    (input) => {
      expect(parseNumber(input)).toMatchObject({ kind: "invalid", bound: FIGURE_BOUND });
    },
  );

  test("figures reach 10^15 (amounts in 元 of any department); scores and weights 10^9", () => {
    expect(parseNumber(1e15)).toEqual({ kind: "number", value: 1e15, percent: false });
    expect(parseNumber("792,040,000.50元")).toEqual({ kind: "number", value: 792040000.5, percent: false });
    expect(parsePoints(1e9)).toEqual({ kind: "number", value: 1e9, percent: false });
    expect(parsePoints(2e9)).toMatchObject({ kind: "invalid", text: "2000000000", bound: POINTS_BOUND });
    expect(parsePoints("五分")).toEqual({ kind: "invalid", text: "五分" });
  });

  test("messages say which is wrong: not a number, or beyond the range", () => {
    expect(invalidText({ kind: "invalid", text: "五分" })).toBe("“五分”不是数字");
    expect(invalidText(parsePoints(1e308) as { kind: "invalid"; text: string })).toBe("“1e+308”超出可计算的范围（绝对值应不超过 10 亿分）");
  });

  test.each([
    ["是", true],
    ["否", false],
    ["已公开", true],
    ["未公开", false],
    ["√", true],
    [1, true],
    [0, false],
    ["待定", null],
  ])("yes/no %p → %p", (input, expected) => {
    expect(parseYesNo(input)).toBe(expected);
  });
});

describe("names", () => {
  test.each([
    ["投入（20分）", 20],
    ["预算执行(10分)", 10],
    ["产出（２０分）", 20],
    ["整体效能", null],
    ["投入（99999999999分）", null],
  ])("weight in %p is %p", (name, weight) => {
    expect(weightInName(name)).toBe(weight);
  });

  test("normalised names compare equal across quotes, brackets, list numbers and 比率", () => {
    expect(normaliseName("“三公”经费控制率")).toBe(normaliseName("三公经费控制率（%）"));
    expect(normaliseName("1.预算执行率")).toBe(normaliseName("预算执行率"));
    expect(normaliseName("结转结余比率")).toBe(normaliseName("结转结余率"));
    expect(normaliseName("其中：一般公共预算")).toBe(normaliseName("一般公共预算"));
  });
});

describe("decimal rounding", () => {
  test("9.27 ÷ 9 is 103.00 %, not 103.0000000001 %", () => {
    expect(round((9.27 / 9) * 100, 2)).toBe(103);
    expect(round(1.005, 2)).toBe(1.01);
    expect(round(-1.005, 2)).toBe(-1.01);
    expect(fmt(4.5)).toBe("4.5");
    expect(fmt(91)).toBe("91");
    expect(fmt(3.3333)).toBe("3.33");
  });
});

describe("arithmetic never meets a number beyond range", () => {
  test("a ratio over a divisor too small to divide by is no percentage", () => {
    expect(percentOf(9.27, 9)).toBe(103);
    expect(percentOf(1, 0)).toBeNull();
    expect(percentOf(1e15, 5e-324)).toBeNull();
  });

  test.each([
    ["points 400 digits long", `每超过一个百分点扣${"9".repeat(400)}分`],
    ["a band limit of 10^30 %", `≥${"9".repeat(30)}%，计5分；低于90%不得分`],
    ["a unit of 0", "达12场得5分，每少0场扣1分"],
  ])("a criterion with %s is not recognised", (_what, criterion) => {
    expect(recogniseCriterion(criterion)).toBeNull();
  });

  const profile = (indicator: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: "x", name: "x", version: 1, amountUnit: "万元", dataFields: {}, metrics: {}, checks: [], indicators: [{ name: "a", path: [], rule: { shape: "manual" }, ...indicator }], ...extra });

  test("a profile's numbers beyond range are named, and weights lie between 0.01 and 10^9 points", () => {
    expect(() => validateProfile(profile({ weight: 1e308, rule: { shape: "threshold", limit: 1e300, direction: "atMost", perUnit: 1 } }))).toThrow(
      /indicators\[0\]\.rule\.limit：数值超出可计算的范围[\s\S]*indicators\[0\]\.weight：应为 0\.01 分到 10 亿分之间的分值/,
    );
    expect(() => validateProfile(profile({ weight: 1e-300 }))).toThrow(/weight：应为 0\.01 分到 10 亿分之间的分值/);
  });

  test("a profile nested beyond any real one is refused with a Chinese message, not a stack overflow", () => {
    let metric: unknown = { field: "x" };
    for (let i = 0; i < 100000; i++) metric = { firstOf: [metric] };
    expect(() => validateProfile(profile({ weight: 5 }, { metrics: { m: metric } }), "评分规则文件 deep.json ")).toThrow(new ProfileError("评分规则文件 deep.json 有误：内容嵌套超过 32 层，不是评分规则的结构"));
  });
});
