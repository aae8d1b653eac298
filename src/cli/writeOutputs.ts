import { randomBytes } from "crypto";
import { promises as fs, rmdirSync, rmSync } from "fs";
import path from "path";
import { OutputTarget } from "./paths";

/** An output whose writing failed; its message is Chinese and says what was kept (exit 1). */
export class WriteError extends Error {}

export interface PendingOutput {
  target: OutputTarget;
  /** Writes the complete content to `file` (a fresh temporary beside the target). */
  write: (file: string) => Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOSPC: "磁盘空间不足",
  EDQUOT: "超出磁盘配额",
  EFBIG: "文件超出系统允许的大小",
  EACCES: "没有写入权限",
  EPERM: "没有写入权限，或文件正在其他程序（如 Excel）中打开",
  EROFS: "磁盘是只读的",
  EBUSY: "文件正被其他程序占用（例如在 Excel 中打开着）",
  ENAMETOOLONG: "文件名过长",
  EIO: "磁盘读写出错",
};

/** A hidden name beside the target that no other run picks: the target's name (shortened) and random digits. */
function temporaryBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file).slice(0, 60)}.ziping-${randomBytes(6).toString("hex")}.tmp`);
}

/** Flushed to the disk before the rename, so that a crash right after it cannot leave an empty file at the target. */
async function flush(file: string): Promise<void> {
  const handle = await fs.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes what a write left so far: temporaries not renamed yet, then the folders made for them (when empty). */
function removeSync(temporaries: string[], made: string[]): void {
  for (const t of temporaries) rmSync(t, { force: true });
  for (const folder of [...made].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // not empty: something else is in it now
    }
  }
}

const INTERRUPTIONS: NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * While writing, an interruption (Ctrl+C, the terminal closed) removes what was written so far, then ends the process
 * as the signal would have. Returns the function that stops listening.
 */
function cleanUpOnInterrupt(temporaries: string[], made: string[]): () => void {
  const handler = (signal: NodeJS.Signals) => {
    removeSync(temporaries, made);
    stop();
    process.kill(process.pid, signal);
  };
  const stop = () => INTERRUPTIONS.forEach((s) => process.off(s, handler));
  INTERRUPTIONS.forEach((s) => process.on(s, handler));
  return stop;
}

/**
 * Writes every output to a temporary file beside its target and renames them into place only when all are complete,
 * so that a failure (a full disk, a folder without write permission, an interruption) leaves every target as it was.
 * On failure the temporaries and the folders made for them are removed: nothing is left behind.
 */
export async function writeOutputs(outputs: PendingOutput[]): Promise<void> {
  const made: string[] = [];
  const temporaries: string[] = [];
  let current = outputs[0]?.target;
  let renamed = 0;
  const stopListening = cleanUpOnInterrupt(temporaries, made);
  try {
    for (const { target } of outputs) {
      current = target;
      for (const folder of target.folders) {
        const created = await fs.mkdir(folder).then(
          () => true,
          (e: NodeJS.ErrnoException) => (e.code === "EEXIST" ? false : Promise.reject(e)),
        );
        if (created) made.push(folder);
      }
    }
    for (const { target, write } of outputs) {
      current = target;
      const temporary = temporaryBeside(target.file);
      await (await fs.open(temporary, "wx")).close(); // claims the name before anything is written under it
      temporaries.push(temporary);
      await write(temporary);
      await flush(temporary);
      // A replaced file keeps its permissions.
      const mode = target.existed ? (await fs.stat(target.file).catch(() => null))?.mode : undefined;
      if (mode !== undefined) await fs.chmod(temporary, mode & 0o7777);
    }
    // Every output is complete: only now is any target replaced.
    for (let i = 0; i < outputs.length; i++) {
      current = outputs[i].target;
      await fs.rename(temporaries[i], outputs[i].target.file);
      renamed++;
    }
  } catch (e) {
    removeSync(temporaries.slice(renamed), made);
    throw new WriteError(writeFailure(e, current!, outputs.map((o) => o.target), renamed));
  } finally {
    stopListening();
  }
}

/** What failed and why, and what each target holds now. */
function writeFailure(e: unknown, failed: OutputTarget, targets: OutputTarget[], renamed: number): string {
  const errno = (e as NodeJS.ErrnoException).code;
  const reason = (errno && REASONS[errno]) ?? (errno ? `系统错误 ${errno}` : `写出时出错（${(e as Error).message}）`);
  const now = targets.map((t, i) => (i < renamed ? `已写出 ${t.shown}` : t.existed ? `原有的 ${t.shown} 保持不变` : `没有写出 ${t.shown}`));
  return `无法写入${failed.label} ${failed.shown}：${reason}。已删除未写完的临时文件，${now.join("，")}`;
}
