import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Finding, FindingKind } from "../core/model";
import { layoutFindings, stepFinding } from "./findingGroups";
import { FindingList, type ReviewActions } from "./FindingList";
import { KindFilter } from "./KindFilter";
import { KIND_ORDER, countByKind } from "./text";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  nav: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

interface Props {
  findings: readonly Finding[];
  /** Moves Excel's selection to the finding's cell; without an Excel to move, picking only marks it current. */
  onSelect?: (finding: Finding) => void;
  /** 已核对 given or withdrawn: only where the marks live in a workbook that keeps them (the pane). */
  review?: ReviewActions;
}

const sameFinding = (a: Finding, b: Finding) => a.sheet === b.sheet && a.cell === b.cell && a.kind === b.kind && a.message === b.message;

/**
 * The findings of one run. Mounted afresh per run (keyed by the caller), so filter and position start clean; a
 * confirmation re-scores without remounting, and the current finding is found again among the new findings.
 */
export function FindingsPanel({ findings, onSelect, review }: Props) {
  const styles = useStyles();
  const [shown, setShown] = useState<ReadonlySet<FindingKind>>(() => new Set(KIND_ORDER));
  const [picked, setCurrent] = useState<Finding | null>(null);
  const counts = useMemo(() => countByKind(findings), [findings]);
  const layout = useMemo(() => layoutFindings(findings, shown), [findings, shown]);
  const current = picked && (layout.ordered.find((f) => sameFinding(f, picked)) ?? null);
  const position = current === null ? -1 : layout.ordered.indexOf(current);

  const pick = (finding: Finding) => {
    setCurrent(finding);
    onSelect?.(finding);
  };
  const step = (by: 1 | -1) => {
    const next = stepFinding(layout.ordered, current, by);
    if (next !== null) pick(next);
  };
  const toggle = (kind: FindingKind) => {
    const next = new Set(shown);
    if (next.has(kind)) next.delete(kind);
    else next.add(kind);
    setShown(next);
  };

  if (findings.length === 0) return null;
  return (
    <div className={styles.panel}>
      <KindFilter counts={counts} shown={shown} onToggle={toggle} />
      <div className={styles.nav}>
        <Button size="small" disabled={layout.ordered.length === 0} onClick={() => step(-1)}>
          上一处
        </Button>
        <Button size="small" disabled={layout.ordered.length === 0} onClick={() => step(1)}>
          下一处
        </Button>
        <Text size={200} aria-live="polite">
          {position === -1 ? `共 ${layout.ordered.length} 处` : `第 ${position + 1} / ${layout.ordered.length} 处`}
        </Text>
      </div>
      {layout.ordered.length === 0 ? (
        <Text size={200}>没有符合筛选条件的结果</Text>
      ) : (
        <FindingList groups={layout.groups} current={current} onPick={pick} review={review} />
      )}
    </div>
  );
}
