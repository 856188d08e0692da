import { editorProcedure, router } from "../../trpc";
import {
  deliveryDetailSchema,
  deliveryIdInput,
  listDeliveriesInput,
  listDeliveriesOutput,
  signingSecretOutput,
} from "./schemas";
import { deliveriesOf, deliveryOf, redeliver, rotateSecret, signingSecretOf } from "./service";

/** The delivery log of Send-webhook steps and the signing secret: owners and marketers. */
export const webhooksRouter = router({
  deliveries: editorProcedure
    .input(listDeliveriesInput)
    .output(listDeliveriesOutput)
    .query(({ ctx, input }) => deliveriesOf(ctx, input)),
  delivery: editorProcedure
    .input(deliveryIdInput)
    .output(deliveryDetailSchema)
    .query(({ ctx, input }) => deliveryOf(ctx, input.id)),
  redeliver: editorProcedure
    .input(deliveryIdInput)
    .output(deliveryDetailSchema)
    .mutation(({ ctx, input }) => redeliver(ctx, input.id)),
  signingSecret: editorProcedure
    .output(signingSecretOutput)
    .query(({ ctx }) => signingSecretOf(ctx, ctx.env)),
  rotateSecret: editorProcedure.output(signingSecretOutput).mutation(({ ctx }) => rotateSecret(ctx, ctx.env)),
});
