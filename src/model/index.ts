export * from "./provider.js";
export * from "./phone-number.js";
export * from "./upstream-error.js";
export * from "./provider-account.js";
export * from "./global-id.js";
export * from "./repeated-values.js";
