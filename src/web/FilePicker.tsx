import { Button, Caption1, makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { fromDrop, fromInput, type Upload } from "./uploads";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    textAlign: "center",
  },
  over: { ...shorthands.borderColor(tokens.colorBrandStroke1), backgroundColor: tokens.colorBrandBackground2 },
  buttons: { display: "flex", flexWrap: "wrap", justifyContent: "center", gap: tokens.spacingHorizontalS },
  hidden: { display: "none" },
});

interface Props {
  disabled: boolean;
  onUploads: (uploads: Upload[]) => void;
}

/** Drop files or folders here, or choose them: several files at once, or a whole folder of workbooks. */
export function FilePicker({ disabled, onUploads }: Props) {
  const styles = useStyles();
  const files = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  // Not in React's attribute list: the folder dialog is asked for on the element itself.
  useEffect(() => folder.current?.setAttribute("webkitdirectory", ""), []);

  const chosen = (input: HTMLInputElement) => {
    if (input.files !== null) onUploads(fromInput(input.files));
    input.value = ""; // the same files may be chosen again
  };
  const dropped = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) fromDrop(event.dataTransfer).then(onUploads);
  };

  return (
    <div
      role="region"
      aria-label="拖放自评表"
      className={mergeClasses(styles.zone, over && !disabled && styles.over)}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={dropped}
    >
      <Caption1>把自评表（.xlsx）或整个文件夹拖到这里，或者</Caption1>
      <div className={styles.buttons}>
        <Button appearance="primary" disabled={disabled} onClick={() => files.current?.click()}>
          选择文件
        </Button>
        <Button disabled={disabled} onClick={() => folder.current?.click()}>
          选择文件夹
        </Button>
      </div>
      <input ref={files} className={styles.hidden} type="file" multiple accept=".xlsx,.xlsm" aria-label="选择自评表文件" onChange={(e) => chosen(e.currentTarget)} />
      <input ref={folder} className={styles.hidden} type="file" aria-label="选择文件夹" onChange={(e) => chosen(e.currentTarget)} />
    </div>
  );
}
