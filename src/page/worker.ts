/**
 * The page's Web Worker: reads the workbook and writes its summaries by addition
 * (src/hosts/xlsx, fflate to inflate) off the page's thread, so a large workbook never
 * freezes the page. The only part of the page that holds a workbook's package.
 */
import { z } from "zod";
import { templateWorkbookBytes } from "../hosts/xlsx/template";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { serveWorkbooks, type PortLike } from "./protocol";

// The page's Content-Security-Policy forbids eval; zod must not try its compiled fast path.
z.config({ jitless: true });

// Blank templates come from the command line's own template writer, so both give the same workbook.
serveWorkbooks(self as unknown as PortLike, (bytes, fileName) => new XlsxHost(bytes, fileName), templateWorkbookBytes);
