import { z } from "zod";
import { edgeSchema, flowDocumentSchema, stepSchema } from "./document";

/** JSON Schema of the flow document (import/export format), generated from the zod schemas. */
export function flowJsonSchema() {
  const document = flowDocumentSchema.extend({ steps: z.array(stepSchema), edges: z.array(edgeSchema) });
  return z.toJSONSchema(document, { io: "input", unrepresentable: "any" });
}
