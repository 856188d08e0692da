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
  serverExternalPackages: ["postgres"],
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default nextConfig;
