import { Button, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ProfileChoice } from "../ui/profileChoice";
import { ProfileField } from "../ui/ProfileField";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

/** What is running, so the spinner can say it and both buttons stay disabled meanwhile. */
export type Busy = "score" | "review" | "clear" | null;

const BUSY_LABEL: Record<Exclude<Busy, null>, string> = { score: "正在评分…", review: "正在保存核对并重新评分…", clear: "正在清除…" };

interface Props {
  profiles: ProfileChoice[];
  profileId: string;
  onProfile: (id: string) => void;
  busy: Busy;
  onScore: () => void;
  onClear: () => void;
}

export function ActionBar({ profiles, profileId, onProfile, busy, onScore, onClear }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <ProfileField profiles={profiles} profileId={profileId} onProfile={onProfile} disabled={busy !== null} />
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={busy !== null} onClick={onScore}>
          评分
        </Button>
        <Button disabled={busy !== null} onClick={onClear}>
          清除标注
        </Button>
        {busy !== null && <Spinner size="tiny" label={BUSY_LABEL[busy]} />}
      </div>
    </div>
  );
}
