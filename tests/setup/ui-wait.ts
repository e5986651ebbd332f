/**
 * How long the pane's tests wait for the pane to show something (findBy…, waitFor): 10 s,
 * not Testing Library's 1 s. A wait ends as soon as the pane shows it, so this only matters
 * on a loaded machine, where reading a sample and rendering its findings in jsdom can take
 * more than a second. Speed is measured by `npm run bench`, not by these tests.
 */
if (typeof document !== "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only by jsdom suites
  (require("@testing-library/react") as typeof import("@testing-library/react")).configure({ asyncUtilTimeout: 10_000 });
}
