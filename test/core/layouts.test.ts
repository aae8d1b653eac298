import { scoreWorkbook } from "../../src/core/engine";
import { ScoreResult } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CONTRADICTING_DEPARTMENT } from "../../scripts/examples/otherDepartments";
import { SEED_DEPARTMENT } from "../../scripts/examples/seedDepartment";
import { Layout, REORDERED_LAYOUT, STANDARD_LAYOUT } from "../../scripts/examples/writeWorkbook";
import { snapshotOfLayout } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");

/** What must not depend on the layout: the indicators, their scores, and the findings apart from cell addresses. */
function essence(r: ScoreResult) {
  return {
    unit: r.unit,
    year: r.year,
    total: r.total,
    indicators: r.indicators.map((i) => [i.path.join("/"), i.max, i.declared, i.computed]),
    findings: r.findings.map((f) => [f.kind, f.points, f.indicatorPath?.join("/") ?? null]),
  };
}

const LAYOUTS: [string, Layout][] = [
  ["merged names, title rows, weights in level-1 names", STANDARD_LAYOUT],
  ["no merges, reordered columns, header synonyms, offset from A1", REORDERED_LAYOUT],
  ["no title rows", { ...STANDARD_LAYOUT, titleRows: false }],
  [
    "no 分值 column: weights only in the indicator names",
    { ...STANDARD_LAYOUT, columns: STANDARD_LAYOUT.columns.filter((c) => c !== "weight"), weightsInLeafNames: true },
  ],
  [
    "columns in reverse order",
    { ...REORDERED_LAYOUT, columns: [...REORDERED_LAYOUT.columns].reverse(), mergeLevels: true },
  ],
];

describe.each([
  ["seed department", SEED_DEPARTMENT],
  ["contradicting department", CONTRADICTING_DEPARTMENT],
])("%s", (_, dept) => {
  let reference: ReturnType<typeof essence>;
  beforeAll(async () => {
    reference = essence(scoreWorkbook(await snapshotOfLayout(dept, STANDARD_LAYOUT), profile));
  });

  test.each(LAYOUTS)("parses identically: %s", async (_, layout) => {
    const result = scoreWorkbook(await snapshotOfLayout(dept, layout), profile);
    const got = essence(result);
    if (!layout.titleRows) {
      // Without title rows the sheet no longer states the unit; the data sheet's title still does.
      expect(got.unit).toBe(dept.unit);
    }
    expect(got).toEqual(reference);
    expect(reference.indicators).toHaveLength(12);
  });
});

test("a two-row header whose 指标 cell spans the level columns", () => {
  const twoRow = scoreWorkbook(
    {
      sheets: [
        {
          name: "自评表",
          visibility: "visible",
          protected: false,
          top: 0,
          left: 0,
          values: [
            ["指标", null, null, "分值", "得分"],
            ["一级指标", "二级指标", "三级指标", null, null],
            ["管理（100分）", "运行成本", "三公经费控制率", 60, 60],
            [null, "预算执行", "预算执行率", 40, 36],
            ["合计", null, null, 100, 96],
          ],
          merges: [
            { top: 0, left: 0, bottom: 0, right: 2 },
            { top: 0, left: 3, bottom: 1, right: 3 },
            { top: 0, left: 4, bottom: 1, right: 4 },
            { top: 2, left: 0, bottom: 3, right: 0 },
          ],
        },
      ],
    },
    profile,
  );
  expect(twoRow.indicators.map((i) => [i.path, i.max, i.declared, i.scoreCell])).toEqual([
    [["管理", "运行成本", "三公经费控制率"], 60, 60, "E3"],
    [["管理", "预算执行", "预算执行率"], 40, 36, "E4"],
  ]);
  expect(twoRow.findings.filter((f) => f.kind === "mismatch" || f.kind === "invalid")).toEqual([]);
});
