import { Button, Divider, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { draftNotice } from "../core/narrative/narrate";
import { FindingsPanel } from "../ui/FindingsPanel";
import { NarrativePanel } from "../ui/NarrativePanel";
import { ScoreCard } from "../ui/ScoreCard";
import { download, XLSX_TYPE } from "./download";
import type { FailedUpload, ScoredUpload } from "./jobs";
import { scoredCopyName } from "../batch/copyPath";
import { baseName, copyLacksText } from "./text";

const useStyles = makeStyles({
  result: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, paddingBottom: tokens.spacingVerticalM },
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

/** One scored workbook as the task pane shows it, with its marked copy to download instead of marks in Excel. */
export function ScoredResult({ upload }: { upload: ScoredUpload }) {
  const styles = useStyles();
  const { result } = upload;
  const lacks = copyLacksText(upload.copyLacks);
  const name = scoredCopyName(baseName(upload.file));
  return (
    <div className={styles.result}>
      <ScoreCard result={result} marking={upload.marking ?? undefined} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => download(name, upload.copy, XLSX_TYPE)}>
          下载评分副本（{name}）
        </Button>
      </div>
      {lacks !== null && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.body}>{lacks}</MessageBarBody>
        </MessageBar>
      )}
      {result.findings.length > 0 && (
        <>
          <Divider />
          <Subtitle2>发现的问题</Subtitle2>
          <FindingsPanel findings={result.findings} />
        </>
      )}
      {result.narrative !== undefined && result.narrative !== "" && (
        <>
          <Divider />
          <NarrativePanel text={result.narrative} blocks={result.narrativeBlocks} notice={draftNotice(result)} />
        </>
      )}
    </div>
  );
}

/** A file that could not be scored: the message `ziping score` gives for it. */
export function FailedResult({ upload }: { upload: FailedUpload }) {
  const styles = useStyles();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody className={styles.body}>{upload.message}</MessageBarBody>
    </MessageBar>
  );
}
