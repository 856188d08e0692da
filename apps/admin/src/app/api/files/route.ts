import { uploadStepMedia } from "@switchboard/api";
import { handleUpload } from "@/server/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Uploads a step's media (the builder's media field), for owners and marketers: multipart form data
 * with `file` and optional `asDocument=1`. Answers `{ fileId, kind, name, size, mimeType }` or `{ error }`.
 */
export function POST(request: Request) {
  return handleUpload(request, uploadStepMedia, "step media");
}
