// Which address a request comes from, for the sign-in rate limit. Plain JavaScript: server.mjs runs it
// with node before anything is compiled. Typed by client-address.d.mts.
import { BlockList, isIP } from "node:net";

/** The header server.mjs sets on every request (overwriting whatever a client sent) for the app to read. */
export const CLIENT_IP_HEADER = "x-switchboard-client-ip";

/** "::ffff:10.0.0.1" (an IPv4 client on a dual-stack socket) is 10.0.0.1. */
function normalize(address) {
  const trimmed = (address ?? "").trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed;
}

/**
 * TRUSTED_PROXIES: addresses or CIDR ranges, comma or space separated ("10.0.0.0/8, 127.0.0.1").
 * Answers the list and the entries that are neither, so a typo stops the server instead of silently
 * trusting nothing (or everything).
 */
export function parseTrustedProxies(value) {
  const list = new BlockList();
  const invalid = [];
  let count = 0;
  for (const entry of (value ?? "").split(/[\s,]+/).filter(Boolean)) {
    const [address, prefix, extra] = entry.split("/");
    const ip = normalize(address);
    const family = isIP(ip);
    const bits = prefix === undefined ? null : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (
      !family ||
      extra !== undefined ||
      (bits !== null && !(Number.isInteger(bits) && bits >= 0 && bits <= max))
    ) {
      invalid.push(entry);
      continue;
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === null) list.addAddress(ip, type);
    else list.addSubnet(ip, bits, type);
    count++;
  }
  return { list, count, invalid };
}

function isTrusted(trusted, address) {
  const family = isIP(address);
  return family !== 0 && trusted.count > 0 && trusted.list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket's, unless the socket is a trusted proxy. Then X-Forwarded-For is
 * read from the right (each proxy appends the address it saw), skipping trusted proxies, and the first
 * address that is not one is the client. Whatever a client writes to the left of that is ignored, so
 * a forged header changes nothing. Null when the socket has no address (a closed connection).
 */
export function clientAddress(socketAddress, forwardedFor, trusted) {
  const remote = normalize(socketAddress);
  if (!remote) return null;
  if (!isTrusted(trusted, remote)) return remote;
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((hop) => normalize(hop))
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    // A hop that is no address was not written by a proxy of ours: count the request as the proxy's.
    if (!isIP(hop)) return remote;
    if (!isTrusted(trusted, hop)) return hop;
  }
  return hops[0] ?? remote;
}
