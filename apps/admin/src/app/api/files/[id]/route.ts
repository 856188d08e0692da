import { apiEnvFromProcess, httpStatusOf, readStoredFile, workspaceScopeOf } from "@switchboard/api";
import { isDomainError } from "@switchboard/core";
import { getDb } from "@switchboard/db";
import { NextResponse } from "next/server";
import { getAuth } from "@/server/auth";
import { fileResponseHeaders } from "@/server/file-response";
import { serverLog } from "@/server/log";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A stored file's bytes (a user's photo or document in the transcript, a step's media, an operator's
 * attachment) for a signed-in member of the file's workspace; anyone else gets 401 or 404.
 */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  if (!UUID.test(id)) return NextResponse.json({ error: "File not found." }, { status: 404 });
  try {
    const session = await getAuth().api.getSession({ headers: request.headers });
    const scope = await workspaceScopeOf(getDb(), session?.user.id ?? null, session?.session.id ?? null);
    const file = await readStoredFile(scope, apiEnvFromProcess(), id);
    return new Response(new Uint8Array(file.bytes), { status: 200, headers: fileResponseHeaders(file) });
  } catch (err) {
    if (isDomainError(err)) return NextResponse.json({ error: err.message }, { status: httpStatusOf(err) });
    serverLog("files").error({ err }, "read failed");
    return NextResponse.json({ error: "The file could not be read. Please try again." }, { status: 500 });
  }
}
