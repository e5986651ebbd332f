/**
 * @jest-environment jsdom
 */
// Issue 10, point 5: the ribbon's Build summary tells the user what happened: it opens the
// pane, which builds with its progress and result, or (without a shared runtime) builds
// and shows the outcome in a dialog box. Never only the console.
import * as React from "react";
import { act, render } from "@testing-library/react";
import { onBuildRequested, requestBuild, resetBuildBus } from "../../../src/commands/build-bus";
import { runRibbonBuild, type RibbonDeps } from "../../../src/commands/ribbon";
import { ExcelHost } from "../../../src/hosts/excel";
import { useRibbonBuild } from "../../../src/taskpane/ribbon-build";
import { FakeExcel } from "../../fakes/excel/fake-excel";
import { addActionSheet } from "./plan-fixtures";

function deps(over: Partial<RibbonDeps> = {}) {
  const messages: [string, string][] = [];
  const fake = new FakeExcel();
  addActionSheet(fake, "RA 1", 1000);
  const d: RibbonDeps = {
    sharedRuntime: true,
    showPane: jest.fn(() => Promise.resolve()),
    host: () => new ExcelHost({ run: fake.run, isSetSupported: fake.isSetSupported }),
    showMessage: (title, message) => {
      messages.push([title, message]);
      return Promise.resolve();
    },
    now: () => new Date("2023-09-21T12:00:00Z"),
    ...over,
  };
  return { d, messages, fake };
}

beforeEach(() => resetBuildBus());

describe("the ribbon's Build summary", () => {
  it("opens the pane, which runs the build (one at a time), with no console error", async () => {
    const errors = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { d } = deps();
    let release: () => void = () => undefined;
    const builds: number[] = [];
    onBuildRequested(() => {
      builds.push(builds.length + 1);
      return new Promise<void>((r) => (release = r));
    });
    await runRibbonBuild(d);
    expect(d.showPane).toHaveBeenCalledTimes(1);
    expect(builds).toEqual([1]);
    // A second click while the first build runs starts nothing.
    await runRibbonBuild(d);
    expect(builds).toEqual([1]);
    release();
    await Promise.resolve();
    await Promise.resolve();
    await runRibbonBuild(d);
    expect(builds).toEqual([1, 2]);
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it("a build asked for before the pane has loaded starts when it is ready", async () => {
    expect(requestBuild()).toBe("queued");
    const run = jest.fn(() => Promise.resolve());
    onBuildRequested(run);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("the pane's hook runs the ribbon's builds with the pane's own build", async () => {
    const build = jest.fn(() => Promise.resolve());
    function Pane() {
      useRibbonBuild(build, true);
      return null;
    }
    render(React.createElement(Pane));
    await act(async () => {
      requestBuild();
      await Promise.resolve();
    });
    expect(build).toHaveBeenCalledTimes(1);
  });

  it("without a shared runtime, builds and shows the outcome in a dialog box", async () => {
    const { d, messages, fake } = deps({ sharedRuntime: false });
    await runRibbonBuild(d);
    expect(d.showPane).not.toHaveBeenCalled();
    expect(messages[0]?.[0]).toBe("Summary sheets written");
    expect(fake.sheet("Recovery Summary")).toBeDefined();
  });

  it("without a shared runtime, a failure is shown in words, not in the console", async () => {
    const { d, messages, fake } = deps({ sharedRuntime: false });
    fake.state.readOnly = true;
    await runRibbonBuild(d);
    expect(messages).toEqual([["The summary could not be built", expect.stringMatching(/^This workbook is open read-only/)]]);
  });
});
