import type { Tone } from "@/components/ui/badge";
import type { RouterInputs, RouterOutputs } from "@/lib/trpc";

/* The delivery log's pure parts: badges, the last result in words, filters → the list's input. */

export type Delivery = RouterOutputs["webhooks"]["deliveries"]["items"][number];
export type DeliveryStatus = Delivery["status"];

export const STATUS_LABEL: Record<DeliveryStatus, string> = {
  pending: "Pending",
  delivered: "Delivered",
  failed: "Failed",
};

export const STATUS_TONE: Record<DeliveryStatus, Tone> = {
  pending: "amber",
  delivered: "green",
  failed: "red",
};

export interface DeliveryFilters {
  status: DeliveryStatus | "";
  botId: string;
}

export const NO_FILTERS: DeliveryFilters = { status: "", botId: "" };

export function deliveriesInput(
  filters: DeliveryFilters,
  cursor?: string,
): NonNullable<RouterInputs["webhooks"]["deliveries"]> {
  return {
    limit: 50,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.botId ? { botId: filters.botId } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

/** The last attempt in a few words: "200", "HTTP 500", "connect ECONNREFUSED", "Not tried yet". */
export function lastResult(d: Pick<Delivery, "attempts" | "lastStatusCode" | "lastError">): string {
  if (d.attempts === 0 && !d.lastError) return "Not tried yet";
  if (d.lastStatusCode !== null && d.lastStatusCode >= 200 && d.lastStatusCode < 300)
    return String(d.lastStatusCode);
  if (d.lastStatusCode !== null) return `HTTP ${d.lastStatusCode}`;
  return d.lastError ?? "—";
}

/** A payload as the receiver got it, indented for reading. */
export const prettyJson = (value: unknown) => JSON.stringify(value, null, 2);
