import { ExampleDepartment } from "./model";
import { CLEAN_DEPARTMENT, CONTRADICTING_DEPARTMENT } from "./otherDepartments";
import { SEED_DEPARTMENT } from "./seedDepartment";

/** The three kinds of department a bureau receives: clean, with deductions, with data contradicting the scores. */
export const VARIANT_KINDS = { clean: CLEAN_DEPARTMENT, deducting: SEED_DEPARTMENT, contradicting: CONTRADICTING_DEPARTMENT } as const;
export type VariantKind = keyof typeof VARIANT_KINDS;
const KINDS = Object.keys(VARIANT_KINDS) as VariantKind[];

/**
 * The n-th of a folder of generated departments for batch tests and the bench: the kinds in turn, each with a unit of
 * its own, and (except the clean ones) 资产管理规范性 scored 10 down to 7, which no data confirm, so totals differ.
 */
export function departmentVariant(n: number, kind: VariantKind = KINDS[n % KINDS.length]): ExampleDepartment {
  const base = VARIANT_KINDS[kind];
  const assetScore = 10 - (n % 4);
  return {
    ...base,
    file: `${kind}-${n + 1}.xlsx`,
    unit: `示例第${n + 1}号单位`,
    indicators: kind === "clean" ? base.indicators : base.indicators.map((i) =>
      i.l3 === "资产管理规范性" ? { ...i, score: assetScore, reason: assetScore < i.weight ? "部分资产未及时清查盘点" : "" } : i),
  };
}
