import { BatchEntry, BatchFailure, kindCounts } from "./summaryRows";

/**
 * The JSON contract of `ziping batch --json`: every scored file in the order of its path, with its counts of each
 * kind of finding and where its copy went, and every file that could not be scored with the reason.
 */
export function batchJson(entries: BatchEntry[], failures: BatchFailure[]) {
  return {
    files: entries.map(({ file, output, result, copyLacks }) => ({
      file,
      unit: result.unit,
      year: result.year,
      total: result.total,
      grade: result.grade,
      declaredGrade: result.declaredGrade,
      counts: kindCounts(result),
      output,
      copyLacks,
    })),
    failed: failures.map(({ file, message }) => ({ file, message })),
  };
}
