import { parseNumber, parseYesNo } from "../../src/core/text/numberText";
import { normaliseName, weightInName } from "../../src/core/text/names";
import { fmt, round } from "../../src/core/decimal";

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
