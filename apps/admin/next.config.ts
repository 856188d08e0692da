import type { NextConfig } from "next";
import { STATIC_SECURITY_HEADERS } from "./src/server/security-headers";

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
  // The Content-Security-Policy is per page, with a nonce: src/proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
};

export default nextConfig;
