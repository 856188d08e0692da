import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@switchboard/api",
    "@switchboard/core",
    "@switchboard/db",
    "@switchboard/flow",
    "@switchboard/telegram-sandbox",
  ],
  // Node-only libraries loaded as they are, not bundled (pino and prom-client read process internals).
  serverExternalPackages: ["postgres", "pino", "prom-client"],
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
