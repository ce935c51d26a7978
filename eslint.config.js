// Lint is part of `npm test`: typescript-eslint's recommended rules plus the house rules in
// docs/contributing.md that a machine can check (import type, node: prefix).
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", ".capsmith/**", "coverage/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": ["error", {
        patterns: [{ regex: "^(fs|path|os|crypto|child_process|net|http|url|util|events|stream|worker_threads|readline|zlib|assert|timers)(/.*)?$", message: "Use the node: prefix for built-ins." }],
      }],
    },
  },
);
