import { Caption1, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useEffect, useRef } from "react";
import type { Finding } from "../core/model";
import type { FindingGroup } from "./findingGroups";
import { ConfirmControl } from "./ConfirmControl";
import { KindBadge } from "./KindBadge";
import { pointsText } from "./text";

const useStyles = makeStyles({
  group: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  title: { overflowWrap: "anywhere", marginTop: tokens.spacingVerticalS },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    boxSizing: "border-box",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: {
    backgroundColor: tokens.colorBrandBackground2,
    borderLeftColor: tokens.colorBrandStroke1,
    ":hover": { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  // A confirmed finding is still listed and counted, but reads as settled.
  confirmed: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  pick: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    textAlign: "start",
    color: tokens.colorNeutralForeground1,
    fontFamily: "inherit",
    cursor: "pointer",
  },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  message: { overflowWrap: "anywhere", whiteSpace: "pre-wrap" },
});

/** What the list offers besides picking: 已核对 given or withdrawn, and whether a run is under way. */
export interface ReviewActions {
  busy: boolean;
  onConfirm: (finding: Finding, note: string) => void;
  onWithdraw: (finding: Finding) => void;
}

interface ItemProps {
  finding: Finding;
  isCurrent: boolean;
  onPick: (finding: Finding) => void;
  review?: ReviewActions;
}

function FindingItem({ finding, isCurrent, onPick, review }: ItemProps) {
  const styles = useStyles();
  const ref = useRef<HTMLButtonElement>(null);
  // Keep the current finding visible when 上一处/下一处 move past the edge of a long list.
  useEffect(() => {
    if (isCurrent) ref.current?.scrollIntoView({ block: "nearest" });
  }, [isCurrent]);
  const points = pointsText(finding);
  return (
    <div className={mergeClasses(styles.item, finding.confirmed && styles.confirmed, isCurrent && styles.current)}>
      <button ref={ref} type="button" className={styles.pick} data-finding="" aria-current={isCurrent ? "true" : undefined} onClick={() => onPick(finding)}>
        <span className={styles.line}>
          <KindBadge kind={finding.kind} />
          <Caption1>
            {finding.sheet}!{finding.cell}
          </Caption1>
          {points !== null && <Caption1>{points}</Caption1>}
        </span>
        <Text size={200} className={styles.message}>
          {finding.message}
        </Text>
      </button>
      {review && <ConfirmControl finding={finding} {...review} />}
    </div>
  );
}

interface Props {
  groups: FindingGroup[];
  current: Finding | null;
  onPick: (finding: Finding) => void;
  review?: ReviewActions;
}

export function FindingList({ groups, current, onPick, review }: Props) {
  const styles = useStyles();
  return (
    <div>
      {groups.map((group) => (
        <section key={group.title} className={styles.group} aria-label={group.title}>
          <Text weight="semibold" size={200} className={styles.title}>
            {group.title}
          </Text>
          {group.items.map(({ finding, position }) => (
            <FindingItem key={position} finding={finding} isCurrent={finding === current} onPick={onPick} review={review} />
          ))}
        </section>
      ))}
    </div>
  );
}
