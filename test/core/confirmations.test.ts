/** 已核对 in the core: stored as rows of the backup table, applied to a run, unmarked but counted on 评分汇总. */
import { round } from "../../src/core/decimal";
import { scoreWorkbook } from "../../src/core/engine";
import { BackupRecord, Confirmation, WorkbookSnapshot } from "../../src/core/model";
import { decodeBackup, encodeBackup, formatCellFor } from "../../src/core/plan/backup";
import { summarySheetRows } from "../../src/core/plan/summarySheet";
import { planClear, planWrite } from "../../src/core/plan/writePlan";
import { confirm, reviewFindings } from "../../src/core/review/confirmations";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CONTRADICTING_FILE, snapshotOfFile } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");
const I14 = { sheet: "评分表", cell: "I14", kind: "deduction" } as const;
const AT = new Date("2026-12-01T09:30:00Z");

/** The snapshot as a host reads it after planWrite's backup was written. */
function withBackup(snapshot: WorkbookSnapshot, record: BackupRecord): WorkbookSnapshot {
  const rows = encodeBackup(record);
  const width = Math.max(...rows.map((r) => r.length));
  const values = rows.map((r) => Array.from({ length: width }, (_, c) => (r[c] === undefined || r[c] === "" ? null : r[c])));
  return { sheets: [...snapshot.sheets, { name: "ziping_备份", visibility: "veryHidden", protected: false, top: 0, left: 0, values, merges: [] }] };
}

describe("the backup table", () => {
  const confirmation: Confirmation = { ...I14, value: "3", note: "已核实，见附件", at: AT.toISOString() };
  const record: BackupRecord = { version: 1, summarySheet: "评分汇总", fills: [{ sheet: "评分表", cell: "I14", formatCell: formatCellFor(0) }], notes: [{ sheet: "评分表", cell: "I14" }], confirmations: [confirmation] };

  test("confirm rows read back as written, after the rows an earlier version knows", () => {
    const rows = encodeBackup(record);
    expect(rows.map((r) => r[0]).slice(2)).toEqual(["fill", "note", "summary", "confirm"]);
    expect(decodeBackup(rows)).toEqual(record);
  });

  test("a backup written before confirmations reads as one without any", () => {
    const earlier = encodeBackup({ ...record, confirmations: undefined });
    expect(decodeBackup(earlier)?.confirmations).toEqual([]);
  });
});

describe("a run with a confirmation", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await snapshotOfFile(CONTRADICTING_FILE);
  });

  test("the finding is counted but not marked; the backup keeps it; 清除标注 keeps it", () => {
    const confirmations = confirm([], I14, " 已核实 ", AT, snapshot);
    expect(confirmations).toEqual([{ ...I14, value: "3", note: "已核实", at: AT.toISOString() }]);
    const plain = scoreWorkbook(snapshot, profile);
    const result = scoreWorkbook(snapshot, profile, confirmations);
    expect(result.findings).toHaveLength(plain.findings.length);
    expect(result.total).toEqual(plain.total);
    const plan = planWrite(result, snapshot);
    expect(plan.marks.map((m) => m.cell)).not.toContain("I14");
    expect(plan.backup?.record.confirmations).toEqual(confirmations);
    // Read back from the workbook, it is applied without being passed.
    const next = withBackup(snapshot, plan.backup!.record);
    expect(scoreWorkbook(next, profile).findings.find((f) => f.cell === "I14")?.confirmed).toEqual({ note: "已核实", at: AT.toISOString() });
    expect(planClear(next)?.backup?.record).toMatchObject({ summarySheet: null, fills: [], notes: [], confirmations });
  });

  test("评分汇总 lists it under 已核对, its 核算得分 column still adds up, and long texts stay in the wide column", () => {
    const result = scoreWorkbook(snapshot, profile, confirm([], I14, "", AT, snapshot));
    const { rows } = summarySheetRows(result, []);
    const at = rows.findIndex((r) => String(r[0]?.value).startsWith("已核对（1 处"));
    expect(at).toBeGreaterThan(0);
    expect(rows[at + 2].slice(0, 4).map((c) => c.value)).toEqual(["扣分", "评分表", "I14", "3"]);
    expect(rows[at + 2][5].wrap).toBe(true);
    const from = rows.findIndex((r) => r[0]?.value === "指标");
    const to = rows.findIndex((r) => r[0]?.value === "合计");
    const sum = round(rows.slice(from + 1, to).reduce((s, r) => s + (r[3].value as number), 0), 2);
    expect(sum).toBe(result.total.computed);
    expect(rows[to][3].value).toBe(result.total.computed);
  });

  test("a confirmation whose finding is gone stands while its value does; one whose value changed goes quietly", () => {
    const stored = confirm([], I14, "", AT, snapshot);
    expect(reviewFindings([], stored, snapshot)).toEqual({ findings: [], standing: stored, lapsed: [] });
    expect(reviewFindings([], [{ ...stored[0], value: "4" }], snapshot)).toEqual({ findings: [], standing: [], lapsed: [] });
  });
});
