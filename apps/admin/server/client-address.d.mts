import type { BlockList } from "node:net";

export declare const CLIENT_IP_HEADER: "x-switchboard-client-ip";
export interface TrustedProxies {
  list: BlockList;
  count: number;
  invalid: string[];
}
export declare function parseTrustedProxies(value: string | undefined): TrustedProxies;
export declare function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | undefined,
  trusted: TrustedProxies,
): string | null;
