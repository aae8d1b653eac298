/**
 * The scoring the web page asks for, run in its worker (or, where a browser will not start one, in the page itself):
 * each workbook exactly as `ziping score` scores it, and the zip of `ziping batch`'s outputs for several.
 */
import type { Profile } from "../core/rules/profile";
import JSZip from "jszip";
import { copyPath } from "../batch/copyPath";
import { getBuiltInProfile } from "../core/rules/profiles";
import { SUMMARY_PAGE, batchSummaryHtml } from "../batch/summaryPage";
import { SUMMARY_WORKBOOK, batchSummaryWorkbook } from "../batch/summaryWorkbook";
import { FileError, scoreXlsx } from "../workbook/scoreXlsx";
import { errorText } from "../ui/text";
import type { Answer, FailedUpload, Job, ScoredUpload } from "./jobs";
import { baseName } from "./text";

async function score(file: string, bytes: Uint8Array, profile: Profile): Promise<Answer> {
  const shown = baseName(file);
  try {
    const { result, copy, copyLacks, marking } = await scoreXlsx(bytes, shown, profile, true);
    return { kind: "scored", upload: { file, output: copyPath(file), result, copy: copy!, copyLacks, marking } };
  } catch (e) {
    // A FileError already names the file, as the CLI prints it; anything else is said as `ziping batch` says it.
    const message = e instanceof FileError ? e.message : `${shown}：评分时出现意外错误：${errorText(e)}`;
    return { kind: "failed", upload: { file, message } };
  }
}

/**
 * The zip holds what `ziping batch` writes into its output folder: each copy at its input's path, the summary workbook
 * and page beside them. The copies are stored as they are (already deflated).
 */
async function bundle(scored: ScoredUpload[], failed: FailedUpload[]): Promise<Answer> {
  const entries = scored.map(({ file, output, result, copyLacks }) => ({ file, output, result, copyLacks }));
  const zip = new JSZip();
  for (const upload of scored) zip.file(upload.output, upload.copy, { compression: "STORE" });
  zip.file(SUMMARY_WORKBOOK, await batchSummaryWorkbook(entries, failed), { compression: "STORE" });
  zip.file(SUMMARY_PAGE, batchSummaryHtml(entries, failed));
  return { kind: "bundle", zip: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }) };
}

export function runJob(job: Job): Promise<Answer> {
  return job.kind === "score" ? score(job.file, job.bytes, job.profile ?? getBuiltInProfile(job.profileId)) : bundle(job.scored, job.failed);
}
