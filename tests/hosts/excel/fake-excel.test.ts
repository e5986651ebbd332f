// The fake must behave like Excel where the host could get it wrong, or the host's tests prove nothing.
import { FakeExcel } from "../../fakes/excel/fake-excel";

describe("the fake Excel", () => {
  it("throws PropertyNotLoaded on a read before load() and sync()", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", { A1: 1 });
    await fake.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      sheets.load("items/name");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["S"]);
      expect(() => sheets.items[0].visibility).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      const missing = sheets.getItemOrNullObject("Nope");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
    });
  });

  it("queues writes until sync, and counts syncs and request sizes", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("S").getRange("A1:B1").values = [["x", 2]];
      expect(fake.cell("S", "A1")).toBeUndefined();
      await ctx.sync();
      expect(fake.cell("S", "A1")?.value).toBe("x");
    });
    expect(fake.syncs).toHaveLength(1);
    expect(fake.syncs[0].requestBytes).toBeGreaterThan(JSON.stringify([["x", 2]]).length);
  });

  it("keeps the operations before a failing one, as Excel does", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    const err = await fake
      .run(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem("S");
        ws.getRange("A1").values = [["kept"]];
        ws.getRange("A2:B2").values = [["wrong shape"]];
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("InvalidArgument");
    expect(fake.cell("S", "A1")?.value).toBe("kept");
  });

  it("turns number-like text into numbers unless the cell is formatted as Text", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1").values = [["1.10"]];
      const b = ws.getRange("B1");
      b.numberFormat = [["@"]];
      b.values = [["1.10"]];
      await ctx.sync();
    });
    expect(fake.cell("S", "A1")?.value).toBe(1.1);
    expect(fake.cell("S", "B1")?.value).toBe("1.10");
  });

  it("sets hyperlinks a grid at a time (setCellProperties), as Range.hyperlink does, refusing a grid of the wrong shape", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", { A3: "keep" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("A1:A3").setCellProperties([
        [{ hyperlink: { documentReference: "S!C1", textToDisplay: "one" } }],
        [{ hyperlink: { documentReference: "S!C2", textToDisplay: "two" } }],
        [{}],
      ]);
      // A single value set on a block reaches every cell of it (numberFormat as Ctrl+Enter).
      ws.getRange("B1:C2").numberFormat = "@" as unknown as string[][];
      await ctx.sync();
    });
    expect([fake.cell("S", "A1")?.value, fake.linkAt("S", "A2")]).toEqual(["one", { documentReference: "S!C2", textToDisplay: "two" }]);
    expect([fake.cell("S", "A3")?.value, fake.cell("S", "A3")?.hyperlink]).toEqual(["keep", undefined]);
    expect(["B1", "C2"].map((a) => fake.cell("S", a)?.numberFormat)).toEqual(["@", "@"]);
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1:A2").setCellProperties([[{ hyperlink: { documentReference: "S!C1" } }]]);
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("InvalidArgument");
    const old = new FakeExcel({ apiVersion: "1.8" });
    old.addSheet("S");
    const tooOld = await old
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").setCellProperties([[{ hyperlink: { documentReference: "S!C1" } }]]);
        await ctx.sync();
      })
      .catch((e) => e);
    expect(tooOld.code).toBe("ApiNotFound");
  });

  it("refuses an API newer than its version", async () => {
    const fake = new FakeExcel({ apiVersion: "1.9" });
    fake.addSheet("S");
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("ApiNotFound");
  });
});

