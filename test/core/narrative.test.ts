import { scoreWorkbook } from "../../src/core/engine";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CLEAN_FILE, CONTRADICTING_FILE, SEED_FILE, sheet, snapshotOfFile, workbook } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");

/** Traces of a template that was not filled: empty brackets, a unit with no number, words from code. */
const PLACEHOLDER = /undefined|null|NaN|\$\{|\{\}|（）|\(\)|“”|为万元|为。|为，|为%|：。|，。|。。|\s万元/;

/** The lines between one heading and the next heading of the same or a higher level. */
function section(text: string, start: RegExp, end: RegExp): string {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => start.test(l));
  const to = lines.findIndex((l, i) => i > from && end.test(l));
  return lines.slice(from, to === -1 ? undefined : to).join("\n");
}

describe("the seed department's draft", () => {
  let text: string;
  beforeAll(async () => {
    text = scoreWorkbook(await snapshotOfFile(SEED_FILE), profile).narrative!;
  });

  test("states the total and the grade", () => {
    expect(text).toContain("自评得分为91分，自评等级为“优”");
  });

  test("the budget paragraph states the seed's figures", () => {
    const budget = section(text, /^一、/, /^三、/);
    for (const figure of ["792.04万元", "582.04万元", "210万元", "441.04万元", "351万元"]) expect(budget).toContain(figure);
    expect(budget).toContain("一般公共预算财政拨款582.04万元");
    expect(budget).toContain("基本支出441.04万元，项目支出351万元");
  });

  test("every deduction appears with its points in its own area's paragraph", () => {
    const area = (name: string) => text.split("\n").find((l) => l.includes(`${name}方面：`))!;
    expect(area("预算资金支出进度")).toContain("“支出进度”扣1分");
    expect(area("预算编制")).toContain("“预算编制约束性”扣1分");
    expect(area("预算编制")).toContain("“绩效目标设置”扣2分");
    expect(area("采购管理")).toContain("“采购管理规范性”扣2分，扣分原因是未按规定及时公开采购意向");
    expect(area("资产管理")).toContain("“资产管理规范性”扣3分");
  });

  test("areas without deductions say so, with their facts", () => {
    const area = (name: string) => text.split("\n").find((l) => l.includes(`${name}方面：`))!;
    for (const name of ["产出", "效益", "预算执行", "信息公开", "运行成本"]) expect(area(name)).toContain("本方面各项指标均未扣分");
    expect(area("运行成本")).toContain("三公经费控制率为82.17%");
    expect(area("预算资金支出进度")).toContain("6月底支出进度为45.20%");
  });

  test("存在问题 has one item per distinct cause, and 改进措施 a matching remedy for each", () => {
    const problems = section(text, /^（三）存在问题/, /^（四）/).split("\n").slice(1);
    const remedies = section(text, /^（四）改进措施/, /^$/).split("\n").slice(1).filter(Boolean);
    expect(problems).toHaveLength(5);
    expect(remedies).toHaveLength(5);
    const assets = problems.findIndex((p) => p.includes("资产管理规范性"));
    expect(remedies[assets]).toMatch(/清查盘点/);
    const purchase = problems.findIndex((p) => p.includes("采购管理规范性"));
    expect(remedies[purchase]).toMatch(/采购意向/);
  });

  test("no template placeholder survives, and headings are numbered 一、（一）1.（1）", () => {
    expect(text).not.toMatch(PLACEHOLDER);
    expect(text).toMatch(/^一、部门整体支出情况$/m);
    expect(text).toMatch(/^（二）部门整体支出绩效指标分析$/m);
    expect(text).toMatch(/^1\.整体效能方面$/m);
    expect(text).toMatch(/^（1）产出方面：/m);
  });

  test("the same input gives byte-identical text", async () => {
    const again = scoreWorkbook(await snapshotOfFile(SEED_FILE), profile).narrative!;
    expect(Buffer.from(again).equals(Buffer.from(text))).toBe(true);
  });
});

test.each([CLEAN_FILE, CONTRADICTING_FILE])("no placeholder in %s", async (file) => {
  const text = scoreWorkbook(await snapshotOfFile(file), profile).narrative!;
  expect(text).not.toMatch(PLACEHOLDER);
});

test("the contradicting department: a cause found only by the data still gets its item", async () => {
  const text = scoreWorkbook(await snapshotOfFile(CONTRADICTING_FILE), profile).narrative!;
  const problems = section(text, /^（三）存在问题/, /^（四）/);
  expect(problems).toContain("“三公”经费实际支出超出预算。“三公经费控制率”按数据表核算应得2分，低于自评的5分");
  expect(problems).toContain("年末存在结转结余资金");
});

test("sparse data: no data table, no unit, no year — still grammatical", () => {
  const result = scoreWorkbook(
    workbook(
      sheet("自评", [
        ["一级指标", "二级指标", "分值", "自评得分", "扣分原因"],
        ["管理效率", "预算执行率", 50, 45, "执行偏慢"],
        ["管理效率", "资产管理规范性", 50, 50, null],
      ]),
    ),
    profile,
  );
  const text = result.narrative!;
  expect(text).not.toMatch(PLACEHOLDER);
  expect(text).not.toContain("部门整体支出情况"); // no budget figures, no budget paragraph
  expect(text).toContain("本单位本年度部门整体支出绩效自评得分为95分");
  expect(text).toContain("“预算执行率”扣5分，扣分原因是执行偏慢");
  expect(text).not.toMatch(/为\d*万元|为（/);
});

test("a department with nothing deducted says there is nothing to remedy", async () => {
  const text = scoreWorkbook(await snapshotOfFile(CLEAN_FILE), profile).narrative!;
  expect(section(text, /^（三）存在问题/, /^（四）/)).toContain("均未扣分");
});
