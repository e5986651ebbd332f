export { ExcelHost } from "./excel-host";
