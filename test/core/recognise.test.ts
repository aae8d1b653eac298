import { recogniseCriterion } from "../../src/core/rules/recognise";

describe("criterion phrasings → rule shapes, with the subject each speaks of", () => {
  test.each([
    ["≤100%，计5分；每超过一个百分点扣0.5分，扣完为止", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 0.5, percent: true }],
    ["“三公”经费控制率≤100%，得5分；每超过1个百分点扣1分，扣完为止", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 1, subject: "三公经费控制率", percent: true }],
    ["执行率≥95%得满分，每低于1个百分点扣0.2分", { shape: "threshold", limit: 95, direction: "atLeast", perUnit: 0.2, subject: "执行率", percent: true }],
    ["≤100%得满分，每超过1个百分点扣1分，不足1个百分点的按1个百分点计算", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 1, partial: "ceil", percent: true }],
    ["每出现一例不符合要求的扣1分，扣完为止", { shape: "perOccurrence", pointsEach: 1, subject: "不符合要求的", percent: false }],
    ["年中追加或调剂预算（政策性调整除外）每发生一次扣1分，扣完为止", { shape: "perOccurrence", pointsEach: 1, subject: "年中追加或调剂预算(政策性调整除外)", percent: false }],
    ["每有一个时间节点未达到扣1分", { shape: "perOccurrence", pointsEach: 1, subject: "时间节点未达到", percent: false }],
    ["发现违规问题的，每发现一处扣0.5分", { shape: "perOccurrence", pointsEach: 0.5, subject: "发现违规问题", percent: false }],
    ["每少一项扣1分", { shape: "checklist", pointsPerItem: 1 }],
    ["预算、决算、绩效信息应按时公开，每缺一项扣2分", { shape: "checklist", pointsPerItem: 2 }],
    ["得分=完成值/目标值×分值", { shape: "proportional" }],
    ["按实际完成比例计分，最高不超过分值", { shape: "proportional" }],
    ["得分=预算执行率×该指标分值", { shape: "proportional", subject: "预算执行率", percent: true }],
    ["按时完成得5分，未完成不得分", { shape: "binary", subject: "按时完成" }],
    ["建立制度的得2分，否则不得分", { shape: "binary", subject: "建立制度" }],
  ])("%s", (text, expected) => {
    expect(recogniseCriterion(text)).toEqual(expected);
  });

  // INDICATORS.md §3: the catalogue of real phrasings (and the [SYN] band phrasings), by shape and subject.
  test.each([
    ["T1", "以100%为标准。在职人员控制率≤100%,计1分;每超过一个百分点扣0.1分,扣完为止。", { shape: "threshold", limit: 100, direction: "atMost", perUnit: 0.1, subject: "在职人员控制率" }],
    ["T2", "“三公经费”变动率≤0,计3分;“三公经费”>0,每超过一个百分点扣0.3分,扣完为止。", { shape: "threshold", limit: 0, direction: "atMost", perUnit: 0.3, subject: "三公经费变动率" }],
    ["T3", "“公务招待费”变动率≤0,计2分;“公务招待费变动率”>0,每超过一个百分点扣0.2分,扣完为止。", { shape: "threshold", limit: 0, perUnit: 0.2, subject: "公务招待费变动率" }],
    ["T4 (≦)", "在职人员控制率≦100%，计1分；每超过一个百分点扣0.1分", { shape: "threshold", limit: 100, subject: "在职人员控制率" }],
    ["time node", "11月底支出进度≥90%，计5分；每低于一个百分点扣0.5分", { shape: "threshold", limit: 90, direction: "atLeast", perUnit: 0.5, subject: "11月底支出进度", percent: true }],
    ["每高1个百分点", "结转结余率≤2%得5分，每高1个百分点扣1分", { shape: "threshold", limit: 2, direction: "atMost", perUnit: 1, subject: "结转结余率" }],
    ["O1 shortfall", "本指标满分6分,开展全市地震监测台站运维情况抽查数量达9个得6分,少检查一个扣1分,扣完为止。", { shape: "threshold", limit: 9, direction: "atLeast", perUnit: 1, percent: false }],
    ["O2 shortfall", "本指标满分6分,开展防震减灾科普进社区活动场数达10场得6分,少一场扣1分,扣完为止。", { shape: "threshold", limit: 10, direction: "atLeast", perUnit: 1, percent: false }],
    ["O5 per occurrence", "财务管理存在违规问题的，每发现一处扣1分，扣完为止", { shape: "perOccurrence", pointsEach: 1, subject: "财务管理存在违规问题" }],
    ["R1 proportional", "完成值/目标值×分值", { shape: "proportional" }],
    ["C1 checklist", "①招待费用明确招待标准和招待人数,1分;②车辆维护、燃油使用政府定点,1分。③制定“三公经费”管理办法,1分,每少一项扣1分,扣完为止。", { shape: "checklist", pointsPerItem: 1 }],
    ["B5-like one band and the rest", "≤100%得5分，超出不得分", { shape: "bands", bands: [{ max: 100, maxInclusive: true, points: 5 }, { min: 100, minInclusive: false, points: 0 }] }],
  ])("%s: %s", (_, text, expected) => {
    expect(recogniseCriterion(text)).toMatchObject(expected);
  });

  test("a list of time nodes, each with its own bound", () => {
    expect(recogniseCriterion("6月底、9月底、11月底累计支出进度分别达到50%、75%、90%，每有一个时间节点未达到扣1分")).toEqual({
      shape: "perOccurrence",
      pointsEach: 1,
      conditions: [
        { subject: "6月底累计支出进度", atLeast: 50 },
        { subject: "9月底累计支出进度", atLeast: 75 },
        { subject: "11月底累计支出进度", atLeast: 90 },
      ],
      percent: true,
    });
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
      percent: true,
    });
    expect(recogniseCriterion("结转结余率为0的得5分；0-5%（含）得4分；5%-10%（含）得2分；10%以上不得分")).toEqual({
      shape: "bands",
      bands: [
        { min: 0, max: 0, points: 5 },
        { min: 0, minInclusive: false, max: 5, maxInclusive: true, points: 4 },
        { min: 5, minInclusive: false, max: 10, maxInclusive: true, points: 2 },
        { min: 10, minInclusive: true, points: 0 },
      ],
      subject: "结转结余率",
      percent: true,
    });
  });

  test("[SYN] bands: bounds around the name, 满分 and a share of the weight, (不含), and unmarked ranges", () => {
    expect(recogniseCriterion("结转结余率为0，得4分；0＜结转结余率≤3%，得3分；3%＜结转结余率≤6%，得1分；超过6%不得分。")).toMatchObject({
      subject: "结转结余率",
      bands: [
        { min: 0, max: 0, points: 4 },
        { min: 0, minInclusive: false, max: 3, maxInclusive: true, points: 3 },
        { min: 3, minInclusive: false, max: 6, maxInclusive: true, points: 1 },
        { min: 6, minInclusive: false, points: 0 },
      ],
    });
    expect(recogniseCriterion("满意度≧90%的，得满分；80%－90%（不含）的，得60%分值；低于80%不得分。")).toMatchObject({
      subject: "满意度",
      bands: [{ min: 90, share: 1 }, { min: 80, minInclusive: true, max: 90, maxInclusive: false, share: 0.6 }, { max: 80, points: 0 }],
    });
    expect(recogniseCriterion("支出进度达到95%（含）以上得5分；85%至95%得3分；85%以下不得分。")).toMatchObject({
      subject: "支出进度",
      bands: [{ min: 95, points: 5 }, { min: 85, max: 95, unmarked: true, points: 3 }, { max: 85, points: 0 }],
    });
  });

  test.each([
    null,
    "",
    "根据实际情况酌情评分",
    "由评价小组综合评定",
    // A cap on the total score (INDICATORS B1) awards no points to an indicator.
    "执行率为70%至80%的,绩效自评不超过89分;执行率为60驰至70%的,绩效自评不超过79分",
  ])("%p is not recognised (manual)", (text) => {
    expect(recogniseCriterion(text)).toBeNull();
  });
});
