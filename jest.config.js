/** @type {import('jest').Config} */
export default {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  extensionsToTreatAsEsm: [".ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { parser: { syntax: "typescript" }, target: "es2022" }, module: { type: "es6" } }],
  },
  setupFiles: ["<rootDir>/test/helpers/setup-env.ts"],
  testTimeout: 20000,
  reporters: ["default", "<rootDir>/test/helpers/summary-reporter.js"],
  testEnvironmentOptions: { globalsCleanup: "off" },
};
