// knip: unused exports, types and files (`npm run lint` runs it after ESLint).
/** @type {import('knip').KnipConfig} */
module.exports = {
  entry: ["src/page/worker.ts", "src/cli/main.ts", "scripts/*.{ts,js}", "bench/*.{ts,js}", "tests/**/*.{ts,tsx}"],
  project: ["src/**/*.{ts,tsx}", "scripts/**/*.ts", "bench/**/*.ts"],
  include: ["files", "exports", "types", "nsExports", "nsTypes", "duplicates"],
};
