import { Grade } from "../model";

/**
 * Grades on half-open bands (DOMAIN §3): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; 89.5 is 良. A total that is no finite
 * number (never produced: numbers beyond bounds are findings, not arithmetic) earns no grade above 差.
 */
export function gradeOf(total: number): Grade {
  if (!Number.isFinite(total)) return "差";
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}
