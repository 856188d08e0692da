import { apiEnvFromProcess, httpStatusOf, uploadStepMedia, workspaceScopeOf } from "@switchboard/api";
import { isDomainError } from "@switchboard/core";
import { getDb } from "@switchboard/db";
import { NextResponse } from "next/server";
import { getAuth } from "@/server/auth";
import { bodyTooLarge, readUploadForm, TOO_LARGE_MESSAGE } from "@/server/upload-form";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const fail = (status: number, error: string) => NextResponse.json({ error }, { status });

/**
 * Uploads a step's media (the builder's media field): multipart form data with `file` and optional
 * `asDocument=1`. Answers the stored file's `{ fileId, kind, name, size, mimeType }`, or `{ error }`.
 */
export async function POST(request: Request) {
  // Before anything is read: a body over Telegram's limit can't become a step's media.
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
    const upload = readUploadForm(form);
    if (!upload.ok) return fail(upload.status, upload.error);

    const bytes = new Uint8Array(await upload.file.arrayBuffer());
    const media = await uploadStepMedia(scope, apiEnvFromProcess(), {
      name: upload.name,
      mimeType: upload.mimeType,
      bytes,
      asDocument: upload.asDocument,
    });
    const { fileId, kind, name, size, mimeType } = media;
    return NextResponse.json({ fileId, kind, name, size, mimeType });
  } catch (err) {
    if (isDomainError(err)) return fail(httpStatusOf(err), err.message);
    console.error("[files] upload failed:", err);
    return fail(500, "The upload failed on the server. Please try again.");
  }
}
