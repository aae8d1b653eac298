/** scripts/addin.js: npm start / npm stop sideload through office-addin-debugging where Excel can, else explain. */
import path from "path";

const { plan } = require(path.resolve(__dirname, "../../scripts/addin.js")) as {
  plan(command: string, platform: string): { args?: string[]; message?: string; code?: number };
};

test.each(["win32", "darwin"])("on %s, start and stop hand manifest.xml to office-addin-debugging for desktop Excel", (platform) => {
  expect(plan("start", platform)).toEqual({ args: ["start", "manifest.xml", "desktop", "--app", "excel"] });
  expect(plan("stop", platform)).toEqual({ args: ["stop", "manifest.xml", "desktop", "--app", "excel"] });
});

test("on Linux, start fails with the manual sideloading steps in Chinese; stop has nothing to undo", () => {
  const start = plan("start", "linux");
  expect(start.code).toBe(1);
  expect(start.message).toContain("npm run dev-server");
  expect(start.message).toContain("插入 → 加载项 → 上传我的加载项，选择本目录中的 manifest.xml");
  expect(plan("stop", "linux")).toMatchObject({ code: 0 });
});

test("anything but start or stop is a usage error", () => {
  expect(plan("restart", "win32")).toMatchObject({ code: 2, message: "用法：node scripts/addin.js start|stop" });
});
