// ESLint for the UI: TypeScript and Svelte 5. Formatting is prettier's job, so the rules that would
// fight it are off (eslint-config-prettier). `npm run lint` runs both.
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import prettier from "eslint-config-prettier";
import svelte from "eslint-plugin-svelte";
import globals from "globals";
import ts from "typescript-eslint";
import svelteConfig from "./svelte.config.js";

export default defineConfig(
  { ignores: ["dist/", "node_modules/", "src/bindings/"] },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  prettier,
  svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.svelte", "**/*.svelte.ts"],
    languageOptions: {
      parserOptions: { parser: ts.parser, extraFileExtensions: [".svelte"], svelteConfig },
    },
  },
  {
    files: ["*.config.js", "*.config.ts"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    rules: {
      // `_` marks a value the code must name but does not use (an {#each} item, say).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Svelte 5 drops the whitespace at the start and end of a block, so `{#if x}{" "}<em>` is how
      // a space before the block's content survives: the mustache is not useless.
      "svelte/no-useless-mustaches": "off",
    },
  },
);
