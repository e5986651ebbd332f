/**
 * jsdom has no web streams; the .xlsx host's zip reader (zip.js) needs them at import. Node's
 * own are the same standard, so the pane's tests can open the real sample workbooks.
 * Imported before anything that loads the .xlsx host.
 */
import * as web from "stream/web";
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as Record<string, unknown>;
for (const [name, value] of Object.entries({ ...web, TextDecoder, TextEncoder })) {
  if (g[name] === undefined) g[name] = value;
}
