/**
 * A small self-evaluation workbook with known defects, so the pane has one finding of several kinds to show:
 * a deduction with its reason, a deduction without one (缺少扣分说明), a score above its weight (数据错误), a
 * declared score the data contradicts (不一致) and weights that do not add up to 100.
 */
import ExcelJS from "exceljs";

export async function fixtureWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();

  const scoring = wb.addWorksheet("自评表");
  scoring.addRow(["2024年度部门整体支出绩效自评表"]);
  scoring.addRow(["单位名称：示例市示例局", null, null, null, "评价年度：2024"]);
  scoring.addRow([]);
  scoring.addRow(["一级指标", "二级指标", "三级指标", "分值", "评分标准", "自评得分", "扣分原因"]);
  scoring.addRow(["整体效能", "预算资金支出进度", "预算执行率", 5, "预算执行率×分值", 5, null]);
  scoring.addRow(["管理效率", "预算编制", "预算编制约束性", 5, "每出现一次非政策性年中追加扣1分，扣完为止", 4, "年中追加预算1次"]);
  scoring.addRow(["管理效率", "采购管理", "采购管理规范性", 10, "采购意向未按时公开扣2分", 8, null]);
  scoring.addRow(["管理效率", "资产管理", "资产管理规范性", 10, "未开展年度资产清查扣3分", 12, null]);
  scoring.addRow(["合计", null, null, 30, null, 29, null]);
  scoring.mergeCells("A6:A8");

  const data = wb.addWorksheet("数据表");
  data.addRow(["项目", "金额（万元）"]);
  data.addRow(["年初预算数", 100]);
  data.addRow(["年中追加", 20]);
  data.addRow(["全年预算数", 120]);
  data.addRow(["全年执行数", 108]);

  return Buffer.from(await wb.xlsx.writeBuffer());
}
