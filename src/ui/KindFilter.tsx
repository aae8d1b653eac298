import { ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { FindingKind } from "../core/model";
import { KIND_LABEL, MARK_FILL } from "../core/plan/markColours";
import { KIND_ORDER } from "./text";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
});

interface Props {
  counts: Record<FindingKind, number>;
  shown: ReadonlySet<FindingKind>;
  onToggle: (kind: FindingKind) => void;
}

/** One toggle per kind; kinds with no findings are disabled rather than hidden so the row does not jump. */
export function KindFilter({ counts, shown, onToggle }: Props) {
  const styles = useStyles();
  return (
    <div className={styles.row} role="group" aria-label="按类型筛选">
      {KIND_ORDER.map((kind) => (
        <ToggleButton
          key={kind}
          size="small"
          shape="circular"
          checked={shown.has(kind) && counts[kind] > 0}
          disabled={counts[kind] === 0}
          onClick={() => onToggle(kind)}
          // The chip wears its kind's colour while it filters, as the badges and the marked cells do.
          style={shown.has(kind) && counts[kind] > 0 ? { backgroundColor: MARK_FILL[kind], color: tokens.colorNeutralForeground1 } : undefined}
        >
          {`${KIND_LABEL[kind]} ${counts[kind]}`}
        </ToggleButton>
      ))}
    </div>
  );
}
