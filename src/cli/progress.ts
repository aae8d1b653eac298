import { displayWidth } from "./commanderChinese";

/**
 * How far a batch has got, on stderr: in a terminal one line redrawn in place (a bar, the count, the file being
 * scored, time taken, files per second and time left); elsewhere (a log, a pipe) one plain line per file, which
 * reads well in a log and never fills it with redraws.
 */

export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR = 20;

/** "45 秒", "3 分 05 秒". */
export function duration(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} 秒` : `${Math.floor(s / 60)} 分 ${String(s % 60).padStart(2, "0")} 秒`;
}

export class Progress {
  private done = 0;
  private readonly started: number;
  private readonly current = new Set<string>();

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  private get tty(): boolean {
    return !!this.stream.isTTY;
  }

  /** The line drawn in a terminal, cut to its width (Chinese characters take two columns). */
  line(): string {
    const elapsed = this.now() - this.started;
    const filled = this.total === 0 ? BAR : Math.round((this.done / this.total) * BAR);
    const rate = elapsed > 0 ? (this.done / elapsed) * 1000 : 0;
    const left = rate > 0 ? duration(((this.total - this.done) / rate) * 1000) : "—";
    const file = [...this.current][0] ?? "";
    const text = `[${"█".repeat(filled)}${"░".repeat(BAR - filled)}] ${this.done}/${this.total}  已用 ${duration(elapsed)}  ${rate.toFixed(1)} 个/秒  剩余约 ${left}  ${file}`;
    // A terminal that reports no width (0) gets the usual 80 columns.
    return fitColumns(text, (this.stream.columns || 80) - 1);
  }

  start(file: string): void {
    this.current.add(file);
    if (this.tty) this.stream.write(`\r${this.line()}\x1b[K`);
  }

  /** `outcome`: what became of the file, for the plain line ("核算 91 分（优）", "未能评分：…"). */
  finish(file: string, outcome: string): void {
    this.current.delete(file);
    this.done++;
    if (this.tty) this.stream.write(`\r${this.line()}\x1b[K`);
    else this.stream.write(`[${this.done}/${this.total}] ${file}：${outcome}\n`);
  }

  /** Leaves the terminal's line for what is printed next. */
  end(): void {
    if (this.tty) this.stream.write(`\r${this.line()}\x1b[K\n`);
  }
}

/** `text` cut to `columns` terminal columns, counting CJK and full-width characters as two. */
function fitColumns(text: string, columns: number): string {
  let width = 0;
  let out = "";
  for (const ch of text) {
    width += displayWidth(ch);
    if (width > columns) break;
    out += ch;
  }
  return out;
}
