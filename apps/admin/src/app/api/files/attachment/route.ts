import { uploadAttachment } from "@switchboard/api";
import { handleUpload } from "@/server/upload-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

/**
 * Uploads a file for an operator's reply (the inbox's attachment button), for any member: the same
 * form and answer as `/api/files`; the `fileId` goes to `inbox.reply`.
 */
export function POST(request: Request) {
  return handleUpload(request, uploadAttachment, "attachment");
}
