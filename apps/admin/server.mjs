// The admin in production: Next.js behind a plain Node HTTP server, for one job Next can't do: tell the
// app the client's real address. Next passes a client's own X-Forwarded-For through untouched, so the
// sign-in rate limit read whatever a client wrote. Here the address comes from the socket, or from
// X-Forwarded-For only when the socket is a proxy listed in TRUSTED_PROXIES (see client-address.mjs).
//   ADMIN_PORT (3000), ADMIN_HOST (all interfaces), TRUSTED_PROXIES ("" = none: no header is trusted).
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import next from "next";
import { CLIENT_IP_HEADER, clientAddress, parseTrustedProxies } from "./server/client-address.mjs";

const trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES);
if (trusted.invalid.length) {
  console.error(`TRUSTED_PROXIES: not an address or CIDR range: ${trusted.invalid.join(", ")}`);
  process.exit(1);
}
// Read by src/server/auth.ts: the header above is ours, not a client's.
process.env.SWITCHBOARD_CLIENT_IP_FROM_SERVER = "1";

const port = Number(process.env.ADMIN_PORT ?? 3000);
const host = process.env.ADMIN_HOST || undefined;
const app = next({
  dev: false,
  dir: fileURLToPath(new URL(".", import.meta.url)),
  port,
  hostname: host ?? "localhost",
});
const handle = app.getRequestHandler();
await app.prepare();

createServer((req, res) => {
  const forwarded = req.headers["x-forwarded-for"];
  const address = clientAddress(
    req.socket.remoteAddress,
    Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    trusted,
  );
  if (address) req.headers[CLIENT_IP_HEADER] = address;
  else delete req.headers[CLIENT_IP_HEADER];
  handle(req, res);
}).listen(port, host, () => {
  console.log(`admin listening on http://${host ?? "localhost"}:${port}`);
});
