import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import type { FindingKind } from "../core/model";
import { KIND_LABEL, MARK_FILL } from "../core/plan/markColours";

/** Each kind wears the fill its cells get in the sheet, so the pane and the workbook speak the same colours. */
const useStyles = makeStyles(
  Object.fromEntries(
    Object.entries(MARK_FILL).map(([kind, fill]) => [
      kind,
      {
        backgroundColor: fill,
        color: tokens.colorNeutralForeground1,
        border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      },
    ])
  ) as Record<FindingKind, { backgroundColor: string; color: string; border: string }>
);

export function KindBadge({ kind, count }: { kind: FindingKind; count?: number }) {
  const styles = useStyles();
  return (
    <Badge appearance="filled" shape="rounded" className={styles[kind]}>
      {count === undefined ? KIND_LABEL[kind] : `${KIND_LABEL[kind]} ${count}`}
    </Badge>
  );
}
