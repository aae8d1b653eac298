import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { copyText } from "./clipboard";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  text: { width: "100%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  caution: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

type CopyState = "idle" | "copied" | "failed";

/** How long "已复制" stays before the button reads 复制 again. */
const FEEDBACK_MS = 2000;

/** The draft report text, read-only: the officer edits it in Word, after checking it against the sheet. */
export function NarrativePanel({ text }: { text: string }) {
  const styles = useStyles();
  const area = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(text, area.current)) ? "copied" : "failed");

  return (
    <div className={styles.panel}>
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
    </div>
  );
}
