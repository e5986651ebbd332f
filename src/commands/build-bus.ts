/**
 * The ribbon's Build summary and the task pane share one JavaScript runtime (the manifest's
 * shared runtime, SharedRuntime 1.1): the ribbon asks for a build here, and the pane, which
 * shows the progress and the result, runs it. A request made before the pane has started
 * listening waits for it. One build at a time: a request while one runs is ignored (the pane
 * already shows that build's progress).
 */

type Builder = () => Promise<void>;

let builder: Builder | null = null;
let waiting = false;
let running = false;

async function start(run: Builder): Promise<void> {
  running = true;
  try {
    await run();
  } finally {
    running = false;
  }
}

/**
 * Asks the pane to build. Returns "started", "queued" (the pane is still loading) or
 * "busy" (a build is already running).
 */
export function requestBuild(): "started" | "queued" | "busy" {
  if (running || waiting) return "busy";
  if (!builder) {
    waiting = true;
    return "queued";
  }
  void start(builder);
  return "started";
}

/** The pane offers to run builds; a request that came first starts now. Returns the way to stop. */
export function onBuildRequested(run: Builder): () => void {
  builder = run;
  if (waiting) {
    waiting = false;
    void start(run);
  }
  return () => {
    if (builder === run) builder = null;
  };
}

/** For tests: forget every request and listener. */
export function resetBuildBus(): void {
  builder = null;
  waiting = false;
  running = false;
}
