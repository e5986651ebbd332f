// ESLint, flat config: typescript-eslint's strict type-checked rules over src/, scripts/ and
// bench/ (`npm run lint`; `npx eslint src/core` for one folder). Unused exports and files
// are knip's job (knip.js), run by the same `npm run lint`.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const ours = [
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // Numbers in messages are the point of most templates ("Row 7", "120%").
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `void promise` marks a promise deliberately left to run (an event handler's work).
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true, ignoreVoidOperator: true }],
    },
  },
];

export default tseslint.config(
  { ignores: ["lib/", "dist/", "coverage/", "test-artifacts/", "node_modules/", "tests/", "**/*.js", "**/*.mjs"] },
  // A disable comment that disables nothing is an error, so none is left behind.
  { linterOptions: { reportUnusedDisableDirectives: "error" } },
  ...ours,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    // The rules of hooks and their dependency lists, where hooks are used.
    files: ["src/taskpane/**/*.{ts,tsx}", "src/page/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
);
