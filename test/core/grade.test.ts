import { gradeOf } from "../../src/core/score/grade";

test.each([
  [100, "优"],
  [90, "优"],
  [89.99, "良"],
  [89.5, "良"],
  [80, "良"],
  [79.5, "中"],
  [60, "中"],
  [59.99, "差"],
  [0, "差"],
])("%p points is %p (half-open bands)", (total, grade) => {
  expect(gradeOf(total)).toBe(grade);
});
