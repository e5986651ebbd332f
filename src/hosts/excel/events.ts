/**
 * Change events: the pane rechecks when the user (or a co-author) changes the workbook.
 */
import { describeFailure } from "./errors";
import type { Session } from "./session";

/** What an event registration gives back, for removing it again. */
interface Registration {
  context: OfficeExtension.ClientRequestContext;
  remove(): void;
}

/**
 * Calls `listener` when the user (or a co-author) changes the workbook: a cell or its
 * number format, a sheet added or deleted, and, where ExcelApi 1.17 is there, a sheet
 * renamed. Changes the host makes itself are ignored (while writing, and for a quiet
 * time after). Excel delivers events for a cell only once its edit is finished, and the
 * recheck's read waits for cell edit mode to end (Session.batch), so typing is never
 * reported as a failure. Where Excel will not register the events, `onProblem` is told in
 * words the pane can show: the Check button is then the way to recheck. Returns the way to stop.
 */
export function watchChanges(session: Session, listener: () => void, onProblem?: (message: string) => void): () => void {
  let stopped = false;
  const handler = (): Promise<void> => {
    if (!stopped && !session.quiet()) listener();
    return Promise.resolve();
  };
  const registered: Promise<Registration[]> = session
    .batch(async (context) => {
      const worksheets = context.workbook.worksheets;
      const list: Registration[] = [
        worksheets.onChanged.add(handler),
        worksheets.onFormatChanged.add(handler),
        worksheets.onAdded.add(handler),
        worksheets.onDeleted.add(handler),
      ];
      if (session.options.isSetSupported("ExcelApi", "1.17")) list.push(worksheets.onNameChanged.add(handler));
      await context.sync();
      return list;
    })
    .catch((e: unknown) => {
      if (!stopped)
        onProblem?.(
          `${describeFailure(e, "watch the workbook for changes")} Until then the pane does not recheck by itself: choose Check after changing the workbook.`,
        );
      return [];
    });
  return () => {
    if (stopped) return;
    stopped = true;
    void registered.then(async (list) => {
      const context = list.at(0)?.context;
      if (!context) return;
      try {
        // Removal is queued on the context the handlers were added with.
        for (const r of list) r.remove();
        await context.sync();
      } catch {
        // Excel has closed the workbook or the pane; the handlers are gone with it.
      }
    });
  };
}
