/**
 * The pane runs the builds the ribbon's Build summary asks for (src/commands/build-bus.ts),
 * so the user sees the progress and the result where every other build shows them.
 */
import { useEffect, useRef } from "react";
import { onBuildRequested } from "../commands/build-bus";

export function useRibbonBuild(build: () => Promise<void>, enabled: boolean): void {
  const latest = useRef(build);
  latest.current = build;
  useEffect(() => {
    if (!enabled) return undefined;
    return onBuildRequested(() => latest.current());
  }, [enabled]);
}
