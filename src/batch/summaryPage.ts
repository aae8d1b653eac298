import { fmt } from "../core/decimal";
import { KIND_LABEL, MARK_FILL } from "../core/plan/markColours";
import { fileLink } from "./fileLink";
import { BatchEntry, BatchFailure, departmentRows, failureReason, gradeCounts, kindTotals, scoreBands } from "./summaryRows";

/**
 * 评分汇总.html of a batch, for those who would rather look than read: a histogram of computed scores, the departments
 * ranked with their declared and computed scores side by side, and the most frequent kinds of finding. One file with
 * its styles and drawings inline and no script: it opens from a shared folder or a mail attachment, and its policy
 * forbids it to load anything. Everything taken from a workbook is escaped.
 */

export const SUMMARY_PAGE = "评分汇总.html";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (text: string | number | null) => String(text ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);

const DECLARED_COLOUR = "#A6A6A6";
const COMPUTED_COLOUR = "#4472C4";

const STYLE = `
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","Noto Sans Hans",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#222}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:2px solid #4472C4;padding-bottom:4px}
.lead{color:#555;margin:0 0 8px}table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border-bottom:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top}th{background:#D9E1F2;white-space:nowrap}
td.n{text-align:right;white-space:nowrap}.chip{display:inline-block;width:12px;height:12px;border:1px solid #888;margin-right:6px;vertical-align:-1px}
.legend span{margin-right:16px}svg text{font-size:12px;fill:#333}.up{color:#C00000}
`;

/** Bars of departments per band of computed score, each labelled with its count. */
function histogram(entries: BatchEntry[]): string {
  const bands = scoreBands(entries);
  const highest = Math.max(1, ...bands.map((b) => b.count));
  const barWidth = 64, gap = 12, height = 160, top = 20;
  const width = bands.length * (barWidth + gap) + gap;
  const bars = bands.map((b, i) => {
    const h = Math.round((b.count / highest) * height);
    const x = gap + i * (barWidth + gap);
    return `<rect x="${x}" y="${top + height - h}" width="${barWidth}" height="${h}" fill="${COMPUTED_COLOUR}"/>` +
      `<text x="${x + barWidth / 2}" y="${top + height - h - 4}" text-anchor="middle">${b.count}</text>` +
      `<text x="${x + barWidth / 2}" y="${top + height + 16}" text-anchor="middle">${esc(b.label)}</text>`;
  });
  return `<svg role="img" aria-label="核算得分分布" width="${width}" height="${top + height + 24}" viewBox="0 0 ${width} ${top + height + 24}">` +
    `<line x1="0" y1="${top + height}" x2="${width}" y2="${top + height}" stroke="#888"/>${bars.join("")}</svg>`;
}

/** Two bars on one scale: the declared score above, the computed one below. */
function scoreBars(declared: number, computed: number, max: number): string {
  const w = (v: number) => Math.max(0, Math.min(1, v / max)) * 200;
  return `<svg width="200" height="14" viewBox="0 0 200 14" aria-hidden="true"><rect y="0" height="6" width="${w(declared).toFixed(1)}" fill="${DECLARED_COLOUR}"/>` +
    `<rect y="7" height="6" width="${w(computed).toFixed(1)}" fill="${COMPUTED_COLOUR}"/></svg>`;
}

function ranking(entries: BatchEntry[]): string {
  const max = Math.max(100, ...entries.map((e) => e.result.total.max));
  const rows = departmentRows(entries).map((r) => {
    const { total, year, grade } = r.entry.result;
    const findings = r.entry.result.findings.length;
    const file = r.entry.output ? `<a href="${esc(fileLink(r.entry.output))}">${esc(r.entry.file)}</a>` : esc(r.entry.file);
    return `<tr><td class="n">${r.rank}</td><td>${esc(r.unit)}</td><td class="n">${esc(year)}</td><td class="n">${fmt(total.declared)}</td>` +
      `<td class="n">${fmt(total.computed)}</td><td>${scoreBars(total.declared, total.computed, max)}</td>` +
      `<td class="n${r.difference > 0 ? " up" : ""}">${r.difference === 0 ? "0" : (r.difference > 0 ? "+" : "") + fmt(r.difference)}</td>` +
      `<td>${grade}</td><td>${esc(r.checked)}</td><td class="n">${findings}</td><td>${file}</td></tr>`;
  });
  return `<p class="legend"><span><i class="chip" style="background:${DECLARED_COLOUR}"></i>自评得分</span><span><i class="chip" style="background:${COMPUTED_COLOUR}"></i>核算得分</span>差异为自评减核算，红色表示自评高于核算</p>` +
    `<table><thead><tr><th>名次</th><th>单位名称</th><th>年度</th><th>自评</th><th>核算</th><th>自评与核算</th><th>差异</th><th>等级</th><th>已核实</th><th>问题数</th><th>文件</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>`;
}

function frequentKinds(entries: BatchEntry[]): string {
  const totals = kindTotals(entries);
  if (totals.length === 0) return "<p>所有单位均未发现问题。</p>";
  const highest = totals[0].count;
  const rows = totals.map((t) =>
    `<tr><td><i class="chip" style="background:${MARK_FILL[t.kind]}"></i>${KIND_LABEL[t.kind]}</td><td class="n">${t.count} 处</td><td class="n">${t.departments} 个单位</td>` +
      `<td><svg width="300" height="12" viewBox="0 0 300 12" aria-hidden="true"><rect height="12" width="${((t.count / highest) * 300).toFixed(1)}" fill="${MARK_FILL[t.kind]}" stroke="#888"/></svg></td></tr>`,
  );
  return `<table><thead><tr><th>类型</th><th>处数</th><th>涉及</th><th></th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function failureList(failures: BatchFailure[]): string {
  if (failures.length === 0) return "";
  const rows = failures.map((f) => `<tr><td>${esc(f.file)}</td><td>${esc(failureReason(f))}</td></tr>`);
  return `<h2>未能评分的文件（${failures.length} 个）</h2><table><thead><tr><th>文件</th><th>原因</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The whole page as one string. */
export function batchSummaryHtml(entries: BatchEntry[], failures: BatchFailure[]): string {
  const grades = gradeCounts(entries).map((g) => `${g.grade} ${g.count} 个`).join("，");
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>评分汇总</title><style>${STYLE}</style></head><body>
<h1>评分汇总</h1>
<p class="lead">共 ${entries.length + failures.length} 个文件：已评分 ${entries.length} 个${failures.length > 0 ? `，未能评分 ${failures.length} 个` : ""}。按核算得分的等级：${grades}。</p>
<h2>核算得分分布</h2>${histogram(entries)}
<h2>单位排名（按核算得分）</h2>${ranking(entries)}
<h2>最常见的问题</h2>${frequentKinds(entries)}
${failureList(failures)}
<p class="lead">由绩效自评助手生成。文件链接指向与本页同一文件夹中评分后的副本。</p>
</body></html>
`;
}
