import { Button, Divider, MessageBar, MessageBarActions, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../core/model";
import { ActionBar, type Busy } from "./ActionBar";
import { FindingsPanel } from "../ui/FindingsPanel";
import { NarrativePanel } from "../ui/NarrativePanel";
import { draftNotice } from "../core/narrative/narrate";
import { Notices, type Notice } from "../ui/Notices";
import { profileChoices, rememberProfileId, rememberedProfileId } from "../ui/profileChoice";
import { ScoreCard } from "../ui/ScoreCard";
import { Intro } from "./Intro";
import { lapsedTexts } from "../core/plan/summarySheet";
import { clearWorkbookMarks, confirmFinding, goToCell, scoreWorkbook, withdrawConfirmation, type RunReport } from "../addin/service";
import { clearedText, errorText, skippedSheetsText } from "../ui/text";
import { useWorkbookChanged } from "./useWorkbookChanged";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** What the officer should know about a run besides the scores. */
function runNotices(report: RunReport): Notice[] {
  const notices: Notice[] = [];
  const skipped = skippedSheetsText(report.skippedProtectedSheets);
  if (skipped !== null) notices.push({ intent: "warning", text: skipped });
  if (report.notesMode === "none") {
    notices.push({ intent: "info", text: `此版本 Excel 不支持单元格批注，扣分说明请见工作表“${report.summarySheet}”` });
  }
  if (report.notice) notices.push({ intent: "info", text: report.notice });
  for (const text of lapsedTexts(report.result)) notices.push({ intent: "warning", text });
  return notices;
}

/** The pane once Excel is connected: choose rules, score, read and visit the findings, copy the draft, clear. */
export function ScoringView() {
  const styles = useStyles();
  const [profiles] = useState(profileChoices);
  const [profileId, setProfileId] = useState(rememberedProfileId);
  const [busy, setBusy] = useState<Busy>(null);
  const [report, setReport] = useState<RunReport | null>(null);
  // Bumped per run so the findings panel remounts with a fresh filter and position.
  const [run, setRun] = useState(0);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [scoredAt, setScoredAt] = useState<Date | null>(null);

  const chooseProfile = (id: string) => {
    setProfileId(id);
    rememberProfileId(id);
  };

  const changed = useWorkbookChanged(report?.fingerprint ?? null, busy !== null);

  /** A scoring run: afresh (the list starts clean), or to give or withdraw 已核对 (the list keeps its filter). */
  const runScoring = async (kind: Exclude<Busy, "clear" | null>, work: () => Promise<RunReport>) => {
    setBusy(kind);
    setNotices([]);
    try {
      const next = await work();
      setReport(next);
      setScoredAt(new Date());
      if (kind === "score") setRun((n) => n + 1);
      setNotices(runNotices(next));
    } catch (error) {
      setNotices([{ intent: "error", title: kind === "score" ? "评分未完成" : "核对未保存", text: errorText(error) }]);
    } finally {
      setBusy(null);
    }
  };
  const score = () => runScoring("score", () => scoreWorkbook(profileId));
  const review = {
    busy: busy !== null,
    onConfirm: (finding: Finding, note: string) => runScoring("review", () => confirmFinding(profileId, finding, note)),
    onWithdraw: (finding: Finding) => runScoring("review", () => withdrawConfirmation(profileId, finding)),
  };

  const clear = async () => {
    setBusy("clear");
    setNotices([]);
    try {
      const done = await clearWorkbookMarks();
      // The marks and 评分汇总 are gone: so is what the pane said about them.
      setReport(null);
      setScoredAt(null);
      const cleared: Notice = { intent: "success", text: clearedText(done.restoredCells, done.removedSheets, done.keptConfirmations) };
      setNotices(done.notice ? [cleared, { intent: "info", text: done.notice }] : [cleared]);
    } catch (error) {
      setNotices([{ intent: "error", title: "清除标注未完成", text: errorText(error) }]);
    } finally {
      setBusy(null);
    }
  };

  const select = (finding: Pick<Finding, "sheet" | "cell">) => {
    goToCell(finding.sheet, finding.cell).catch((error: unknown) =>
      setNotices([{ intent: "error", title: `无法定位到 ${finding.sheet}!${finding.cell}`, text: errorText(error) }])
    );
  };

  return (
    <main className={styles.view}>
      <ActionBar
        profiles={profiles}
        profileId={profileId}
        onProfile={chooseProfile}
        busy={busy}
        onScore={score}
        onClear={clear}
      />
      <Notices notices={notices} />
      {report === null && notices.length === 0 && <Intro />}
      {report !== null && changed && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>评分后工作簿已修改，请重新评分</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy !== null} onClick={score}>
              重新评分
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {report !== null && (
        <>
          <ScoreCard result={report.result} marking={report} scoredAt={scoredAt} onOpenSummary={() => select({ sheet: report.summarySheet, cell: "A1" })} />
          {report.result.findings.length > 0 && (
            <>
              <Divider />
              <Subtitle2>发现的问题</Subtitle2>
              <FindingsPanel key={run} findings={report.result.findings} onSelect={select} review={review} />
            </>
          )}
          {report.result.narrative !== undefined && report.result.narrative !== "" && (
            <>
              <Divider />
              <NarrativePanel text={report.result.narrative} blocks={report.result.narrativeBlocks} notice={draftNotice(report.result)} />
            </>
          )}
        </>
      )}
    </main>
  );
}
