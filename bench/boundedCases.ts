/**
 * Runs each hostile input of hugeInputs.ts through scoreFile in a child process of its own, so that its peak memory
 * (maxRSS) is its own; a case still running after the time limit is stopped and reported as such.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { performance } from "perf_hooks";
import { scoreFile } from "../src/cli/scoreFile";
import { getBuiltInProfile } from "../src/core/rules/profiles";
import { HUGE_INPUTS, hugeInput } from "./hugeInputs";

const LIMIT_MS = 300_000;

/** In the child: score one file, print time, peak memory and outcome as JSON. */
export async function runCase(name: string): Promise<void> {
  const input = await hugeInput(name);
  const output = path.join(os.tmpdir(), `ziping-bench-out-${process.pid}.xlsx`);
  const t0 = performance.now();
  let outcome: string;
  try {
    const { result } = await scoreFile(input, getBuiltInProfile("default"), output);
    outcome = `scored, ${result.findings.length} findings`;
  } catch (e) {
    outcome = `refused: ${(e as Error).message}`;
  }
  const ms = performance.now() - t0;
  await fs.rm(output, { force: true });
  console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024, outcome }));
}

function child(name: string): Promise<string> {
  return new Promise((resolve) => {
    const args = ["--max-old-space-size=8192", "-r", "ts-node/register/transpile-only", path.join(__dirname, "bench.ts"), "--case", name];
    execFile(process.execPath, args, { timeout: LIMIT_MS, maxBuffer: 1 << 20 }, (error, stdout) => {
      if (error && !stdout) return resolve(error.killed ? `stopped after ${LIMIT_MS / 1000} s` : `failed: ${error.message.split("\n")[0]}`);
      const r = JSON.parse(stdout.trim().split("\n").pop()!) as { ms: number; maxRssMiB: number; outcome: string };
      resolve(`${(r.ms / 1000).toFixed(1).padStart(6)} s  ${r.maxRssMiB.toFixed(0).padStart(5)} MiB peak  ${r.outcome.slice(0, 140)}`);
    });
  });
}

export async function boundedCases(): Promise<string[]> {
  const lines = ["hostile inputs (issue 14), each in its own process — time, peak RSS, outcome:"];
  for (const name of Object.keys(HUGE_INPUTS)) {
    await hugeInput(name); // built before timing starts
    lines.push(`  ${name.padEnd(40)} ${await child(name)}`);
    console.log(lines[lines.length - 1]);
  }
  return lines;
}
