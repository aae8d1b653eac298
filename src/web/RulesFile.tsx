import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useRef } from "react";
import { parseProfile } from "../core/rules/parseProfile";
import type { Profile } from "../core/rules/profile";
import { errorText } from "../ui/text";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

/** A city's own rules, as `ziping score --profile 我市规则.json` takes them: the file's name and what it holds. */
export interface RulesFile {
  name: string;
  profile: Profile;
}

interface Props {
  rules: RulesFile | null;
  disabled: boolean;
  onRules: (rules: RulesFile | null) => void;
  /** The Chinese message of a file that is not a valid rules file. */
  onError: (message: string) => void;
}

/** Choose a rules file (.json) instead of the built-in rules, checked as the command line checks it; or go back. */
export function RulesFileField({ rules, disabled, onRules, onError }: Props) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const chosen = async (element: HTMLInputElement) => {
    const file = element.files?.[0];
    element.value = ""; // the same file may be chosen again after it was fixed
    if (!file) return;
    try {
      onRules({ name: file.name, profile: parseProfile(await file.text(), `评分规则文件 ${file.name} `) });
    } catch (error) {
      onError(errorText(error));
    }
  };
  return (
    <div className={styles.row}>
      {rules === null ? (
        <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>
          使用本市的评分规则文件（.json）
        </Button>
      ) : (
        <>
          <Caption1>
            正在使用评分规则文件 {rules.name}（{rules.profile.name}）
          </Caption1>
          <Button size="small" disabled={disabled} onClick={() => onRules(null)}>
            改用内置规则
          </Button>
        </>
      )}
      <input ref={input} className={styles.hidden} type="file" accept=".json,application/json" aria-label="选择评分规则文件" onChange={(e) => void chosen(e.currentTarget)} />
    </div>
  );
}
