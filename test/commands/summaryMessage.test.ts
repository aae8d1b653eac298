import type { Finding, FindingKind, ScoreResult } from "../../src/core/model";
import { clearSummaryMessage, failureMessage, scoreSummaryMessage } from "../../src/commands/summaryMessage";
import type { RunReport } from "../../src/addin/service";

function finding(kind: FindingKind): Finding {
  return { kind, sheet: "评分表", cell: "F5", points: 1, message: "" };
}

function report(findings: Finding[], overrides: Partial<RunReport> = {}): RunReport {
  const result: ScoreResult = {
    unit: "雷州市科工贸和信息化局",
    year: 2024,
    total: { max: 100, declared: 91, computed: 89.5, checked: { indicators: 9, of: 12, points: 75 } },
    grade: "良",
    declaredGrade: "优",
    indicators: [],
    findings,
    profile: "default",
    scoringSheets: ["评分表"],
    dataSheets: [],
  };
  return {
    result,
    marked: findings.length,
    summarySheet: "评分汇总",
    skippedProtectedSheets: [],
    notesMode: "notes",
    syncs: 3,
    fingerprint: "0",
    ...overrides,
  };
}

describe("scoreSummaryMessage", () => {
  it("states both totals with their grades and counts findings by kind in display order", () => {
    const findings = [
      ...Array.from({ length: 6 }, () => finding("deduction")),
      finding("mismatch"),
      finding("mismatch"),
    ];
    expect(scoreSummaryMessage(report(findings))).toBe(
      "自评 91 分（优），核算 89.5 分（良），已核实 9/12 项（75/100 分），发现 6 处扣分、2 处不一致。详见工作表“评分汇总”。"
    );
  });

  it("says so when nothing was found, and names the summary sheet actually written", () => {
    expect(scoreSummaryMessage(report([], { summarySheet: "评分汇总(2)" }))).toBe(
      "自评 91 分（优），核算 89.5 分（良），已核实 9/12 项（75/100 分），未发现问题。详见工作表“评分汇总(2)”。"
    );
  });

  it("lists every kind present, including the ones needing a person", () => {
    const message = scoreSummaryMessage(report([finding("manual"), finding("invalid"), finding("missing-reason")]));
    expect(message).toContain("发现 1 处缺少扣分说明、1 处数据错误、1 处需人工确认。");
  });

  it("says how many findings are confirmed and which confirmations lapsed", () => {
    const confirmed = { ...finding("deduction"), confirmed: { note: "", at: "2026-12-01T09:30:00Z" } };
    const r = report([confirmed, finding("deduction")]);
    r.result.lapsedConfirmations = [{ sheet: "评分表", cell: "F6", kind: "manual", value: "4", valueNow: "5", note: "", at: "2026-12-01T09:30:00Z" }];
    const message = scoreSummaryMessage(r);
    expect(message).toContain("发现 2 处扣分（其中 1 处已核对）。");
    expect(message).toContain("评分表!F6 的“已核对”（需人工确认）已失效：单元格的值由“4”改为“5”");
  });

  it("warns about protected sheets that were left unmarked", () => {
    const message = scoreSummaryMessage(report([finding("deduction")], { skippedProtectedSheets: ["评分表", "数据表"] }));
    expect(message.endsWith("工作表 评分表、数据表 受保护，未作标注。")).toBe(true);
  });
});

describe("clearSummaryMessage", () => {
  it("counts restored cells and names removed sheets, but not our hidden backup sheet", () => {
    expect(clearSummaryMessage({ restoredCells: 12, removedSheets: ["评分汇总", "ziping_备份"], keptConfirmations: 0, syncs: 2 })).toBe(
      "已清除 12 处标注，删除工作表 评分汇总。"
    );
  });

  it("says there was nothing to clear", () => {
    expect(clearSummaryMessage({ restoredCells: 0, removedSheets: [], keptConfirmations: 0, syncs: 1 })).toBe("没有需要清除的标注。");
  });

  it("says that the 已核对 marks were kept for the next run", () => {
    expect(clearSummaryMessage({ restoredCells: 4, removedSheets: ["评分汇总"], keptConfirmations: 2, syncs: 3 })).toBe(
      "已清除 4 处标注，删除工作表 评分汇总；保留 2 处“已核对”记录，重新评分时沿用。"
    );
  });
});

describe("failureMessage", () => {
  it("passes on the engine's Chinese message", () => {
    expect(failureMessage("评分", new Error("未找到评分表：没有含“自评得分”的表头"))).toBe(
      "评分未完成：未找到评分表：没有含“自评得分”的表头"
    );
  });

  it("never shows an empty reason", () => {
    expect(failureMessage("清除标注", undefined)).toBe("清除标注未完成：发生未知错误");
  });
});

test("a computed total that the data confirms nowhere says so instead of reading as verified", () => {
  const r = report([]);
  r.result.total.checked = { indicators: 0, of: 16, points: 0 };
  expect(scoreSummaryMessage(r)).toContain("核算 89.5 分（良），未核实任何指标（0/16 项），核算分全部按自评分计");
});
