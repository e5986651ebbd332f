/**
 * The built workbook, offered as a download; saving settings afterwards makes it out of
 * date. After a build the keyboard is taken to the download, the next step.
 */
import * as React from "react";
import { summaryFileName } from "./download";
import type { PageHost } from "./open-workbook";

export interface Built {
  bytes: Uint8Array;
  /** Settings were saved after this build, so it no longer matches them. */
  stale: boolean;
}

/** The last build of the open workbook; null before one, and for a workbook opened since. */
export function useBuiltWorkbook(host: PageHost | null, announce: (text: string) => void) {
  const [last, setLast] = React.useState<{ host: PageHost; built: Built } | null>(null);
  const built = last && last.host === host ? last.built : null;
  const downloadRef = React.useRef<HTMLButtonElement>(null);
  const focusDownload = React.useRef(false);

  React.useEffect(() => {
    if (!host) return;
    const offBuilt = host.onBuilt((bytes) => {
      focusDownload.current = true;
      setLast({ host, built: { bytes, stale: false } });
      announce(`Summary sheets built. ${summaryFileName(host.fileName)} is ready to download.`);
    });
    const offSaved = host.onSettingsSaved(() => {
      setLast((b) => (b && b.host === host ? { host, built: { ...b.built, stale: true } } : b));
    });
    return () => {
      offBuilt();
      offSaved();
    };
  }, [host, announce]);

  React.useEffect(() => {
    if (built && focusDownload.current) {
      focusDownload.current = false;
      downloadRef.current?.focus();
    }
  }, [built]);

  return { built, downloadRef };
}
