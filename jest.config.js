/** ESM + ts-jest, as ../shared/TOOLCHAIN.md describes. Type-checking is `tsc --noEmit` in `npm test`. */
export default {
  testEnvironment: "node",
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: {
    "^(\\.{1,2}/.*)\\.js$": "$1",
    // The ESM build imports its metadata JSON without an import attribute, which jest's VM warns about.
    "^libphonenumber-js/max$": "<rootDir>/node_modules/libphonenumber-js/max/index.cjs",
  },
  transform: { "^.+\\.ts$": ["ts-jest", { useESM: true, tsconfig: "tsconfig.json" }] },
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  // bench/peers is a separate project with its own node_modules (see its README); jest never looks there.
  modulePathIgnorePatterns: ["<rootDir>/bench/peers/"],
  setupFiles: ["reflect-metadata"],
  // Generous: several suites start the gateway as a child process, slow on a loaded 2-core machine.
  testTimeout: 60000,
  maxWorkers: 2,
};
