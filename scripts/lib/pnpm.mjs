import { spawnSync } from "node:child_process";

export const PNPM_VERSION = "10.34.9";

/** Runs a command, streaming its output; exits the process if it fails. */
export function run(cmd, args, cwd, env = process.env) {
  const r = spawnSync(cmd, args, { cwd, stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.signal}).`);
    process.exit(r.status ?? 1);
  }
}

/** pnpm from PATH, else installed globally with npm (corepack is not reliable on every machine). */
export function ensurePnpm() {
  const has = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (has.status === 0) return "pnpm";
  console.log(`• installing pnpm ${PNPM_VERSION} with npm…`);
  const npm = spawnSync("npm", ["install", "-g", `pnpm@${PNPM_VERSION}`], { stdio: "inherit" });
  if (npm.status !== 0) {
    console.error("✗ could not install pnpm with npm; install it yourself: npm i -g pnpm");
    process.exit(1);
  }
  return "pnpm";
}
