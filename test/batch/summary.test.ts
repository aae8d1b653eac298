import ExcelJS from "exceljs";
import { batchJson } from "../../src/batch/batchJson";
import { batchSummaryHtml } from "../../src/batch/summaryPage";
import { BatchEntry, BatchFailure, departmentRows, findingRows, gradeCounts, kindTotals, scoreBands } from "../../src/batch/summaryRows";
import { batchSummaryWorkbook, SHEETS } from "../../src/batch/summaryWorkbook";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { scoreXlsx } from "../../src/workbook/scoreXlsx";
import { departmentBytes } from "../helpers/departments";

const profile = getBuiltInProfile("default");
let entries: BatchEntry[];
const failures: BatchFailure[] = [
  { file: "坏/残缺.xlsx", message: "残缺.xlsx：文件已损坏（压缩包不完整或有误），无法打开" },
  { file: "报告.xlsx", message: "报告.xlsx：不是 Excel 工作簿" },
  { file: "说明.xlsx", message: "无法读取 说明.xlsx：没有读取权限" },
];

/** Six generated departments: clean (100), deducting (93, 94), contradicting (92 → 85.6, 93 → 86.6), clean again. */
beforeAll(async () => {
  entries = [];
  for (let n = 0; n < 6; n++) {
    const file = n === 4 ? `子目录/单位 #${n + 1}.xlsx` : `单位${n + 1}.xlsx`;
    const { result } = await scoreXlsx(await departmentBytes(n), file, profile, false);
    entries.push({ file, output: n === 5 ? null : file, result, copyLacks: n === 1 ? ["图表 1 个"] : [] });
  }
});

function cellText(v: ExcelJS.CellValue): unknown {
  return v && typeof v === "object" && "text" in v ? v.text : v;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, r) => (rows[r - 1] = (row.values as ExcelJS.CellValue[]).slice(1).map(cellText)));
  return rows;
}

describe("rows", () => {
  test("departments are ranked by computed score; equal scores share a rank and keep file order", () => {
    const rows = departmentRows(entries);
    expect(rows.map((r) => [r.rank, r.entry.file, r.entry.result.total.computed])).toEqual([
      [1, "单位1.xlsx", 100],
      [1, "单位4.xlsx", 100],
      [3, "子目录/单位 #5.xlsx", 94],
      [4, "单位2.xlsx", 93],
      [5, "单位6.xlsx", 86.6],
      [6, "单位3.xlsx", 85.6],
    ]);
    const contradicting = rows.find((r) => r.entry.file === "单位3.xlsx")!;
    expect(contradicting.difference).toBeCloseTo(6.4);
    expect(contradicting.counts).toEqual({ deduction: 5, mismatch: 6, "missing-reason": 0, invalid: 1, manual: 0 });
    expect(contradicting.checked).toBe("已核实 9/12 项（75/100 分）");
  });

  test("grades, kinds and bands are counted over every department", () => {
    expect(gradeCounts(entries)).toEqual([
      { grade: "优", count: 4 },
      { grade: "良", count: 2 },
      { grade: "中", count: 0 },
      { grade: "差", count: 0 },
    ]);
    expect(kindTotals(entries)).toEqual([
      { kind: "deduction", count: 19, departments: 4 },
      { kind: "mismatch", count: 12, departments: 2 },
      { kind: "manual", count: 7, departments: 3 },
      { kind: "invalid", count: 2, departments: 2 },
    ]);
    const bands = Object.fromEntries(scoreBands(entries).map((b) => [b.label, b.count]));
    expect(bands).toMatchObject({ "60 以下": 0, "85–90": 2, "90–95": 2, "95–100": 2 });
    expect(Object.keys(bands)).not.toContain("100 以上");
  });

  test("every finding of every department is a row, in ranked order", () => {
    const rows = findingRows(entries);
    expect(rows).toHaveLength(entries.reduce((n, e) => n + e.result.findings.length, 0));
    expect(rows[0].unit).toBe("示例第1号单位");
    expect(rows[rows.length - 1].unit).toBe("示例第3号单位");
    expect(rows.find((r) => r.kind === "deduction")!.indicator).toMatch(/^\S+ \/ \S+ \/ \S+$/);
  });

  test("the JSON lists files in their order with counts, and failures with their messages", () => {
    const json = batchJson(entries, failures);
    expect(json.files.map((f) => f.file)).toEqual(entries.map((e) => e.file));
    expect(Object.keys(json.files[0]).sort()).toEqual(["copyLacks", "counts", "declaredGrade", "file", "grade", "output", "total", "unit", "year"]);
    expect(json.files[2]).toMatchObject({ unit: "示例第3号单位", year: 2024, grade: "良", total: { declared: 92, computed: 85.6 }, counts: { mismatch: 6 } });
    expect(json.failed).toEqual(failures);
  });
});

