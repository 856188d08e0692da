import { isTrackedEnvelope, type TrackedEnvelope, tracked } from "@trpc/server";
import { z } from "zod";

export const eventsInput = z
  .object({
    /** The last event id the client saw (sent again by the SSE client when it reconnects). */
    lastEventId: z
      .string()
      .regex(/^\d{1,18}$/)
      .nullish(),
  })
  .optional();

export const feedEventSchema = z.object({
  id: z.number(),
  type: z.string(),
  conversationId: z.string().nullable(),
  botId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
});
export type FeedEventOutput = z.infer<typeof feedEventSchema>;

const trackedEnvelope = z.custom<TrackedEnvelope<unknown>>(isTrackedEnvelope);
const isAsyncIterable = (v: unknown): v is AsyncIterable<unknown> =>
  !!v && typeof v === "object" && Symbol.asyncIterator in v;

/**
 * The output schema of a subscription that yields tracked events: each one is validated as it leaves
 * (tRPC subscriptions are async iterables, so a plain object schema can't check them).
 */
export function trackedStream<T>(item: z.ZodType<T>) {
  return z.custom<AsyncIterable<TrackedEnvelope<T>>>(isAsyncIterable).transform(async function* (source) {
    for await (const value of source) {
      const [id, data] = trackedEnvelope.parse(value);
      yield tracked(id, await item.parseAsync(data));
    }
  }) as unknown as z.ZodType<AsyncIterable<TrackedEnvelope<T>>>;
}

export const eventsOutput = trackedStream(feedEventSchema);
