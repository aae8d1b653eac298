#!/usr/bin/env node
/**
 * `npm run render`: scores the examples with the ziping command, prints each 评分汇总 sheet through LibreOffice to PDF
 * and PNG in test-output/render/, and checks how it prints: the seed example's summary fits one page wide on at most
 * three pages. Needs `soffice` (Debian's libreoffice-calc) and poppler's `pdfinfo`/`pdftoppm`; .ci/run installs them
 * after the README's test line, so `npm test` itself needs nothing but Node.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test-output", "render");
const SUMMARY = "评分汇总";
/** The seed example's summary must print on at most this many pages (issue 11). */
const SEED_MAX_PAGES = 3;
const EXAMPLES = [
  { file: "雷州市科工贸和信息化局-2024-自评表.xlsx", maxPages: SEED_MAX_PAGES },
  { file: "示例-满分单位-2024-自评表.xlsx" },
  { file: "示例-数据与自评不符-2024-自评表.xlsx" },
];

function run(command, args) {
  return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 180000 });
}

function need(command) {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
  } catch {
    console.error(`缺少 ${command}：请先安装 LibreOffice（Debian 软件包 libreoffice-calc）和 poppler-utils，再运行 npm run render`);
    process.exit(1);
  }
}

/** A copy holding the summary sheet only, so that the PDF is its pages and nothing else. */
async function summaryOnly(scored, target) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(scored);
  for (const ws of [...wb.worksheets]) if (ws.name !== SUMMARY) wb.removeWorksheet(ws.id);
  await wb.xlsx.writeFile(target);
}

async function main() {
  for (const c of ["soffice", "pdfinfo", "pdftoppm"]) need(c);
  fs.mkdirSync(OUT, { recursive: true });
  const failures = [];
  for (const example of EXAMPLES) {
    const name = path.basename(example.file, ".xlsx");
    const scored = path.join(OUT, `${name}-已评分.xlsx`);
    run("node", [path.join(ROOT, "bin", "ziping.js"), "score", path.join(ROOT, "examples", example.file), "-o", scored]);
    const sheet = path.join(OUT, `${name}-${SUMMARY}.xlsx`);
    await summaryOnly(scored, sheet);
    run("soffice", ["--headless", "--norestore", "--convert-to", "pdf", "--outdir", OUT, sheet]);
    const pdf = sheet.replace(/\.xlsx$/, ".pdf");
    const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))[1]);
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(run("pdfinfo", [pdf]));
    run("pdftoppm", ["-png", "-r", "60", pdf, pdf.replace(/\.pdf$/, "")]);
    const landscape = size && Number(size[1]) > Number(size[2]);
    console.log(`${name}：${pages} 页，${landscape ? "横向" : "纵向"}，${path.relative(ROOT, pdf)}`);
    if (example.maxPages && pages > example.maxPages) failures.push(`${name} 的“${SUMMARY}”打印为 ${pages} 页，超过 ${example.maxPages} 页`);
    if (!landscape) failures.push(`${name} 的“${SUMMARY}”没有按横向打印`);
  }
  if (failures.length > 0) {
    for (const f of failures) console.error(f);
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(`渲染失败：${e.message}`);
  process.exit(1);
});
