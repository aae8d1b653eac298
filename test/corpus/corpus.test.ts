/**
 * The held-out corpus (scripts/corpus): workbooks laid out as other provinces publish their 自评表, each scored with
 * the default profile and held to hand-computed expectations. The last test of each workbook checks the workbook
 * itself against its expectation, without the engine.
 */
import { scoreWorkbook } from "../../src/core/engine";
import { ScoreResult } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";
import { CORPUS, corpusFile } from "../../scripts/corpus";
import { computedRight, expectedChecked, leafKey, leafOf, mismatchCells, pairIndicators } from "../../scripts/corpus/compare";
import { CorpusEntry } from "../../scripts/corpus/types";
import { snapshotOfFile } from "../helpers/snapshots";
import { selfCheck } from "./selfCheck";

const profile = getBuiltInProfile("default");
const entries: [string, CorpusEntry][] = CORPUS.map((e) => [e.expectation.file, e]);

const results = new Map<string, Promise<ScoreResult>>();
/** Each workbook is read and scored once, whichever test asks first; a throw fails every test that asks. */
function resultOf(entry: CorpusEntry): Promise<ScoreResult> {
  const file = entry.expectation.file;
  if (!results.has(file)) results.set(file, snapshotOfFile(corpusFile(entry)).then((s) => scoreWorkbook(s, profile)));
  return results.get(file)!;
}

test.each(entries)("%s: unit and year", async (_, entry) => {
  const r = await resultOf(entry);
  expect({ unit: r.unit, year: r.year }).toEqual({ unit: entry.expectation.unit, year: entry.expectation.year });
});

test.each(entries)("%s: the indicators found, by leaf name", async (_, entry) => {
  const r = await resultOf(entry);
  expect(r.indicators.map(leafOf).sort()).toEqual(entry.expectation.indicators.map((i) => leafKey(i.name)).sort());
});

test.each(entries)("%s: 分值 and declared score of each indicator", async (_, entry) => {
  const { pairs } = pairIndicators(entry.expectation, await resultOf(entry));
  const got = pairs.map((p) => ({ name: p.expected.name, max: p.found?.max, declared: p.found?.declared }));
  expect(got).toEqual(entry.expectation.indicators.map((i) => ({ name: i.name, max: i.max, declared: i.declared })));
});

test.each(entries)("%s: computed scores, and 需人工确认 where the sheet does not determine one", async (_, entry) => {
  const { pairs } = pairIndicators(entry.expectation, await resultOf(entry));
  const wrong = pairs.filter((p) => !computedRight(p)).map((p) => ({ name: p.expected.name, expected: p.expected.computed, engine: p.found ? p.found.computed : "未找到该指标" }));
  expect(wrong).toEqual([]);
});

test.each(entries)("%s: mismatch findings are exactly the planted mistakes", async (_, entry) => {
  expect(mismatchCells(await resultOf(entry))).toEqual([...entry.expectation.mismatches].sort());
});

test.each(entries)("%s: total.checked counts the computed indicators", async (_, entry) => {
  const total = (await resultOf(entry)).total as { checked?: unknown };
  expect(total.checked).toEqual(expectedChecked(entry.expectation));
});

test.each(entries)("%s: the workbook says what its expectation says", async (_, entry) => {
  expect(await selfCheck(entry, corpusFile(entry))).toEqual([]);
});

test("the corpus covers every layout family and at least 14 workbooks", () => {
  const families = new Set(CORPUS.flatMap((e) => e.expectation.family.split("+")));
  expect([...families].sort()).toEqual(["D1", "D2", "D3", "D4", "D5", "F1", "F2", "F3", "F4", "F5", "F6"]);
  expect(CORPUS.length).toBeGreaterThanOrEqual(14);
  expect(new Set(CORPUS.map((e) => e.expectation.file)).size).toBe(CORPUS.length);
});
