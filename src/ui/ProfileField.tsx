import { Dropdown, Field, Option, makeStyles } from "@fluentui/react-components";
import type { ProfileChoice } from "./profileChoice";

const useStyles = makeStyles({
  // Fluent's Dropdown asks for 250 px by default; let it shrink with a narrow pane instead of forcing a scrollbar.
  dropdown: { minWidth: 0, width: "100%" },
});

interface Props {
  profiles: ProfileChoice[];
  profileId: string;
  onProfile: (id: string) => void;
  disabled: boolean;
}

/** The 评分规则 dropdown of the pane and the web page. */
export function ProfileField({ profiles, profileId, onProfile, disabled }: Props) {
  const styles = useStyles();
  const selected = profiles.find((p) => p.id === profileId);
  return (
    <Field label="评分规则">
      <Dropdown
        className={styles.dropdown}
        value={selected?.name ?? ""}
        selectedOptions={[profileId]}
        disabled={disabled}
        onOptionSelect={(_, data) => data.optionValue && onProfile(data.optionValue)}
      >
        {profiles.map((p) => (
          <Option key={p.id} value={p.id}>
            {p.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
