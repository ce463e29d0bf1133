// @ts-check
// Lint with type information (typescript-eslint's recommended type-checked rules) over everything
// tsc checks; `npm run lint`. Emitted and generated files are left alone, like the formatter does.
import eslint from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["schema/", "test/generated/", "build/", "dist/", "bench/peers/", "coverage/", "test-artifacts/", ".numbergraph/", "ide/"] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: globals.node,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_name` marks a value taken apart only to leave it out (`{ http: _http, ...rest }`).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      // Apollo's plugin hooks and express handlers are declared async by their types; an async hook without await is how they return a promise.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    // Tests read JSON bodies and SDK results whose shape their assertions check, and pass methods to expect().
    files: ["test/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/restrict-template-expressions": "off",
    },
  },
  { files: ["**/*.js"], extends: [tseslint.configs.disableTypeChecked] },
);
