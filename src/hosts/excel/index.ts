export { ExcelHost, type ExcelHostOptions, type ExcelRun } from "./excel-host";
