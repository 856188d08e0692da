import { apiEnvFromProcess, httpStatusOf, type uploadStepMedia, workspaceScopeOf } from "@switchboard/api";
import { isDomainError } from "@switchboard/core";
import { getDb } from "@switchboard/db";
import { NextResponse } from "next/server";
import { getAuth } from "@/server/auth";
import { serverLog } from "@/server/log";
import { bodyTooLarge, readUploadForm, TOO_LARGE_MESSAGE } from "@/server/upload-form";

const fail = (status: number, error: string) => NextResponse.json({ error }, { status });

/** `uploadStepMedia` (editors) or `uploadAttachment` (any member): the same input and answer. */
type Uploader = typeof uploadStepMedia;

/**
 * One upload route: multipart form data with `file` and optional `asDocument=1`; answers the stored
 * file's `{ fileId, kind, name, size, mimeType }`, or `{ error }` with a sentence for the user.
 * Telegram's limits (photos 10 MB, other files 50 MB) are checked by the uploader; a body over 50 MB
 * is refused before it is read.
 */
export async function handleUpload(request: Request, upload: Uploader, label: string) {
  if (bodyTooLarge(request.headers)) return fail(413, TOO_LARGE_MESSAGE);

  try {
    const session = await getAuth().api.getSession({ headers: request.headers });
    const db = getDb();
    const scope = await workspaceScopeOf(db, session?.user.id ?? null, session?.session.id ?? null);

    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      return fail(400, "Send the file as multipart form data, in the field “file”.");
    }
    const read = readUploadForm(form);
    if (!read.ok) return fail(read.status, read.error);

    const bytes = new Uint8Array(await read.file.arrayBuffer());
    const media = await upload(scope, apiEnvFromProcess(), {
      name: read.name,
      mimeType: read.mimeType,
      bytes,
      asDocument: read.asDocument,
    });
    const { fileId, kind, name, size, mimeType } = media;
    return NextResponse.json({ fileId, kind, name, size, mimeType });
  } catch (err) {
    if (isDomainError(err)) return fail(httpStatusOf(err), err.message);
    serverLog("files").error({ err }, `${label} upload failed`);
    return fail(500, "The upload failed on the server. Please try again.");
  }
}
