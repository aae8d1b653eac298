/**
 * `npm run bench`: how long the engine takes on a 1,000-indicator table, and what `ziping score` costs next to a bare
 * ExcelJS read + write of the same file, phase by phase; then the hostile inputs of issue 14 (huge ledger, many
 * merges, whole-column merge, long criteria) with their time and peak memory. Figures only; no test depends on timing.
 * `npm run bench -- --bounded` runs only the hostile inputs; `npm run bench -- --batch` only `ziping batch` on 50, 200
 * and 1,000 generated workbooks (the full run includes 50 and 200).
 */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { scoreWorkbook } from "../src/core/engine";
import { planWrite } from "../src/core/plan/writePlan";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { scoreFile } from "../src/cli/scoreFile";
import { applyPlan, snapshotOf, WRITE_OPTIONS } from "../src/workbook/exceljs";
import { bigWorkbook } from "./bigWorkbook";
import { boundedCases, runCase } from "./boundedCases";
import { batchCases, runBatchCase } from "./batchCase";

const INDICATORS = 1000;
const RUNS = 9;
const profile = getBuiltInProfile("default");

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await fn();
  return [value, performance.now() - t0];
}

type Phase = "read" | "snapshot" | "engine" | "plan" | "apply" | "write";

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-bench-"));
  const input = path.join(dir, "bench-1000.xlsx");
  await bigWorkbook(INDICATORS).xlsx.writeFile(input);

  const phases: Record<Phase, number[]> = { read: [], snapshot: [], engine: [], plan: [], apply: [], write: [] };
  const bare: number[] = [];
  const full: number[] = [];
  let findings = 0;
  for (let i = 0; i < RUNS; i++) {
    // The bare baseline: what ExcelJS alone takes to read the file and write it back.
    bare.push((await timed(async () => {
      const b = new ExcelJS.Workbook();
      await b.xlsx.readFile(input);
      await b.xlsx.writeFile(path.join(dir, "bare.xlsx"));
    }))[1]);
    // The same steps scoreFile takes, timed one by one.
    const wb = new ExcelJS.Workbook();
    phases.read.push((await timed(() => wb.xlsx.readFile(input)))[1]);
    const [snapshot, tSnap] = await timed(() => snapshotOf(wb));
    phases.snapshot.push(tSnap);
    const [result, tEngine] = await timed(() => scoreWorkbook(snapshot, profile));
    phases.engine.push(tEngine);
    findings = result.findings.length;
    const [plan, tPlan] = await timed(() => planWrite(result, snapshot));
    phases.plan.push(tPlan);
    phases.apply.push((await timed(() => applyPlan(wb, plan)))[1]);
    phases.write.push((await timed(() => wb.xlsx.writeFile(path.join(dir, "phased.xlsx"), WRITE_OPTIONS)))[1]);
    // And the command's own code path, end to end.
    full.push((await timed(() => scoreFile(input, profile, path.join(dir, "scored.xlsx"))))[1]);
  }
  global.gc?.();
  const m = (p: Phase) => median(phases[p]);
  const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  const engineShare = (m("snapshot") + m("engine") + m("plan")) / median(bare);
  const ratio = median(full) / median(bare);
  console.log(
    [
      `ziping bench — ${INDICATORS} indicators (${findings} findings), median of ${RUNS} runs, node ${process.version}, ${os.cpus().length} cores`,
      `bare ExcelJS read + write        ${ms(median(bare))}`,
      `ziping score, end to end         ${ms(median(full))}   ratio ${ratio.toFixed(2)}`,
      `  read (ExcelJS)                 ${ms(m("read"))}`,
      `  snapshot                       ${ms(m("snapshot"))}`,
      `  engine: parse, score, narrative${ms(m("engine"))}`,
      `  write plan                     ${ms(m("plan"))}`,
      `  apply marks, notes, summary    ${ms(m("apply"))}`,
      `  write (ExcelJS)                ${ms(m("write"))}`,
      `engine (snapshot + engine + plan) adds ${(engineShare * 100).toFixed(1)} % to the bare read + write (target < 20 %)`,
      `heap in use after runs: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
    ].join("\n"),
  );
  await fs.rm(dir, { recursive: true, force: true });
}

const arg = (flag: string) => (process.argv.includes(flag) ? process.argv[process.argv.indexOf(flag) + 1] ?? "" : null);
const caseName = arg("--case");
const batchMode = arg("--batch-case");
const run =
  caseName !== null ? runCase(caseName)
  : batchMode !== null ? runBatchCase(batchMode, Number(process.argv[process.argv.indexOf("--batch-case") + 2]))
  : process.argv.includes("--bounded") ? boundedCases()
  : process.argv.includes("--batch") ? batchCases([50, 200, 1000])
  : main().then(boundedCases).then(() => batchCases([50, 200]));
run.catch((e) => {
  console.error(e);
  process.exit(1);
});
