import { apiEnvFromProcess, httpStatusOf, workspaceScopeOf } from "@switchboard/api";
import { isDomainError } from "@switchboard/core";
import { files, getDb } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { getAuth } from "@/server/auth";
import { downloadHeaders, isFileId } from "@/server/file-download";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const fail = (status: number, error: string) => NextResponse.json({ error }, { status });

/**
 * A stored file (a step's media, an operator's attachment) for members of its workspace: photos
 * inline (the inbox shows them), anything else as a download. Another workspace's file is 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isFileId(id)) return fail(404, "File not found.");
  try {
    const session = await getAuth().api.getSession({ headers: request.headers });
    const db = getDb();
    const scope = await workspaceScopeOf(db, session?.user.id ?? null, session?.session.id ?? null);
    const [file] = await db
      .select({ name: files.name, mimeType: files.mimeType, size: files.size, storageKey: files.storageKey })
      .from(files)
      .where(and(eq(files.id, id), eq(files.workspaceId, scope.workspaceId)));
    if (!file) return fail(404, "File not found.");
    const bytes = await apiEnvFromProcess().fileStorage.get(file.storageKey);
    return new NextResponse(new Uint8Array(bytes), {
      headers: downloadHeaders({ ...file, size: bytes.byteLength }),
    });
  } catch (err) {
    if (isDomainError(err)) return fail(httpStatusOf(err), err.message);
    console.error("[files] download failed:", err);
    return fail(500, "The file couldn't be read on the server.");
  }
}
