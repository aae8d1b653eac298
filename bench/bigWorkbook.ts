import ExcelJS from "exceljs";
import { SEED_DEPARTMENT } from "../scripts/examples/seedDepartment";
import { writeDataSheet } from "../scripts/examples/writeWorkbook";

/** A 评分表 of `n` indicators cycling through the seed's criteria, with some deductions, so every rule path runs. */
export function bigWorkbook(n: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  writeDataSheet(wb.addWorksheet("数据表"), SEED_DEPARTMENT);
  const ws = wb.addWorksheet("评分表");
  ws.addRow(["一级指标", "二级指标", "三级指标", "分值", "评分标准", "绩效目标值", "实际完成值", "自评得分", "扣分原因"]);
  const base = SEED_DEPARTMENT.indicators;
  for (let i = 0; i < n; i++) {
    const ind = base[i % base.length];
    const weight = 0.1;
    const score = i % 7 === 0 ? 0.05 : weight;
    ws.addRow([`${ind.l1}${Math.floor(i / 100)}`, `${ind.l2}${Math.floor(i / 10)}`, ind.l3, weight, ind.criterion, ind.targets?.[0]?.target ?? null, ind.targets?.[0]?.actual ?? null, score, score < weight ? "示例扣分原因" : null]);
  }
  ws.addRow(["合计", null, null, n * 0.1, null]);
  return wb;
}

