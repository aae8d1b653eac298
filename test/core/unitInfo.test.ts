/** 单位名称 and 评价年度 from the forms' title rows and label cells (LAYOUTS §1.1), never from a table body. */
import { scoreWorkbook } from "../../src/core/engine";
import { CellValue } from "../../src/core/model";
import { getBuiltInProfile } from "../../src/core/rules/profiles";

const profile = getBuiltInProfile("default");

function unitAndYear(top: CellValue[][], body: CellValue[][] = []): { unit: string | null; year: number | null } {
  const table: CellValue[][] = [["一级指标", "三级指标", "指标解释", "分值", "自评得分"], ["管理", "预算执行率", "单位：本单位全年实际支出÷全年预算数，2019年起按此口径", 100, 100], ...body];
  const result = scoreWorkbook({ sheets: [{ name: "自评表", visibility: "visible", protected: false, top: 0, left: 0, values: [...top, ...table], merges: [] }] }, profile);
  return { unit: result.unit, year: result.year };
}

test.each<[string, CellValue[][], string | null, number | null]>([
  ["unit and year in one title", [["示例县档案馆2023年度部门整体支出绩效自评表"]], "示例县档案馆", 2023],
  ["a generic title, the year on its own line, the unit as 部门（单位）名称 beside its value", [["部门整体支出绩效自评表"], ["（2023年度）"], ["部门（单位）名称", "示例县档案馆"]], "示例县档案馆", 2023],
  ["year in brackets after the title", [["示例市测试中心 部门整体绩效自评表（2023年度）"]], "示例市测试中心", 2023],
  ["附件 above the title", [["附件1"], ["示例县交通运输局部门整体支出绩效自评表"], ["评价年度：2024年度"]], "示例县交通运输局", 2024],
  ["填报单位（公章） with a coded name, and 评价年度 in the same row", [["2024年度部门整体支出绩效自评表"], ["填报单位（公章）：219001-示例县水利局", null, null, "评价年度：2024"]], "示例县水利局", 2024],
  ["both in one cell, spaced apart", [["填报单位：示例县文化馆        评价年度：2023年度"]], "示例县文化馆", 2023],
  ["单位：万元 is a measure, not a unit; nothing else names one", [["2023年度部门整体支出绩效自评表"], ["单位：万元"]], null, 2023],
  ["a 填报日期 is not the evaluation year", [["2020年度部门整体支出绩效自评表"], ["填报单位：示例县林业局", null, "填报日期：2021年3月5日"]], "示例县林业局", 2020],
  ["nothing stated", [], null, null],
])("%s", (_, top, unit, year) => {
  expect(unitAndYear(top)).toEqual({ unit, year });
});

test("a sentence in the table body that starts like a label is not the unit", () => {
  expect(unitAndYear([["部门整体支出绩效自评表"]], [["管理", "结转结余率", "单位名称：按决算口径填写的本部门及所属单位", 0, 0]]).unit).toBeNull();
});
