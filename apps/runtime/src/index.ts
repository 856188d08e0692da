export { configFromEnv, type RuntimeConfig } from "./config";
export { type Runtime, startRuntime } from "./runtime";
