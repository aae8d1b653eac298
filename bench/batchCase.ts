/**
 * `ziping batch` on folders of generated department workbooks (clean, deducting, contradicting in turn): wall time,
 * files per second and peak memory (maxRSS), against bare ExcelJS read + write of the same files in the same run.
 * Each measurement runs in a child process of its own, so that its peak memory is its own.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import ExcelJS from "exceljs";
import { scoreFolder } from "../src/cli/batch";
import { Progress } from "../src/cli/progress";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { WRITE_OPTIONS } from "../src/workbook/exceljs";
import { exampleWorkbook } from "../scripts/examples/writeWorkbook";
import { departmentVariant } from "../scripts/examples/departmentVariants";

const LIMIT_MS = 600_000;

/** A folder of `n` departments, made once and kept in the temp folder between runs. */
async function departmentsFolder(n: number): Promise<string> {
  const folder = path.join(os.tmpdir(), `ziping-bench-batch-${n}`);
  const done = path.join(folder, ".complete");
  if (await fs.access(done).then(() => true, () => false)) return folder;
  await fs.rm(folder, { recursive: true, force: true });
  await fs.mkdir(folder, { recursive: true });
  for (let i = 0; i < n; i++) await exampleWorkbook(departmentVariant(i)).xlsx.writeFile(path.join(folder, departmentVariant(i).file));
  await fs.writeFile(done, "");
  return folder;
}

/** In the child: one measurement of `mode` ("bare" or "jobs-N") on the folder of `n`, printed as JSON. */
export async function runBatchCase(mode: string, n: number): Promise<void> {
  const folder = await departmentsFolder(n);
  const output = await fs.mkdtemp(path.join(os.tmpdir(), "ziping-bench-batch-out-"));
  const t0 = performance.now();
  let note = "";
  if (mode === "bare") {
    for (const name of (await fs.readdir(folder)).filter((f) => f.endsWith(".xlsx"))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(folder, name));
      await wb.xlsx.writeFile(path.join(output, name), WRITE_OPTIONS);
    }
  } else {
    const quiet = { write: () => true };
    const run = await scoreFolder(folder, { output, profile: getBuiltInProfile("default"), profileFile: null, jobs: Number(mode.slice(5)), progress: (total) => new Progress(total, quiet) });
    note = `${run.entries.length} scored, ${run.failures.length} failed`;
  }
  const ms = performance.now() - t0;
  await fs.rm(output, { recursive: true, force: true });
  console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, note }));
}

function child(mode: string, n: number): Promise<{ ms: number; maxRssMiB: number; note: string } | string> {
  return new Promise((resolve) => {
    const args = ["-r", "ts-node/register/transpile-only", path.join(__dirname, "bench.ts"), "--batch-case", mode, String(n)];
    execFile(process.execPath, args, { timeout: LIMIT_MS, maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error && !stdout) return resolve(error.killed ? `stopped after ${LIMIT_MS / 1000} s` : `failed: ${error.message.split("\n")[0]}`);
      resolve(JSON.parse(stdout.trim().split("\n").pop()!));
    });
  });
}

/** The batch case for each folder size: bare ExcelJS, then ziping batch with one and with two files at a time. */
export async function batchCases(sizes: number[]): Promise<void> {
  console.log(`ziping batch — generated departments, each run in its own process, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}`);
  for (const n of sizes) {
    await departmentsFolder(n); // built before timing starts
    const bare = await child("bare", n);
    for (const mode of ["bare", "jobs-1", "jobs-2"]) {
      const r = mode === "bare" ? bare : await child(mode, n);
      if (typeof r === "string") {
        console.log(`  ${String(n).padStart(5)} files  ${mode.padEnd(7)} ${r}`);
        continue;
      }
      const ratio = typeof bare === "string" ? "" : `  ratio to bare ${(r.ms / bare.ms).toFixed(2)}`;
      console.log(`  ${String(n).padStart(5)} files  ${mode.padEnd(7)} ${(r.ms / 1000).toFixed(1).padStart(6)} s  ${((n / r.ms) * 1000).toFixed(1).padStart(5)} files/s  ${r.maxRssMiB.toFixed(0).padStart(5)} MiB peak${ratio}  ${r.note}`);
    }
  }
}
