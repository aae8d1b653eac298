import { Button, Caption1, Card, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Grade, ScoreResult } from "../core/model";
import { KindBadge } from "./KindBadge";
import { fmt } from "../core/decimal";
import { checkedText } from "../core/score/checked";
import { KIND_ORDER, countByKind } from "./text";

const useStyles = makeStyles({
  heading: { overflowWrap: "anywhere" },
  totals: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalL },
  total: { display: "flex", flexDirection: "column", minWidth: "6em" },
  score: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  note: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
});

function Total({ label, value, grade }: { label: string; value: number; grade: Grade }) {
  const styles = useStyles();
  return (
    <div className={styles.total}>
      <Caption1>{label}</Caption1>
      <Text className={styles.score}>
        {fmt(value)}
        <Text size={300}> 分（{grade}）</Text>
      </Text>
    </div>
  );
}

/** Where the run's marks went: cells marked in the workbook, and the summary sheet written beside them. */
export interface Marking {
  marked: number;
  summarySheet: string;
}

interface Props {
  result: ScoreResult;
  /** Said under the counts when the run marked a workbook (the pane's open one; the web page's scored copy). */
  marking?: Marking;
  scoredAt?: Date | null;
  /** Shows the summary sheet in Excel: only where there is an Excel to show it in. */
  onOpenSummary?: () => void;
}

/** 自评 (declared) next to 核算 (computed) so the officer sees at once whether the table adds up. */
export function ScoreCard({ result, marking, scoredAt = null, onOpenSummary }: Props) {
  const styles = useStyles();
  const counts = countByKind(result.findings);
  const kinds = KIND_ORDER.filter((k) => counts[k] > 0);
  const confirmed = result.findings.filter((f) => f.confirmed).length;
  const heading = [result.unit, result.year === null ? null : `${result.year} 年度`].filter(Boolean).join(" · ");
  return (
    <Card aria-label="评分结果">
      {heading !== "" && <Text weight="semibold" className={styles.heading}>{heading}</Text>}
      <div className={styles.totals}>
        <Total label="自评" value={result.total.declared} grade={result.declaredGrade} />
        <Total label="核算" value={result.total.computed} grade={result.grade} />
      </div>
      <Caption1 className={styles.note}>
        满分 {fmt(result.total.max)} 分；{checkedText(result.total)}
      </Caption1>
      <div className={styles.counts}>
        {kinds.length === 0 ? (
          <Text>未发现问题</Text>
        ) : (
          kinds.map((k) => <KindBadge key={k} kind={k} count={counts[k]} />)
        )}
      </div>
      {confirmed > 0 && <Caption1 className={styles.note}>其中 {confirmed} 处已核对：仍计入上面的数量，单元格不再标注</Caption1>}
      {marking && (
        <Caption1 className={styles.note}>
          {scoredAt ? `${scoredAt.toLocaleTimeString("zh-CN", { hour12: false })} 评分，` : ""}已标注 {marking.marked} 个单元格，汇总见工作表“{marking.summarySheet}”
        </Caption1>
      )}
      {marking && onOpenSummary && (
        <Button size="small" onClick={onOpenSummary}>
          打开“{marking.summarySheet}”
        </Button>
      )}
    </Card>
  );
}
