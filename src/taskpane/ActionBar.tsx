import { Button, Dropdown, Field, Option, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import type { ProfileChoice } from "./service";

const useStyles = makeStyles({
  bar: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Fluent's Dropdown asks for 250 px by default; let it shrink with a narrow pane instead of forcing a scrollbar.
  dropdown: { minWidth: 0, width: "100%" },
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
  const selected = profiles.find((p) => p.id === profileId);
  return (
    <div className={styles.bar}>
      <Field label="评分规则">
        <Dropdown
          className={styles.dropdown}
          value={selected?.name ?? ""}
          selectedOptions={[profileId]}
          disabled={busy !== null}
          onOptionSelect={(_, data) => data.optionValue && onProfile(data.optionValue)}
        >
          {profiles.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
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
