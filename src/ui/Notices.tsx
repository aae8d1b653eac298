import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";

export interface Notice {
  intent: "error" | "warning" | "success" | "info";
  title?: string;
  text: string;
}

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  // Sheet names and error texts can be long unbroken Chinese runs; wrap them instead of widening the pane.
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

export function Notices({ notices }: { notices: Notice[] }) {
  const styles = useStyles();
  if (notices.length === 0) return null;
  return (
    <div className={styles.list}>
      {notices.map((n, i) => (
        <MessageBar key={i} intent={n.intent} layout="multiline">
          <MessageBarBody className={styles.body}>
            {n.title !== undefined && <MessageBarTitle>{n.title}</MessageBarTitle>}
            {n.text}
          </MessageBarBody>
        </MessageBar>
      ))}
    </div>
  );
}