describe("评分汇总表.xlsx", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await batchSummaryWorkbook(entries, failures)) as unknown as ArrayBuffer);
  });

  test("three sheets: ranking, findings, failures", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([SHEETS.ranking, SHEETS.findings, SHEETS.failures]);
  });

  test("the ranking has a row per department with scores, grade, what was checked, counts and a link to the copy", () => {
    const ws = wb.getWorksheet(SHEETS.ranking)!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual(["名次", "单位名称", "评价年度", "自评得分", "核算得分", "差异（自评−核算）", "等级（核算）", "已核实", "扣分", "不一致", "缺少扣分说明", "数据错误", "需人工确认", "文件（点击打开评分后的副本）", "副本未能保留"]);
    expect(rows.slice(1, 7).map((r) => [r[0], r[1], r[4], r[6], r[13]])).toEqual([
      [1, "示例第1号单位", 100, "优", "单位1.xlsx"],
      [1, "示例第4号单位", 100, "优", "单位4.xlsx"],
      [3, "示例第5号单位", 94, "优", "子目录/单位 #5.xlsx"],
      [4, "示例第2号单位", 93, "优", "单位2.xlsx"],
      [5, "示例第6号单位", 86.6, "良", "单位6.xlsx"],
      [6, "示例第3号单位", 85.6, "良", "单位3.xlsx"],
    ]);
    expect(rows[6].slice(2, 13)).toEqual([2024, 92, 85.6, expect.closeTo(6.4, 9), "良", "已核实 9/12 项（75/100 分）", 5, 6, 0, 1, 0]);
    expect(rows[4][14]).toBe("图表 1 个");
    // Links relative to the summary's folder, with what would bend a link escaped; a department without a copy has none.
    expect((ws.getCell("N4").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("子目录/单位%20%235.xlsx");
    expect((ws.getCell("N2").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe("单位1.xlsx");
    expect(ws.getCell("N6").value).toBe("单位6.xlsx");
  });

  test("the ranking's header is frozen and filtered, its scores carry data bars, and the grades are counted below", () => {
    const ws = wb.getWorksheet(SHEETS.ranking)!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(ws.autoFilter).toBe("A1:O7");
    const bars = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings;
    expect(bars.map((b) => [b.ref, b.rules[0].type])).toEqual([["D2:D7", "dataBar"], ["E2:E7", "dataBar"]]);
    const rows = sheetRows(ws);
    expect(rows[8][1]).toBe("等级分布（按核算得分）");
    expect(rows.slice(9, 15).map((r) => r.slice(1, 4))).toEqual([["等级", "单位数", "占比"], ["优", 4, 4 / 6], ["良", 2, 2 / 6], ["中", 0, 0], ["差", 0, 0], ["合计", 6]]);
  });

  test("the findings sheet lists each finding with its unit, kind, points and a link to its cell in the copy", () => {
    const ws = wb.getWorksheet(SHEETS.findings)!;
    const rows = sheetRows(ws);
    expect(rows[0]).toEqual(["单位名称", "指标", "类型", "分数", "说明", "位置（点击打开）", "文件"]);
    expect(rows).toHaveLength(1 + findingRows(entries).length);
    expect(ws.autoFilter).toBe(`A1:G${rows.length}`);
    const first = findingRows(entries)[0];
    expect(rows[1]).toEqual([first.unit, first.indicator, "需人工确认", first.points ?? undefined, first.message, `${first.sheet}!${first.cell}`, "单位1.xlsx"]);
    expect((ws.getCell("F2").value as ExcelJS.CellHyperlinkValue).hyperlink).toBe(`单位1.xlsx#'${first.sheet}'!${first.cell}`);
    expect(rows.filter((r) => r[2] === "不一致")).toHaveLength(12);
  });

  test("every sheet prints A4 landscape one page wide with its header on each page; rows fit their wrapped text", () => {
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1" });
    }
    const findings = wb.getWorksheet(SHEETS.findings)!;
    // 80–100 characters, mostly Chinese (two width units each), take three lines of the 70-wide column: 3 × 16 points.
    const long = findingRows(entries).findIndex((f) => f.message.length > 80 && f.message.length < 100);
    expect(findings.getRow(long + 2).height).toBe(48);
    expect(wb.getWorksheet(SHEETS.failures)!.getRow(2).height).toBeUndefined();
  });

  test("the failures sheet lists each file and why", () => {
    expect(sheetRows(wb.getWorksheet(SHEETS.failures)!)).toEqual([
      ["文件", "未能评分的原因"],
      ["坏/残缺.xlsx", "文件已损坏（压缩包不完整或有误），无法打开"],
      ["报告.xlsx", "不是 Excel 工作簿"],
      ["说明.xlsx", "无法读取 说明.xlsx：没有读取权限"],
    ]);
  });

  test("with no failures the sheet says so", async () => {
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.load((await batchSummaryWorkbook(entries.slice(0, 1), [])) as unknown as ArrayBuffer);
    expect(sheetRows(empty.getWorksheet(SHEETS.failures)!)).toEqual([["文件", "未能评分的原因"], ["（没有未能评分的文件）"]]);
  });
});

describe("评分汇总.html", () => {
  const hostile = "<script>alert('x')</script>&\"局\"";
  let html: string;
  beforeAll(() => {
    const named = entries.map((e, i) => (i === 2 ? { ...e, result: { ...e.result, unit: hostile } } : e));
    html = batchSummaryHtml(named, [...failures, { file: "<img src=x>.xlsx", message: "无法读取 <b>" }]);
  });

  test("ranks departments with both scores, shows the histogram, the frequent kinds and the failures", () => {
    const order = ["示例第1号单位", "示例第4号单位", "示例第5号单位", "示例第2号单位", "示例第6号单位", "&lt;script&gt;"].map((u) => html.indexOf(u));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]))).toBe(true);
    expect(html).toContain('aria-label="核算得分分布"');
    expect(html).toMatch(/<td>不一致<\/td>|不一致<\/td><td class="n">12 处/);
    expect(html).toContain("未能评分的文件（4 个）");
    expect(html).toContain('<a href="子目录/单位%20%235.xlsx">');
  });

  test("escapes every text from a workbook or a file name", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;局&quot;");
  });

  test("is self-contained: no external address, no script, no resource to load, and a policy that forbids loading", () => {
    expect(html).not.toMatch(/https?:|\/\/|url\(|@import|<script|<link|<img|<iframe|<object|<embed|<[^>]*\ssrc=/i);
    const links = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(links).toEqual(["单位1.xlsx", "单位4.xlsx", "子目录/单位%20%235.xlsx", "单位2.xlsx", "单位3.xlsx"]);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });
});
