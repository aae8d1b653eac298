import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { copyText } from "./clipboard";
import type { NarrativeBlock } from "../core/model";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  caution: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type CopyState = "idle" | "copied" | "failed";

/** How long "已复制" stays before the button reads 复制 again. */
const FEEDBACK_MS = 2000;

/** "已复制" for a while after a copy, then the button reads as before. */
function useCopyState(): [CopyState, (s: CopyState) => void] {
  const [state, setState] = useState<CopyState>("idle");
  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);
  return [state, setState];
}

/** One block of the draft, copied on its own so that the officer pastes it where it belongs in the report. */
function BlockCopy({ block }: { block: NarrativeBlock }) {
  const [state, setState] = useCopyState();
  const copy = async () => setState((await copyText(`${block.heading}\n${block.text}\n`, null)) ? "copied" : "failed");
  return (
    <Button size="small" appearance="subtle" onClick={copy} aria-label={`复制“${block.heading}”`}>
      {state === "copied" ? `已复制${block.heading}` : state === "failed" ? `${block.heading}复制失败` : block.heading}
    </Button>
  );
}

/**
 * The draft report text, read-only: the officer edits it in Word, after checking it against the sheet. A notice above
 * it says when the declared scores it follows disagree with the data.
 */
export function NarrativePanel({ text, blocks = [], notice = null }: { text: string; blocks?: NarrativeBlock[]; notice?: string | null }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useCopyState();

  const copy = async () => setState((await copyText(text, area.current)) ? "copied" : "failed");

  return (
    <div className={styles.panel}>
      {notice && <Caption1 className={styles.caution}>{notice}</Caption1>}
      <Field
        label="自评报告草稿"
        validationState={state === "failed" ? "error" : "none"}
        validationMessage={state === "failed" ? "复制失败，请在文本框中全选后按 Ctrl+C 复制" : undefined}
      >
        <Textarea ref={area} className={styles.text} value={text} readOnly rows={10} resize="vertical" />
      </Field>
      <div className={styles.actions}>
        <Button size="small" appearance="primary" onClick={copy}>
          {state === "copied" ? "已复制" : "复制"}
        </Button>
        <Caption1 className={styles.caution}>草稿，请核对后使用</Caption1>
      </div>
      {blocks.length > 0 && (
        <div className={styles.actions} role="group" aria-label="分段复制">
          <Caption1>分段复制：</Caption1>
          {blocks.map((b) => (
            <BlockCopy key={b.id} block={b} />
          ))}
        </div>
      )}
    </div>
  );
}
