import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  ProgressBar,
  Spinner,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { Notices, type Notice } from "../ui/Notices";
import { ProfileField } from "../ui/ProfileField";
import { profileChoices, rememberProfileId, rememberedProfileId } from "../ui/profileChoice";
import { errorText } from "../ui/text";
import { download } from "./download";
import type { Answer } from "./jobs";
import { failedOf, matching, replaceRow, scoredOf, type Row } from "./runs";
import { createScorer } from "./scorer";
import { baseName, progressText, totalsLine } from "./text";
import { FailedResult, ScoredResult } from "./UploadResult";
import type { Upload } from "./uploads";
import { FilePicker } from "./FilePicker";
import { RulesFileField, type RulesFile } from "./RulesFile";

const useStyles = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    maxWidth: "960px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalL,
    boxSizing: "border-box",
  },
  note: { color: tokens.colorNeutralForeground3 },
  bar: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalM },
  header: { display: "flex", flexDirection: "column", alignItems: "flex-start", overflowWrap: "anywhere" },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

const ZIP_NAME = "评分结果.zip";

function RowHeader({ row }: { row: Row }) {
  const styles = useStyles();
  const line =
    row.state === "scored" ? totalsLine(row.upload.result) : row.state === "failed" ? "无法评分" : row.state === "scoring" ? "正在评分…" : "等待评分";
  return (
    <span className={styles.header}>
      <Body1>{row.file}</Body1>
      <Caption1 className={row.state === "failed" ? styles.failed : styles.note}>{line}</Caption1>
    </span>
  );
}

/** Unexpected trouble on the page's side (a file that vanished before it was read): said like a file's own failure. */
function failure(file: string, error: unknown): Answer {
  return { kind: "failed", upload: { file, message: `${baseName(file)}：无法读取文件（${errorText(error)}）` } };
}

/** The web page: choose rules and workbooks, score them one by one in the worker, read and download the results. */
export function WebApp() {
  const styles = useStyles();
  const [profiles] = useState(profileChoices);
  const [profileId, setProfileId] = useState(rememberedProfileId);
  // A rules file chosen on the page stands in for the built-in rules until the officer goes back to them.
  const [rules, setRules] = useState<RulesFile | null>(null);
  // Made once for the page's life: each scorer starts a worker.
  const [scorer] = useState(createScorer);
  const [rows, setRows] = useState<Row[]>([]);
  // Bumped per run so that the list (and which files are open) starts afresh.
  const [run, setRun] = useState(0);
  const [busy, setBusy] = useState<"score" | "zip" | null>(null);
  const [filter, setFilter] = useState("");
  const [notices, setNotices] = useState<Notice[]>([]);

  const chooseProfile = (id: string) => {
    setProfileId(id);
    rememberProfileId(id);
  };

  const score = async (uploads: Upload[]) => {
    setNotices(uploads.length === 0 ? [{ intent: "warning", text: "没有找到 .xlsx 工作簿" }] : []);
    if (uploads.length === 0) return;
    let current: Row[] = uploads.map((u) => ({ file: u.file, state: "waiting" }));
    const show = (index: number, row: Row) => {
      current = replaceRow(current, index, row);
      setRows(current);
    };
    setRows(current);
    setRun((n) => n + 1);
    setBusy("score");
    for (const [index, { file, blob }] of uploads.entries()) {
      show(index, { file, state: "scoring" });
      const answer = await blob
        .arrayBuffer()
        .then((bytes) => scorer.run({ kind: "score", file, bytes: new Uint8Array(bytes), profileId, profile: rules?.profile }))
        .catch((error: unknown) => failure(file, error));
      if (answer.kind === "scored") show(index, { file, state: "scored", upload: answer.upload });
      else if (answer.kind === "failed") show(index, { file, state: "failed", upload: answer.upload });
    }
    setBusy(null);
  };

  const downloadAll = async () => {
    setBusy("zip");
    try {
      const answer = await scorer.run({ kind: "bundle", scored: scoredOf(rows), failed: failedOf(rows) });
      if (answer.kind === "bundle") download(ZIP_NAME, answer.zip, "application/zip");
    } catch (error) {
      setNotices([{ intent: "error", title: "打包未完成", text: errorText(error) }]);
    } finally {
      setBusy(null);
    }
  };

  const done = rows.filter((r) => r.state === "scored" || r.state === "failed").length;
  const scoring = rows.find((r) => r.state === "scoring");
  const failedCount = rows.filter((r) => r.state === "failed").length;
  const shown = matching(rows, filter);

  return (
    <main className={styles.page}>
      <Title2 as="h1">绩效自评助手 网页版</Title2>
      <Body1>
        给部门整体支出绩效自评表评分：按表中的分值和评分标准核算每项指标，标出扣分和与数据不一致之处，并起草自评报告中“绩效自评情况”的文字。
        可以一次选择多个文件或整个文件夹。
      </Body1>
      <Caption1 className={styles.note}>
        所有计算都在本机浏览器中完成：工作簿不会上传或发送到任何地方，本页禁止一切网络连接。原文件不会被改动，评分结果是可下载的新工作簿。
      </Caption1>
      {scorer.where() === "page" && (
        <Caption1 className={styles.note}>本页是从本机文件直接打开的，浏览器不允许后台评分：评分时页面可能短暂无响应，结果不受影响。</Caption1>
      )}
      <ProfileField profiles={profiles} profileId={profileId} onProfile={chooseProfile} disabled={busy !== null || rules !== null} />
      <RulesFileField
        rules={rules}
        disabled={busy !== null}
        onRules={(chosen) => {
          setRules(chosen);
          setNotices([]);
        }}
        onError={(text) => setNotices([{ intent: "error", title: "评分规则文件有误，仍用原来的规则", text }])}
      />
      <FilePicker disabled={busy !== null} onUploads={score} />
      <Notices notices={notices} />
      {rows.length > 0 && (
        <Field validationMessage={progressText(done, rows.length, scoring?.file ?? null, failedCount)} validationState="none">
          <ProgressBar value={done} max={rows.length} aria-label="评分进度" />
        </Field>
      )}
      {rows.length > 1 && (
        <div className={styles.bar}>
          <Button disabled={busy !== null || scoredOf(rows).length === 0} onClick={downloadAll}>
            下载全部评分结果（{ZIP_NAME}，含评分汇总表）
          </Button>
          {busy === "zip" && <Spinner size="tiny" label="正在打包…" />}
          <Input value={filter} onChange={(_, data) => setFilter(data.value)} placeholder="按文件名筛选" aria-label="按文件名筛选" />
        </div>
      )}
      {rows.length > 0 && (
        <Accordion key={run} multiple collapsible defaultOpenItems={rows.length === 1 ? [0] : []} aria-label="评分结果列表">
          {shown.map(({ row, index }) => (
            <AccordionItem key={index} value={index} aria-label={row.file}>
              <AccordionHeader>
                <RowHeader row={row} />
              </AccordionHeader>
              <AccordionPanel>
                {row.state === "scored" && <ScoredResult upload={row.upload} />}
                {row.state === "failed" && <FailedResult upload={row.upload} />}
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </main>
  );
}
