import { duration, Progress } from "../../src/cli/progress";

/** A stream that records what is written, as a terminal (isTTY) or a log. */
function stream(isTTY: boolean, columns = 200) {
  const writes: string[] = [];
  return { writes, isTTY, columns, write: (s: string) => writes.push(s) };
}

test("in a terminal one line is redrawn: bar, count, time taken, rate, time left and the current file", () => {
  let now = 0;
  const out = stream(true);
  const progress = new Progress(4, out, () => now);
  progress.start("单位1.xlsx");
  now = 2000;
  progress.finish("单位1.xlsx", "核算 91 分（优）");
  progress.start("子目录/单位2.xlsx");
  expect(out.writes[out.writes.length - 1]).toBe(`\r[${"█".repeat(5)}${"░".repeat(15)}] 1/4  已用 2 秒  0.5 个/秒  剩余约 6 秒  子目录/单位2.xlsx\x1b[K`);
  now = 200_000;
  progress.finish("子目录/单位2.xlsx", "核算 93 分（优）");
  expect(progress.line()).toContain("2/4  已用 3 分 20 秒  0.0 个/秒  剩余约 3 分 20 秒");
  progress.end();
  expect(out.writes[out.writes.length - 1].endsWith("\x1b[K\n")).toBe(true);
  expect(out.writes.join("")).not.toContain("核算 91 分");
});

test("the terminal line is cut to the terminal's width, Chinese counting two columns", () => {
  const progress = new Progress(1, stream(true, 41), () => 0);
  progress.start("很长很长的单位名称很长很长的单位名称.xlsx");
  const width = [...progress.line()].reduce((w, ch) => w + (/[\u4e00-\u9fff\uff08-\uff09]/.test(ch) ? 2 : 1), 0);
  expect(width).toBeLessThanOrEqual(40);
  expect(progress.line().startsWith("[░░░░")).toBe(true);
});

test("a terminal that reports no width gets 80 columns, not an empty line", () => {
  const progress = new Progress(1, stream(true, 0), () => 0);
  progress.start("单位1.xlsx");
  expect(progress.line()).toBe(`[${"░".repeat(20)}] 0/1  已用 0 秒  0.0 个/秒  剩余约 —  单位1.xlsx`);
});

test("elsewhere one plain line per file, with what became of it, and nothing redrawn", () => {
  const out = stream(false);
  const progress = new Progress(2, out, () => 0);
  progress.start("a.xlsx");
  progress.finish("a.xlsx", "核算 91 分（优）");
  progress.start("b.xlsx");
  progress.finish("b.xlsx", "未能评分：文件已损坏");
  progress.end();
  expect(out.writes).toEqual(["[1/2] a.xlsx：核算 91 分（优）\n", "[2/2] b.xlsx：未能评分：文件已损坏\n"]);
});

test("durations read as seconds, then minutes and seconds", () => {
  expect([duration(0), duration(59_400), duration(60_000), duration(3_725_000)]).toEqual(["0 秒", "59 秒", "1 分 00 秒", "62 分 05 秒"]);
});
