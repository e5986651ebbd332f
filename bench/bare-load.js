// The floor for a file host: node starting, exceljs loading the workbook, nothing else.
"use strict";
const fs = require("fs");
const ExcelJS = require("exceljs");
new ExcelJS.Workbook().xlsx.load(fs.readFileSync(process.argv[2])).then(
  () => undefined,
  (e) => {
    process.stderr.write(`bare-load: ${e.message}\n`);
    process.exitCode = 1;
  },
);
