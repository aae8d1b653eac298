import { recogniseCriterion } from "../../src/core/rules/recognise";

describe("criterion phrasings → rule shapes", () => {
  test.each([
    ["≤100%，计5分；每超过一个百分点扣0.5分，扣完为止", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 0.5 }],
    ["“三公”经费控制率≤100%，得5分；每超过1个百分点扣1分，扣完为止", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 1 }],
    ["执行率≥95%得满分，每低于1个百分点扣0.2分", { shape: "threshold", limit: 95, direction: "atLeast", perUnit: 0.2 }],
    ["≤100%得满分，每超过1个百分点扣1分，不足1个百分点的按1个百分点计算", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 1, partial: "ceil" }],
    ["每出现一例不符合要求的扣1分，扣完为止", { shape: "perOccurrence", pointsEach: 1 }],
    ["年中追加或调剂预算（政策性调整除外）每发生一次扣1分，扣完为止", { shape: "perOccurrence", pointsEach: 1 }],
    ["每有一个时间节点未达到扣1分", { shape: "perOccurrence", pointsEach: 1 }],
    ["发现违规问题的，每发现一处扣0.5分", { shape: "perOccurrence", pointsEach: 0.5 }],
    ["每少一项扣1分", { shape: "checklist", pointsPerItem: 1 }],
    ["预算、决算、绩效信息应按时公开，每缺一项扣2分", { shape: "checklist", pointsPerItem: 2 }],
    ["得分=完成值/目标值×分值", { shape: "proportional" }],
    ["按实际完成比例计分，最高不超过分值", { shape: "proportional" }],
    ["得分=预算执行率×该指标分值", { shape: "proportional" }],
    ["按时完成得5分，未完成不得分", { shape: "binary" }],
    ["建立制度的得2分，否则不得分", { shape: "binary" }],
  ])("%s", (text, expected) => {
    expect(recogniseCriterion(text)).toEqual(expected);
  });

  test("circled checklist items with their points", () => {
    expect(recogniseCriterion("①绩效目标明确，得2分；②绩效指标细化，得1.5分；③绩效指标量化，得1.5分")).toEqual({
      shape: "checklist",
      items: [
        { name: "绩效目标明确", points: 2 },
        { name: "绩效指标细化", points: 1.5 },
        { name: "绩效指标量化", points: 1.5 },
      ],
    });
  });

  test("bands with （含） on either bound and legal 以上/以下", () => {
    expect(recogniseCriterion("≥90%，计5分；80%（含）-90%，计4分；60%（含）-80%，计2分；低于60%不得分")).toEqual({
      shape: "bands",
      bands: [
        { min: 90, minInclusive: true, points: 5 },
        { min: 80, minInclusive: true, max: 90, maxInclusive: false, points: 4 },
        { min: 60, minInclusive: true, max: 80, maxInclusive: false, points: 2 },
        { max: 60, maxInclusive: false, points: 0 },
      ],
    });
    expect(recogniseCriterion("结转结余率为0的得5分；0-5%（含）得4分；5%-10%（含）得2分；10%以上不得分")).toEqual({
      shape: "bands",
      bands: [
        { min: 0, max: 0, points: 5 },
        { min: 0, minInclusive: false, max: 5, maxInclusive: true, points: 4 },
        { min: 5, minInclusive: false, max: 10, maxInclusive: true, points: 2 },
        { min: 10, minInclusive: true, points: 0 },
      ],
    });
  });

  test.each([null, "", "根据实际情况酌情评分", "由评价小组综合评定"])("%p is not recognised (manual)", (text) => {
    expect(recogniseCriterion(text)).toBeNull();
  });
});
