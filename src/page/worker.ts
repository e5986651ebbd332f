/**
 * The page's Web Worker: reads the workbook and writes its summaries by addition
 * (src/hosts/xlsx; the browser's own inflate for large parts, fflate for small ones) off the
 * page's thread, so a large workbook never freezes the page. The only part of the page that
 * holds a workbook's package. It posts progress as it reads (about a hundred steps, by bytes).
 */
import { z } from "zod";
import { browserInflater } from "../hosts/xlsx/browser-inflate";
import { templateWorkbookBytes } from "../hosts/xlsx/template";
import { XlsxHost } from "../hosts/xlsx/xlsx-host";
import { serveWorkbooks, type PortLike } from "./protocol";

// The page's Content-Security-Policy forbids eval; zod must not try its compiled fast path.
z.config({ jitless: true });

// Blank templates come from the command line's own template writer, so both give the same workbook.
serveWorkbooks(self as unknown as PortLike, (bytes, fileName) => new XlsxHost(bytes, fileName, { inflater: browserInflater }), templateWorkbookBytes);