describe("the fake Excel's data validation, events and merged-area limit", () => {
  it("keeps data validation per cell, refuses a rule over a rule, and checks Excel's limits", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    await fake.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem("S").getRange("B2:B3").dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: "High,Medium,Low" } };
      dv.prompt = { showPrompt: true, title: "Risk Level", message: "Choose one." };
      await ctx.sync();
    });
    expect(fake.validationAt("S", "B3")).toEqual({
      rule: { list: { inCellDropDown: true, source: "High,Medium,Low" } },
      prompt: { showPrompt: true, title: "Risk Level", message: "Choose one." },
    });
    expect(fake.validationAt("S", "B4")).toBeUndefined();

    const attempt = (f: (dv: Excel.DataValidation) => void) =>
      fake
        .run(async (ctx) => {
          f(ctx.workbook.worksheets.getItem("S").getRange("B3:C3").dataValidation);
          await ctx.sync();
        })
        .then(() => null, (e) => e.code);
    expect(await attempt((dv) => (dv.rule = { decimal: { formula1: 0, operator: "GreaterThan" } }))).toBe("InvalidOperation");
    expect(await attempt((dv) => (dv.errorAlert = { showAlert: true, style: "Stop", title: "x", message: "y".repeat(226) }))).toBe(
      "InvalidArgument",
    );
    expect(await attempt((dv) => (dv.prompt = { showPrompt: true, title: "t".repeat(33), message: "" }))).toBe("InvalidArgument");
    expect(await attempt((dv) => (dv.rule = {}))).toBe("InvalidArgument");
  });

  it("needs ExcelApi 1.8 for data validation", async () => {
    const fake = new FakeExcel({ apiVersion: "1.7" });
    fake.addSheet("S");
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange("A1").dataValidation.ignoreBlanks = true;
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("ApiNotFound");
  });

  it("registers event handlers at sync, and delivers events after the sync that made the change", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    const seen: unknown[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (args) => void seen.push(args));
      expect(fake.handlerCount()).toBe(0);
      await ctx.sync();
      expect(fake.handlerCount("onChanged")).toBe(1);
      ctx.workbook.worksheets.getItem("S").getRange("A1").values = [["x"]];
      await ctx.sync();
      // Not yet: Excel's events arrive after the sync's promise resolves.
      expect(seen).toEqual([]);
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual([expect.objectContaining({ type: "WorksheetChanged", address: "A1", worksheetId: fake.sheet("S")!.id })]);
  });

  it("refuses to register an event newer than its API version", async () => {
    const fake = new FakeExcel({ apiVersion: "1.9" });
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.onNameChanged.add(async () => undefined);
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("ApiNotFound");
    expect(fake.handlerCount()).toBe(0);
  });

  it("fails to list more than 512 merged areas", async () => {
    const fake = new FakeExcel({ apiVersion: "1.13" });
    fake.addSheet("S", {}, { merges: Array.from({ length: 513 }, (_, i) => `A${i + 1}:B${i + 1}`) });
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").getRange().getMergedAreasOrNullObject().load("address");
        await ctx.sync();
      })
      .catch((e) => e);
    expect(err.code).toBe("GeneralException");
  });
});

describe("the fake Excel's page setup, page breaks and hidden columns", () => {
  it("reads Excel's Normal margins and Letter paper where never set, and what was set otherwise", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    const read = () =>
      fake.run(async (ctx) => {
        const layout = ctx.workbook.worksheets.getItem("S").pageLayout;
        layout.load("paperSize, leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin");
        await ctx.sync();
        return [layout.paperSize, layout.leftMargin, layout.rightMargin, layout.topMargin, layout.bottomMargin, layout.headerMargin, layout.footerMargin];
      });
    expect(await read()).toEqual(["Letter", 50.4, 50.4, 54, 54, 21.6, 21.6]);
    await fake.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("S").pageLayout;
      layout.paperSize = "A4";
      layout.leftMargin = 18;
      layout.footerMargin = 30;
      await ctx.sync();
    });
    expect(await read()).toEqual(["A4", 18, 50.4, 54, 54, 21.6, 30]);
  });

  it("loads manual page breaks as a collection, each rowIndex the zero-based row after its break", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    const rows = await fake.run(async (ctx) => {
      const breaks = ctx.workbook.worksheets.getItem("S").horizontalPageBreaks;
      breaks.add("A9");
      breaks.add("A3");
      breaks.load("items/rowIndex, items/columnIndex");
      expect(() => breaks.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      return breaks.items.map((b) => [b.rowIndex, b.columnIndex]);
    });
    expect(rows).toEqual([
      [2, 0],
      [8, 0],
    ]);
    const old = new FakeExcel({ apiVersion: "1.8" });
    old.addSheet("S");
    const err = await old
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem("S").horizontalPageBreaks.load("items/rowIndex");
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "ApiNotFound" });
  });

  it("reads and sets hidden columns through column properties, as Range.columnHidden sets them", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S");
    const hidden = await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.getRange("C:C").columnHidden = true;
      ws.getRange("A:D").setColumnProperties([{ columnHidden: true }, {}, { columnHidden: false }, { format: { columnWidth: 20 } }]);
      const props = ws.getRange("A:E").getColumnProperties({ columnHidden: true, format: { columnWidth: true } });
      await ctx.sync();
      return props.value.map((c) => [c.columnHidden, c.format?.columnWidth]);
    });
    expect(hidden).toEqual([
      [true, 48],
      [false, 48],
      [false, 48],
      [false, 20],
      [false, 48],
    ]);
  });

  it("copies a sheet with its page setup, header and footer, page breaks and hidden columns (Worksheet.copy)", async () => {
    const fake = new FakeExcel();
    fake.addSheet("S", { A1: "x" });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("S");
      ws.pageLayout.paperSize = "Legal";
      ws.pageLayout.topMargin = 80;
      ws.pageLayout.headersFooters.defaultForAllPages.rightFooter = "Page &P";
      ws.horizontalPageBreaks.add("A5");
      ws.getRange("H:H").columnHidden = true;
      ws.copy("End");
      await ctx.sync();
    });
    const copy = fake.sheet("S (2)")!;
    expect({ layout: copy.pageLayout, breaks: copy.pageBreaks, hidden: [...copy.hiddenColumns] }).toEqual({
      layout: { paperSize: "Legal", topMargin: 80, rightFooter: "Page &P" },
      breaks: [5],
      hidden: [8],
    });
  });
});
