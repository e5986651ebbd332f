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
