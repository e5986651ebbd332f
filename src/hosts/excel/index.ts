export { ExcelHost, MAX_MERGED_AREAS, WINDOW_COLS, WINDOW_ROWS, type ExcelHostOptions, type ExcelRun } from "./excel-host";
