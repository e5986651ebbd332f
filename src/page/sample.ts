/**
 * The sample board pack (examples/board-pack.xlsx, from Midlothian's public board papers),
 * bundled with the page by webpack (`new URL(..., import.meta.url)` emits it as an asset),
 * so a new user can try the page without a workbook of their own.
 */

const SAMPLE_FILE_NAME = "board-pack.xlsx";

/**
 * Fetches the sample from the page's own server, as a File to open like a chosen one. A
 * failure's message follows "Could not open the sample board pack:" (PageApp).
 */
export async function fetchSample(): Promise<File> {
  // @ts-expect-error TS1343: the type check runs as CommonJS; webpack builds this file as an ES module.
  const url = new URL("../../examples/board-pack.xlsx", import.meta.url);
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    // fetch rejects with a TypeError ("Failed to fetch") when the server does not answer:
    // the network's problem, not a fault of ours (core/fault.ts), so said as it is.
    throw new Error("this page's server did not answer (is it still running, and is the connection up?)");
  }
  if (!response.ok) throw new Error(`this page's server did not give it (${response.status} ${response.statusText})`);
  return new File([await response.arrayBuffer()], SAMPLE_FILE_NAME, {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
}
