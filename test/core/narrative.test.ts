import path from "path";
import { scoreWorkbook } from "../../src/core/engine";
import { fromA1 } from "../../src/core/grid/address";
import { ScoreResult, WorkbookSnapshot } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CORPUS, corpusFile } from "../../scripts/corpus";
import { CLEAN_FILE, CONTRADICTING_FILE, SEED_FILE, sheet, snapshotOfFile, workbook } from "../helpers/snapshots";

const profile = getBuiltInProfile("default");

/** Traces of a template that was not filled: empty brackets, a unit with no number, words from code. */
const PLACEHOLDER = /undefined|null|NaN|\$\{|\{\}|（）|\(\)|“”|为万元|为。|为，|为%|：。|，。|。。|\s万元/;
/** The report's own outline: the only top-level heads a draft may use. */
const OUTLINE = ["一、单位基本情况", "二、自评工作开展情况", "三、绩效自评情况", "四、其他自评情况"];

/** The lines between one heading and the next heading of the same or a higher level. */
function section(text: string, start: RegExp, end: RegExp): string {
  const lines = text.split("\n");
  const from = lines.findIndex((l) => start.test(l));
  const to = lines.findIndex((l, i) => i > from && end.test(l));
  return lines.slice(from, to === -1 ? undefined : to).join("\n");
}

/** The value of a sheet-qualified cell in a snapshot ('表'!A1). */
function cellExists(snapshot: WorkbookSnapshot, ref: string): boolean {
  const m = /^'((?:[^']|'')+)'!([A-Z]+\d+)$/.exec(ref);
  if (!m) return false;
  const s = snapshot.sheets.find((x) => x.name === m[1].replace(/''/g, "'"));
  if (!s) return false;
  const { row, col } = fromA1(m[2]);
  return row >= s.top && col >= s.left && row - s.top < s.values.length;
}

const WORKBOOKS: [string, string][] = [
  ["seed example", SEED_FILE],
  ["clean example", CLEAN_FILE],
  ["contradicting example", CONTRADICTING_FILE],
  ...CORPUS.map((c): [string, string] => [path.basename(corpusFile(c)), corpusFile(c)]),
];

