import { runMigrations } from "@switchboard/db/migrate";
import { configFromEnv } from "./config";
import { startRuntime } from "./runtime";

const config = configFromEnv();
await runMigrations(config.databaseUrl);
const runtime = await startRuntime(config);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void runtime.stop().finally(() => process.exit(0));
  });
