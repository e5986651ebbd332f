// knip: unused exports, types and files (`npm run lint` runs it after ESLint).
/**
 * Pending (issue 12): the .xlsx host is being reworked by its owner, who makes it pass. Its
 * unused exports are left out of `npm run lint` until then; `npm run lint:pending`
 * (LINT_PENDING=1) lists them. Delete this list, and PENDING in eslint.config.mjs, when it
 * is clean. (The Office.js host passes, so it is held to the rules.)
 */
const PENDING = ["src/hosts/xlsx/**"];

/** @type {import('knip').KnipConfig} */
module.exports = {
  entry: ["src/page/worker.ts", "src/cli/main.ts", "scripts/*.{ts,js}", "bench/*.{ts,js}", "tests/**/*.{ts,tsx}"],
  project: ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
  include: ["files", "exports", "types", "nsExports", "nsTypes", "duplicates"],
  ignoreIssues: process.env.LINT_PENDING === "1" ? {} : Object.fromEntries(PENDING.map((p) => [p, ["exports", "types"]])),
};
