/** The 评分汇总 sheet laid out for reading and printing, and a 核算得分 column that adds up to its 合计. */
import path from "path";
import { round } from "../../src/core/decimal";
import { scoreWorkbook } from "../../src/core/engine";
import { SummaryCell } from "../../src/core/model";
import { summarySheetRows } from "../../src/core/plan/summarySheet";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CORPUS, corpusFile } from "../../scripts/corpus";
import { CLEAN_FILE, CONTRADICTING_FILE, SEED_FILE, snapshotOfFile } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");
const FILES = [SEED_FILE, CLEAN_FILE, CONTRADICTING_FILE, ...CORPUS.map(corpusFile)];

describe.each(FILES.map((f) => [path.basename(f), f]))("评分汇总 of %s", (_, file) => {
  let rows: SummaryCell[][];
  let widths: number[];
  let computed: number;
  beforeAll(async () => {
    const result = scoreWorkbook(await snapshotOfFile(file), profile);
    ({ rows, columnWidths: widths } = summarySheetRows(result, []));
    computed = result.total.computed;
  });

  const rowsBetween = (first: string, last: string) => {
    const from = rows.findIndex((r) => r[0]?.value === first);
    const to = rows.findIndex((r, i) => i > from && r[0]?.value === last);
    return rows.slice(from + 1, to);
  };

  test("every indicator row shows a 核算得分, and the column adds up to its 合计", () => {
    const indicators = rowsBetween("指标", "合计");
    expect(indicators.length).toBeGreaterThan(0);
    for (const r of indicators) expect(typeof r[3].value).toBe("number");
    const sum = round(indicators.reduce((s, r) => s + (r[3].value as number), 0), 2);
    expect(sum).toBe(computed);
    const total = rows.find((r) => r[0]?.value === "合计")!;
    expect(total[3].value).toBe(computed);
  });

  test("a 核算得分 the data could not check is told apart and explained", () => {
    for (const r of rowsBetween("指标", "合计")) {
      if (r[3].fill) expect(String(r[5].value)).toMatch(/^按自评计/);
    }
  });

  test("long texts sit in the wide column, wrapped; scores show as written (General)", () => {
    expect(Math.max(...widths)).toBe(widths[5]);
    const findings = rowsBetween("类型", "\u0000");
    for (const r of findings.filter((x) => x.length > 1)) {
      expect(r[5].wrap).toBe(true);
      expect(typeof r[5].value).toBe("string");
    }
    for (const r of rowsBetween("指标", "合计")) for (const c of r.slice(1, 5)) if (typeof c.value === "number") expect(c.numberFormat).toBe("General");
  });
});
