import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { ScoringView } from "./ScoringView";
import { connectToExcel, type HostState } from "../addin/service";

const useStyles = makeStyles({
  page: { padding: tokens.spacingHorizontalM, boxSizing: "border-box", maxWidth: "100%" },
  body: { whiteSpace: "normal", overflowWrap: "anywhere" },
});

/** Waits for Excel before showing anything that needs it; a pane outside Excel explains why it cannot work. */
export function App() {
  const styles = useStyles();
  const [host, setHost] = useState<HostState | null>(null);

  useEffect(() => {
    let live = true;
    connectToExcel().then((state) => live && setHost(state));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className={styles.page}>
      {host === null && <Spinner size="small" label="正在连接 Excel…" />}
      {host !== null && !host.ready && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody className={styles.body}>
            <MessageBarTitle>无法连接 Excel</MessageBarTitle>
            {host.message}
          </MessageBarBody>
        </MessageBar>
      )}
      {host !== null && host.ready && <ScoringView />}
    </div>
  );
}
