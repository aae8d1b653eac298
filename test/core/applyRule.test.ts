import { applyRule, RuleInput } from "../../src/core/rules/applyRule";
import { MetricValue } from "../../src/core/rules/metrics";
import { Rule } from "../../src/core/rules/profile";
import { recogniseCriterion } from "../../src/core/rules/recognise";
import { targetOutcome } from "../../src/core/rules/targets";

const pct = (value: number): MetricValue => ({ value, percent: true, kind: "percent", calculation: `值 ${value}%`, cells: [] });
const count = (value: number, unmet?: string[]): MetricValue => ({ value, percent: false, kind: "count", calculation: `次数 ${value}`, cells: [], ...(unmet ? { unmet } : {}) });
const score = (rule: Rule, input: Partial<RuleInput>) => applyRule(rule, { weight: 5, scale: 1, ...input }).score;

describe("threshold: linear per percentage point, floor 0", () => {
  const rule = recogniseCriterion("≤100%，计5分；每超过一个百分点扣0.5分，扣完为止")!;
  test.each([
    [90, 5],
    [100, 5],
    [100.5, 4.75],
    [101, 4.5],
    [103, 3.5],
    [110, 0],
    [150, 0],
  ])("%p%% → %p", (value, expected) => expect(score(rule, { metric: pct(value) })).toBe(expected));

  test("partial points counted as a whole point when the criterion says so", () => {
    const ceil = recogniseCriterion("≤100%得满分，每超过1个百分点扣1分，不足1个百分点的按1个百分点计算")!;
    expect(score(ceil, { metric: pct(100.2) })).toBe(4);
    expect(score({ ...ceil, partial: "floor" } as Rule, { metric: pct(101.9) })).toBe(4);
  });

  test("atLeast mirrors atMost", () => {
    const rule2 = recogniseCriterion("执行率≥95%得满分，每低于1个百分点扣1分")!;
    expect(score(rule2, { metric: pct(95) })).toBe(5);
    expect(score(rule2, { metric: pct(93) })).toBe(3);
    expect(score(rule2, { metric: pct(10) })).toBe(0);
  });

  test("the message shows the calculation", () => {
    const outcome = applyRule(rule, { weight: 5, scale: 1, metric: pct(103) });
    expect(outcome).toMatchObject({ score: 3.5 });
    expect((outcome as { calculation: string }).calculation).toContain("超过 100% 3 个百分点");
  });

  test("no data → not computable", () => expect(score(rule, {})).toBeNull());
});

describe("bands", () => {
  const rule = recogniseCriterion("≥90%，计5分；80%（含）-90%，计4分；60%（含）-80%，计2分；低于60%不得分")!;
  test.each([
    [100, 5],
    [90, 5],
    [89.99, 4],
    [80, 4],
    [79.99, 2],
    [60, 2],
    [59.99, 0],
  ])("%p%% → %p", (value, expected) => expect(score(rule, { metric: pct(value) })).toBe(expected));

  test("points scale with the sheet's weight for a profile rule, and never exceed it", () => {
    expect(applyRule(rule, { weight: 10, scale: 2, metric: pct(85) }).score).toBe(8);
    expect(applyRule(rule, { weight: 4, scale: 1, metric: pct(95) }).score).toBe(4);
  });
});

describe("per occurrence, floor 0", () => {
  const rule: Rule = { shape: "perOccurrence", pointsEach: 1 };
  test.each([
    [0, 5],
    [1, 4],
    [4, 1],
    [5, 0],
    [9, 0],
  ])("%p occurrences → %p", (n, expected) => expect(score(rule, { metric: count(n) })).toBe(expected));
});

describe("checklist", () => {
  const rule = recogniseCriterion("①部门预算按时公开，得2分；②部门决算按时公开，得2分；③绩效信息按时公开，得1分")!;
  test("unmet conditions cost their items' points", () => {
    expect(score(rule, { metric: count(0, []) })).toBe(5);
    expect(score(rule, { metric: count(1, ["绩效信息按时公开"]) })).toBe(4);
    expect(score(rule, { metric: count(2, ["部门预算按时公开", "部门决算按时公开"]) })).toBe(1);
  });
  test("per missing item with a floor", () => {
    const perItem: Rule = { shape: "checklist", pointsPerItem: 2 };
    expect(score(perItem, { metric: count(1) })).toBe(3);
    expect(score(perItem, { metric: count(3) })).toBe(0);
  });
  test("items without data cannot be checked", () => expect(score(rule, {})).toBeNull());
});

describe("proportional", () => {
  test("metric against a target, capped at the weight", () => {
    const rule: Rule = { shape: "proportional", target: 100 };
    expect(score(rule, { metric: pct(92) })).toBe(4.6);
    expect(score(rule, { metric: pct(100) })).toBe(5);
    expect(score(rule, { metric: pct(120) })).toBe(5);
    expect(score(rule, { metric: pct(0) })).toBe(0);
  });
  const target = (t: string, a: string) =>
    targetOutcome({ name: "", target: { sheet: "s", cell: "A1", value: t }, actual: { sheet: "s", cell: "B1", value: a } });
  test("per target rows: quantities, ≤ targets, qualitative results", () => {
    const rule: Rule = { shape: "proportional" };
    expect(applyRule(rule, { weight: 20, scale: 1, targets: [target("18家", "21家"), target("20家", "10家")] }).score).toBe(15);
    expect(applyRule(rule, { weight: 10, scale: 1, targets: [target("≤100万元", "125万元")] }).score).toBe(8);
    expect(applyRule(rule, { weight: 10, scale: 1, targets: [target("达成", "基本达成")] }).score).toBe(6);
    expect(applyRule(rule, { weight: 10, scale: 1, targets: [target("达成", "未达成")] }).score).toBe(0);
    expect(applyRule(rule, { weight: 10, scale: 1, targets: [target("≥95%", "98%")] }).score).toBe(10);
  });
  test("unreadable targets are not guessed", () => {
    expect(applyRule({ shape: "proportional" }, { weight: 10, scale: 1, targets: [target("较好", "见附件")] }).score).toBeNull();
  });
});

describe("binary", () => {
  const rule = recogniseCriterion("按时完成得5分，未完成不得分")!;
  test.each([
    [true, 5],
    [false, 0],
  ])("done=%p → %p", (done, expected) => {
    expect(score(rule, { metric: { value: done, percent: false, kind: "yesno", calculation: "", cells: [] } })).toBe(expected);
  });
});

test("manual never computes", () => expect(score({ shape: "manual" }, { metric: pct(100) })).toBeNull());
