/**
 * `npm run bench`: how long the engine takes on a 1,000-indicator table, and what `ziping score` costs next to a bare
 * ExcelJS read + write of the same file. Figures only; no test depends on timing.
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { evaluateWorkbook } from "../src/core/engine";
import { planWrite } from "../src/core/plan/writePlan";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { narrate } from "../src/core/narrative/narrate";
import { scoreFile } from "../src/cli/scoreFile";
import { fillLookup, snapshotOf } from "../src/workbook/exceljs";
import { bigWorkbook } from "./bigWorkbook";

const INDICATORS = 1000;
const RUNS = 7;
const profile = getBuiltInProfile("default");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-bench-"));
  const input = path.join(dir, "bench-1000.xlsx");
  await bigWorkbook(INDICATORS).xlsx.writeFile(input);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const snapshot = snapshotOf(wb);
  const engine: number[] = [];
  const plan: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    let evaluation!: ReturnType<typeof evaluateWorkbook>;
    engine.push(await time(() => (evaluation = evaluateWorkbook(snapshot, profile))));
    evaluation.result.narrative = narrate(evaluation);
    plan.push(await time(() => planWrite(evaluation.result, snapshot, fillLookup(wb))));
    findings = evaluation.result.findings.length;
  }

  const bare: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(await time(async () => {
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(input);
      await b.xlsx.writeFile(path.join(dir, "bare.xlsx"));
    }));
    full.push(await time(() => scoreFile(input, profile, path.join(dir, "scored.xlsx"))));
  }
  global.gc?.();
  const heap = process.memoryUsage().heapUsed / 2 ** 20;
  const ratio = median(full) / median(bare);
  const lines = [
    `ziping bench — ${INDICATORS} indicators, median of ${RUNS} runs, node ${process.version}, ${os.cpus().length} cores`,
    `engine (parse + score + findings): ${median(engine).toFixed(1)} ms  (${findings} findings)`,
    `narrative + write plan:            ${median(plan).toFixed(1)} ms`,
    `bare ExcelJS read + write:         ${median(bare).toFixed(1)} ms`,
    `ziping score (read, score, mark, write): ${median(full).toFixed(1)} ms`,
    `ratio ziping / bare ExcelJS:       ${ratio.toFixed(3)}  (engine adds ${((ratio - 1) * 100).toFixed(1)} %; target < 20 %)`,
    `heap after runs:                   ${heap.toFixed(0)} MiB`,
  ];
  console.log(lines.join("\n"));
  await fs.rm(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
