import type { Finding, FindingKind } from "../../src/core/model";
import { layoutFindings, stepFinding } from "../../src/ui/findingGroups";
import { KIND_ORDER, pointsText } from "../../src/ui/text";

function finding(kind: FindingKind, cell: string, indicatorPath?: string[]): Finding {
  return { kind, sheet: "评分表", cell, points: 1, message: cell, indicatorPath };
}

const all = new Set(KIND_ORDER);

describe("layoutFindings", () => {
  const findings = [
    finding("deduction", "F5", ["管理效率", "预算编制", "预算编制约束性"]),
    finding("invalid", "D20"),
    finding("missing-reason", "G5", ["管理效率", "预算编制", "预算编制约束性"]),
    finding("manual", "F9", ["整体效能", "产出"]),
  ];

  it("groups by indicator path in first-seen order, with path-less findings under 整体检查", () => {
    const { groups } = layoutFindings(findings, all);
    expect(groups.map((g) => g.title)).toEqual(["管理效率 / 预算编制 / 预算编制约束性", "整体检查", "整体效能 / 产出"]);
    expect(groups[0].items.map((i) => i.finding.cell)).toEqual(["F5", "G5"]);
  });

  it("numbers findings in display order, so navigation follows what is on screen", () => {
    const { groups, ordered } = layoutFindings(findings, all);
    expect(ordered.map((f) => f.cell)).toEqual(["F5", "G5", "D20", "F9"]);
    for (const g of groups) for (const i of g.items) expect(ordered[i.position]).toBe(i.finding);
  });

  it("shows only the chosen kinds and drops groups left empty", () => {
    const { groups, ordered } = layoutFindings(findings, new Set<FindingKind>(["deduction", "manual"]));
    expect(groups.map((g) => g.title)).toEqual(["管理效率 / 预算编制 / 预算编制约束性", "整体效能 / 产出"]);
    expect(ordered.map((f) => f.cell)).toEqual(["F5", "F9"]);
  });
});

describe("stepFinding", () => {
  const ordered = [finding("deduction", "A1"), finding("deduction", "A2"), finding("deduction", "A3")];

  it("starts at the first (下一处) or last (上一处) when nothing is current", () => {
    expect(stepFinding(ordered, null, 1)).toBe(ordered[0]);
    expect(stepFinding(ordered, null, -1)).toBe(ordered[2]);
  });

  it("moves by one and wraps around at both ends", () => {
    expect(stepFinding(ordered, ordered[0], 1)).toBe(ordered[1]);
    expect(stepFinding(ordered, ordered[2], 1)).toBe(ordered[0]);
    expect(stepFinding(ordered, ordered[0], -1)).toBe(ordered[2]);
  });

  it("restarts when the current finding was filtered out, and has nothing to give on an empty list", () => {
    expect(stepFinding(ordered, finding("manual", "Z9"), 1)).toBe(ordered[0]);
    expect(stepFinding([], null, 1)).toBeNull();
  });
});

describe("pointsText", () => {
  it("words points by kind", () => {
    expect(pointsText({ ...finding("deduction", "F5"), points: 2 })).toBe("扣 2 分");
    expect(pointsText({ ...finding("mismatch", "F5"), points: 1.5 })).toBe("自评比核算多 1.5 分");
    expect(pointsText({ ...finding("mismatch", "F5"), points: -1 })).toBe("自评比核算少 1 分");
    expect(pointsText({ ...finding("manual", "F5"), points: null })).toBeNull();
  });
});
