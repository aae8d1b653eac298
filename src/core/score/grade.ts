import { Grade } from "../model";

/** Grades on half-open bands (DOMAIN §3): 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below; 89.5 is 良. */
export function gradeOf(total: number): Grade {
  if (total >= 90) return "优";
  if (total >= 80) return "良";
  if (total >= 60) return "中";
  return "差";
}
