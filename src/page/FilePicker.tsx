/**
 * Where a workbook comes in: a button that opens the file chooser (reachable by keyboard)
 * and a drop zone. The page also accepts a workbook dropped anywhere on it (PageApp).
 */
import * as React from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  large: { flexDirection: "column", alignItems: "flex-start", padding: tokens.spacingHorizontalXL },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  text: { margin: 0 },
});

/** The file types offered in the chooser; anything else that is chosen is checked and explained. */
const ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface FilePickerProps {
  /** A file was chosen or dropped. */
  onFiles: (files: File[]) => void;
  disabled?: boolean;
  /** Large when no workbook is open; compact beside an open one. */
  large?: boolean;
  /** The button's words ("Choose a workbook", "Open another workbook"). */
  label: string;
  buttonRef?: React.Ref<HTMLButtonElement>;
}

export function FilePicker({ onFiles, disabled, large, label, buttonRef }: FilePickerProps) {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);

  const take = (list: FileList | null) => {
    const files = list ? Array.from(list) : [];
    if (files.length) onFiles(files);
  };

  return (
    <div
      className={mergeClasses(s.zone, large && s.large, over && s.over)}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? "none" : "copy";
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        // Handled here; the page-wide handler must not open it a second time.
        e.stopPropagation();
        setOver(false);
        if (!disabled) take(e.dataTransfer.files);
      }}
    >
      <p className={s.text}>
        {large ? "Drag an Excel workbook (.xlsx) here, or choose one from your computer." : "Drag another workbook here, or"}
      </p>
      <Button appearance={large ? "primary" : "secondary"} ref={buttonRef} onClick={() => input.current?.click()} disabledFocusable={disabled}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="file-input"
        onChange={(e) => {
          take(e.currentTarget.files);
          // The same file can be chosen again (for example after fixing it in Excel).
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
