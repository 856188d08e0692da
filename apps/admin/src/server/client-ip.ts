import { CLIENT_IP_HEADER } from "../../server/client-address.mjs";

export { CLIENT_IP_HEADER };

/**
 * Whether the admin runs behind its own server (server.mjs), which sets CLIENT_IP_HEADER on every
 * request. Under plain `next start` or `next dev` a client could send that header itself, so it is
 * trusted only then.
 */
export const clientIpHeaderIsSet = () => process.env.SWITCHBOARD_CLIENT_IP_FROM_SERVER === "1";
