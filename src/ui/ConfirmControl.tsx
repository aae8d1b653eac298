import { Button, Caption1, Input, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { Finding } from "../core/model";
import { confirmedText } from "./text";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  note: { flexGrow: 1, minWidth: "8em" },
  done: { color: tokens.colorPaletteGreenForeground1, overflowWrap: "anywhere" },
});

interface Props {
  finding: Finding;
  /** A run is under way: nothing can be confirmed or withdrawn meanwhile. */
  busy: boolean;
  onConfirm: (finding: Finding, note: string) => void;
  onWithdraw: (finding: Finding) => void;
}

/**
 * 已核对 for one finding: the officer says they checked it, with an optional note. The mark is saved in the workbook,
 * and the cell unmarked, by scoring again; a confirmed finding offers to withdraw it.
 */
export function ConfirmControl({ finding, busy, onConfirm, onWithdraw }: Props) {
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState("");
  if (finding.confirmed) {
    return (
      <div className={styles.row}>
        <Caption1 className={styles.done}>{confirmedText(finding.confirmed)}</Caption1>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => onWithdraw(finding)}>
          撤销核对
        </Button>
      </div>
    );
  }
  if (!editing) {
    return (
      <div className={styles.row}>
        <Button size="small" appearance="subtle" disabled={busy} onClick={() => setEditing(true)}>
          标为已核对
        </Button>
      </div>
    );
  }
  const submit = () => {
    setEditing(false);
    onConfirm(finding, note);
  };
  return (
    <div className={styles.row}>
      <Input
        className={styles.note}
        size="small"
        value={note}
        placeholder="核对说明（可不填）"
        aria-label="核对说明"
        onChange={(_, data) => setNote(data.value)}
        onKeyDown={(e) => e.key === "Enter" && submit()}
      />
      <Button size="small" appearance="primary" disabled={busy} onClick={submit}>
        确认已核对
      </Button>
      <Button size="small" onClick={() => setEditing(false)}>
        取消
      </Button>
    </div>
  );
}
