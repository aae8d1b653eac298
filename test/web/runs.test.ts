import { copyPath, scoredCopyName } from "../../src/batch/copyPath";
import { matching, failedOf, scoredOf, type Row } from "../../src/web/runs";
import { baseName, copyLacksText, progressText } from "../../src/web/text";
import type { ScoredUpload } from "../../src/web/jobs";

test("a scored copy downloads under the name ziping score gives it", () => {
  expect(scoredCopyName(baseName("甲单位.xlsx"))).toBe("甲单位-评分.xlsx");
  expect(scoredCopyName(baseName("2024/乙.单位.xlsm"))).toBe("乙.单位-评分.xlsx");
  expect(scoredCopyName(baseName("a.b/无扩展名"))).toBe("无扩展名-评分.xlsx");
});

test("in the zip, as in ziping batch's folder, a copy keeps its input's path unless it would take the summary's name or is an .xlsm", () => {
  expect(copyPath("2024/甲单位.xlsx")).toBe("2024/甲单位.xlsx");
  expect(copyPath("评分汇总表.XLSX")).toBe("评分汇总表-评分.xlsx");
  expect(copyPath("2024/宏.XLSM")).toBe("2024/宏-评分.xlsx");
  expect(copyPath("2024/评分汇总表.xlsx")).toBe("2024/评分汇总表.xlsx");
});

test("progress names the file being scored, then what was done", () => {
  expect(progressText(2, 20, "丙.xlsx", 0)).toBe("正在评分 3 / 20：丙.xlsx");
  expect(progressText(20, 20, null, 0)).toBe("已评分 20 个文件");
  expect(progressText(20, 20, null, 1)).toBe("已评分 19 个文件，1 个无法评分");
});

test("what the copy lacks is said as the command line says it, and nothing when it lacks nothing", () => {
  expect(copyLacksText([])).toBeNull();
  expect(copyLacksText(["图表 2 个", "宏（VBA 代码） 1 个"])).toBe("评分副本未能保留原文件中的图表 2 个、宏（VBA 代码） 1 个；原文件未改动，其中这些内容完好");
});

test("the filter keeps rows whose file holds the text, with their places in the run", () => {
  const scored = { file: "单位01.xlsx" } as ScoredUpload;
  const rows: Row[] = [
    { file: "单位01.xlsx", state: "scored", upload: scored },
    { file: "残缺.xlsx", state: "failed", upload: { file: "残缺.xlsx", message: "残缺.xlsx：文件已损坏" } },
    { file: "Dept/单位02.XLSX", state: "waiting" },
  ];
  expect(matching(rows, " 单位 ".trim()).map((m) => m.index)).toEqual([0, 2]);
  expect(matching(rows, "xlsx").length).toBe(3);
  expect(matching(rows, "").length).toBe(3);
  expect(scoredOf(rows)).toEqual([scored]);
  expect(failedOf(rows).map((f) => f.file)).toEqual(["残缺.xlsx"]);
});
