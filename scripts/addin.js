/**
 * `npm start` / `npm stop`, as in Microsoft's Office add-in template: office-addin-debugging starts the dev server
 * (`npm run dev-server`) and sideloads manifest.xml into desktop Excel, or removes it again. Only Windows and Mac have
 * a desktop Excel to sideload into; elsewhere this prints how to sideload by hand.
 */
const { spawnSync } = require("child_process");

const SIDELOADING_PLATFORMS = ["win32", "darwin"];

const MANUAL_START = `只有 Windows 和 Mac 版 Excel 能由 npm start 自动旁加载，本机不能。请手动旁加载到 Excel 网页版：
  1. 运行 npm run dev-server 并保持运行（https://localhost:3000，首次运行会安装本机开发证书）；
  2. 在浏览器中打开 Excel 网页版（Microsoft 365）中的一个工作簿；
  3. 插入 → 加载项 → 上传我的加载项，选择本目录中的 manifest.xml；
  4. 功能区出现“绩效自评”选项卡。
在内网服务器上部署，请看 README 的“内网部署”一节。`;

const MANUAL_STOP = "本机没有由 npm start 旁加载的加载项。Excel 网页版中上传的加载项，关闭工作簿即不再加载。";

/**
 * What `command` ("start" or "stop") does on `platform`: run office-addin-debugging with these arguments, or print a
 * message and exit with a code (start could not do its job: 1; stop has nothing to undo: 0).
 */
function plan(command, platform) {
  if (command !== "start" && command !== "stop") return { message: `用法：node scripts/addin.js start|stop`, code: 2 };
  if (SIDELOADING_PLATFORMS.includes(platform)) return { args: [command, "manifest.xml", "desktop", "--app", "excel"] };
  return command === "start" ? { message: MANUAL_START, code: 1 } : { message: MANUAL_STOP, code: 0 };
}

if (require.main === module) {
  const step = plan(process.argv[2], process.platform);
  if (step.args) {
    const cli = require.resolve("office-addin-debugging/cli.js");
    process.exit(spawnSync(process.execPath, [cli, ...step.args], { stdio: "inherit" }).status ?? 1);
  }
  (step.code === 0 ? process.stdout : process.stderr).write(`${step.message}\n`);
  process.exit(step.code);
}

module.exports = { plan };
