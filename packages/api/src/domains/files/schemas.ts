import { fileKind } from "@switchboard/db";
import { z } from "zod";

export const fileIdInput = z.object({ id: z.string().uuid() });

/** A stored file's metadata (the bytes are served by the admin, not through tRPC). */
export const fileOutput = z.object({
  id: z.string(),
  /** What it is sent as: photo, video, audio or document. */
  kind: z.enum(fileKind.enumValues),
  name: z.string(),
  mimeType: z.string(),
  /** Bytes. */
  size: z.number(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
});
export type FileOutput = z.infer<typeof fileOutput>;
