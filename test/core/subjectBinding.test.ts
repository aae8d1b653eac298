/**
 * Rules bind to their subject (issue 9): over random data tables and scoring tables whose indicator names and
 * criteria speak of different metrics, a sheet's rule about X reads only X's data, and every mismatch names the data
 * cells it used.
 */
import fc from "fast-check";
import { scoreWorkbook } from "../../src/core/engine";
import { CellValue, WorkbookSnapshot } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";

const profile = getBuiltInProfile("default");

/** Metrics a criterion may speak of, with the data labels (written as in a D1 table) their inputs go by. */
const SUBJECTS: Record<string, string[]> = {
  预算执行率: ["实际支出数", "全年预算数"],
  结转结余率: ["年末结转结余", "全年预算数"],
  在职人员控制率: ["在职人数", "编制数"],
  三公经费控制率: ["三公经费实际数", "三公经费预算数"],
  公用经费控制率: ["公用经费实际数", "公用经费预算数"],
  政府采购执行率: ["政府采购实际金额", "政府采购预算"],
  "11月底支出进度": ["11月底支出进度"],
};
const NAMES = Object.keys(SUBJECTS);
const LABELS = [...new Set(Object.values(SUBJECTS).flat())];

interface Row {
  name: string;
  subject: string;
  limit: number;
  atLeast: boolean;
  declared: number;
}

const rowArb = fc.record({
  name: fc.constantFrom(...NAMES),
  subject: fc.constantFrom(...NAMES),
  limit: fc.integer({ min: 50, max: 110 }),
  atLeast: fc.boolean(),
  declared: fc.integer({ min: 0, max: 10 }).map((x) => x / 2),
});
const dataArb = fc.dictionary(fc.constantFrom(...LABELS), fc.integer({ min: 1, max: 20000 }).map((x) => x / 100), { minKeys: 0, maxKeys: LABELS.length });

function snapshot(rows: Row[], data: Record<string, number>): WorkbookSnapshot {
  const labels = Object.keys(data);
  const dataValues: CellValue[][] = [["测试局2024年度部门整体支出绩效自评数据表", null], ...labels.map((l) => [l, l === "11月底支出进度" ? `${data[l]}%` : data[l]])];
  const criterion = (r: Row) => (r.atLeast ? `${r.subject}≥${r.limit}%，计5分；每低于一个百分点扣0.5分，扣完为止` : `${r.subject}≤${r.limit}%，计5分；每超过一个百分点扣0.5分，扣完为止`);
  const scoring: CellValue[][] = [["一级指标", "三级指标", "分值", "评分标准", "自评得分"], ...rows.map((r) => ["管理效率", r.name, 5, criterion(r), r.declared])];
  return {
    sheets: [
      { name: "数据表", visibility: "visible", protected: false, top: 0, left: 0, values: dataValues, merges: [] },
      { name: "评分表", visibility: "visible", protected: false, top: 0, left: 0, values: scoring, merges: [] },
    ],
  };
}

test("a sheet's rule about X reads only X's data, and every mismatch names the cells it used (400 runs)", () => {
  fc.assert(
    fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), dataArb, (rows, data) => {
      const result = scoreWorkbook(snapshot(rows, data), profile);
      const labels = Object.keys(data);
      const cellOf = (label: string) => `'数据表'!B${labels.indexOf(label) + 2}`;
      rows.forEach((r, i) => {
        const scoreCell = `E${i + 2}`;
        const inputs = SUBJECTS[r.subject];
        const own = result.findings.filter((f) => f.sheet === "评分表" && f.cell === scoreCell);
        const indicator = result.indicators.find((x) => x.scoreCell === scoreCell)!;
        const complete = inputs.every((l) => l in data);
        if (!complete) {
          // Without X's data the rule is not applied, whatever the data says about the indicator's own name.
          expect(indicator.computed).toBeNull();
          expect(own.some((f) => f.kind === "mismatch")).toBe(false);
          return;
        }
        expect(indicator.computed).not.toBeNull();
        for (const f of own.filter((x) => x.kind === "mismatch")) {
          const used = (f.related ?? []).filter((c) => c.startsWith("'数据表'"));
          expect(used.sort()).toEqual(inputs.map(cellOf).sort());
          expect(f.message).toContain(r.subject);
        }
      });
    }),
    { numRuns: 400 },
  );
});
