import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  intro: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  note: { color: tokens.colorNeutralForeground3 },
});

/**
 * Before the first run: what scoring does, what it changes in the workbook, that nothing leaves the computer, and the
 * web page beside the pane on the same site for colleagues whose Excel cannot load add-ins.
 */
export function Intro() {
  const styles = useStyles();
  return (
    <section className={styles.intro} aria-label="使用说明">
      <Body1>按自评表中的分值和评分标准核算每项指标，标出扣分和与数据不一致之处，并起草自评报告中“绩效自评情况”的文字。</Body1>
      <Caption1 className={styles.note}>
        评分会给有问题的单元格填色并加批注，新增“评分汇总”工作表和一个隐藏的备份表；不改动任何单元格的内容。“清除标注”可恢复原样。
      </Caption1>
      <Caption1 className={styles.note}>
        核对过的问题可标为“已核对”：单元格不再标注，仍计入问题数并列在“评分汇总”中；记录保存在工作簿里，重新评分和清除标注后都保留，单元格的值改动后自动失效。
      </Caption1>
      <Caption1 className={styles.note}>所有计算都在本机完成，工作簿内容不会发送到任何地方。</Caption1>
      <Caption1 className={styles.note}>
        没有 Excel 加载项权限或使用 WPS 时，可以用
        <Link href="web.html" target="_blank" rel="noopener">
          网页版
        </Link>
        ：在浏览器中给一个或多个自评表评分，下载标注后的副本。
      </Caption1>
    </section>
  );
}
