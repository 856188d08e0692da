import { z } from "zod";

// ---- inputs ----

export const webhookDeliveryStatusSchema = z.enum(["pending", "delivered", "failed"]);

export const listDeliveriesInput = z
  .object({
    status: webhookDeliveryStatusSchema.optional(),
    botId: z.string().uuid().optional(),
    /** `nextCursor` of the previous page. */
    cursor: z.string().max(100).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });
export type ListDeliveriesInput = z.infer<typeof listDeliveriesInput>;

export const deliveryIdInput = z.object({ id: z.string().uuid() });

// ---- outputs ----

export const deliverySummarySchema = z.object({
  id: z.string(),
  botId: z.string().nullable(),
  botUsername: z.string().nullable(),
  conversationId: z.string().nullable(),
  stepId: z.string().nullable(),
  url: z.string(),
  status: webhookDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  lastAttemptAt: z.date().nullable(),
  /** Pending deliveries only. */
  nextAttemptAt: z.date().nullable(),
  deliveredAt: z.date().nullable(),
});

export const listDeliveriesOutput = z.object({
  items: z.array(deliverySummarySchema),
  nextCursor: z.string().nullable(),
});

export const deliveryDetailSchema = deliverySummarySchema.extend({
  /** The JSON body, exactly the documented shape (docs/webhooks.md). */
  payload: z.record(z.string(), z.unknown()),
  /** The first 1 KB of the last answer's body. */
  lastResponse: z.string().nullable(),
});

export const signingSecretOutput = z.object({
  secret: z.string(),
  createdAt: z.date(),
  rotatedAt: z.date().nullable(),
});
