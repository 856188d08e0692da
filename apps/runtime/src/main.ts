import { EnvError } from "@switchboard/core";
import { runMigrations } from "@switchboard/db/migrate";
import { configFromEnv, type RuntimeConfig } from "./config";
import { startRuntime } from "./runtime";

let config: RuntimeConfig;
try {
  config = configFromEnv();
} catch (err) {
  // Every bad variable in one message, then exit: a half-configured runtime helps no one.
  if (!(err instanceof EnvError)) throw err;
  console.error(err.message);
  process.exit(1);
}
await runMigrations(config.databaseUrl);
const runtime = await startRuntime(config);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void runtime.stop().finally(() => process.exit(0));
  });