describe.each(WORKBOOKS)("the draft of %s", (_, file) => {
  let snapshot: WorkbookSnapshot;
  let result: ScoreResult;
  let text: string;
  beforeAll(async () => {
    snapshot = await snapshotOfFile(file);
    result = scoreWorkbook(snapshot, profile);
    text = result.narrative!;
  });

  test("every sentence has its sources, and every source is a cell of the workbook or the declared total", () => {
    const sentences = result.narrativeSources!;
    expect(sentences.length).toBeGreaterThan(3);
    for (const s of sentences) {
      expect(s.cells.length).toBeGreaterThan(0);
      for (const c of s.cells) expect(c === "total.declared" || cellExists(snapshot, c)).toBe(true);
      // Each traced sentence is in the text, and the text holds nothing else.
      expect(text).toContain(s.sentence.replace(/^（\d+）/, ""));
    }
    const body = text.split("\n").filter((l) => !/^([一二三四]、|（[一二三四]）|\d+\.)/.test(l) || /。$/.test(l));
    const traced = new Set(sentences.map((s) => s.sentence));
    for (const line of body) for (const piece of line.replace(/^（\d+）[^：。]*方面：/, "").split(/(?<=。)/).filter(Boolean)) expect(traced.has(piece) || traced.has(line)).toBe(true);
  });

  test("the unit's voice: no calculation talk, no empty reasons, no x.00%, no placeholders", () => {
    expect(text).not.toMatch(/应得|核算|多计|少计|数据表/);
    expect(text).not.toMatch(/原因是—|因—|：—|因-|因\//);
    expect(text).not.toMatch(/\d\.00%/);
    expect(text).not.toMatch(PLACEHOLDER);
  });

  test("no sentence said twice", () => {
    const sentences = result.narrativeSources!.map((s) => s.sentence.replace(/^（\d+）/, ""));
    expect(new Set(sentences).size).toBe(sentences.length);
  });

  test("top-level heads only from the report's outline, sub-heads in its order", () => {
    const tops = text.split("\n").filter((l) => /^[一二三四五六七八九十]+、/.test(l));
    for (const t of tops) expect(OUTLINE).toContain(t);
    const subs = text.split("\n").filter((l) => /^（[一二三四]）/.test(l));
    expect(subs.slice(-4)).toEqual(["（一）自评结果", "（二）部门整体支出绩效指标分析", "（三）存在问题", "（四）改进措施"]);
    expect(result.narrativeBlocks!.map((b) => b.heading)).toEqual(subs);
  });

  test("a row whose reason is empty or unrelated gets no stock problem sentence the workbook does not support", () => {
    const problems = section(text, /^（三）存在问题/, /^（四）/);
    for (const s of result.indicators.filter((i) => i.declared !== null && i.declared < i.max)) {
      const leaf = s.path[s.path.length - 1];
      const supportedByData = s.computed !== null && s.computed === s.declared;
      if (!s.reason && !supportedByData) expect(problems).toContain(`“${leaf}”未得满分`);
    }
  });

  test("deterministic: the same input gives byte-identical text", async () => {
    const again = scoreWorkbook(await snapshotOfFile(file), profile).narrative!;
    expect(again).toBe(text);
  });
});

describe("the seed department's draft", () => {
  let text: string;
  beforeAll(async () => {
    text = scoreWorkbook(await snapshotOfFile(SEED_FILE), profile).narrative!;
  });

  test("states the total, the grade and the budget figures of the real report", () => {
    expect(text).toContain("自评分数为91分，等级为优");
    const budget = section(text, /^（四）部门整体支出情况/, /^三、/);
    for (const figure of ["792.04万元", "582.04万元", "210万元", "441.04万元", "351万元"]) expect(budget).toContain(figure);
    expect(budget).toContain("一般公共预算财政拨款582.04万元");
    expect(budget).toContain("基本支出441.04万元，项目支出351万元");
  });

  test("the budget paragraph stands as （四） under 一、单位基本情况", () => {
    expect(text.split("\n").slice(0, 2)).toEqual(["一、单位基本情况", "（四）部门整体支出情况"]);
  });

  test("every deduction appears with its points and the officer's reason in its own area", () => {
    const area = (name: string) => text.split("\n").find((l) => l.includes(`${name}方面：`))!;
    expect(area("预算资金支出进度")).toContain("“支出进度”因");
    expect(area("预算编制")).toContain("“预算编制约束性”因财政资金紧张，年初预算未能覆盖全年资金需求，年中调剂资金1次，扣1分");
    expect(area("采购管理")).toContain("“采购管理规范性”因未按规定及时公开采购意向，扣2分");
    expect(area("资产管理")).toContain("扣3分");
  });

  test("yes/no facts are statements, and full marks are said once per area with what earned them", () => {
    expect(text).toContain("按时公开了部门预算、部门决算和绩效信息");
    expect(text).toContain("“结转结余率”、“财务管理合规性”均得满分");
    expect(text).not.toContain("本方面各项指标均未扣分");
  });

  test("存在问题 are the officer's reasons, one item each, and 改进措施 a matching remedy for each", () => {
    const problems = section(text, /^（三）存在问题/, /^（四）/).split("\n").slice(1);
    const remedies = section(text, /^（四）改进措施/, /^$/).split("\n").slice(1).filter(Boolean);
    expect(problems).toHaveLength(5);
    expect(remedies).toHaveLength(5);
    expect(problems).toContain("（4）“采购管理规范性”方面：未按规定及时公开采购意向。");
    expect(problems.join("")).not.toContain("非政策性"); // nothing in the workbook says so
    expect(remedies[problems.findIndex((p) => p.includes("资产管理规范性"))]).toMatch(/清查盘点/);
  });
});

test("the contradicting department: the draft follows the declared scores, and a notice says they disagree with the data", async () => {
  const result = scoreWorkbook(await snapshotOfFile(CONTRADICTING_FILE), profile);
  const { draftNotice } = await import("../../src/core/narrative/narrate");
  expect(draftNotice(result)).toBe(`有 ${result.findings.filter((f) => f.kind === "mismatch").length} 处自评与核算不一致，建议先修正再使用以下文字`);
  expect(result.narrative).toContain(`自评分数为${result.total.declared}分`);
  expect(section(result.narrative!, /^（三）存在问题/, /^（四）/)).not.toContain("固定资产管理制度落实不到位"); // reason cell empty
});

test("reasons are tidied: a dash is no reason, both halves of a two-part reason stay, 因 and spaces dropped", () => {
  const result = scoreWorkbook(
    workbook(
      sheet("自评", [
        ["一级指标", "二级指标", "分值", "自评得分", "扣分原因"],
        ["管理效率", "预算执行率", 40, 35, "因 执行偏慢，扣 5 分"],
        ["管理效率", "采购管理", 30, 28, "采购意向公开不及时；资产未及时盘点；采购意向公开不及时"],
        ["管理效率", "资产管理规范性", 30, 29, "—"],
      ]),
    ),
    profile,
  );
  const text = result.narrative!;
  expect(text).not.toContain("部门整体支出情况"); // no budget figures, no budget paragraph
  expect(text).toContain("本单位本年度部门整体支出绩效自评分数为92分");
  expect(text).toContain("“预算执行率”因执行偏慢，扣5分。");
  expect(text).toContain("“采购管理”方面：采购意向公开不及时；资产未及时盘点。");
  expect(text).toContain("“资产管理规范性”未得满分，扣1分。");
  expect(text).not.toMatch(/—/);
});

test("a department with nothing deducted says there is nothing to remedy", async () => {
  const text = scoreWorkbook(await snapshotOfFile(CLEAN_FILE), profile).narrative!;
  expect(section(text, /^（三）存在问题/, /^（四）/)).toContain("均得满分");
});
