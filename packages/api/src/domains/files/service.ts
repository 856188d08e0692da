import { notFound, saveUpload } from "@switchboard/core";
import { files } from "@switchboard/db";
import { and, eq } from "drizzle-orm";
import type { ApiEnv } from "../../context";
import { assertEditor } from "../../scope";
import type { ActorScope, WorkspaceScope } from "../../trpc";

export interface StepMediaUpload {
  /** The file's name as uploaded (folders and control characters are removed). */
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  /** Send as a document even if it is an image, video or audio. */
  asDocument?: boolean;
}

/**
 * A file for a step's media, uploaded by an editor. Not a tRPC procedure: the admin's upload route
 * handler calls it with the request's bytes (resolve the scope with `workspaceScopeOf`, map a
 * DomainError with `httpStatusOf`). Telegram's limits are checked here (INVALID, TOO_LARGE); answers
 * the `Media` a step's config stores.
 */
export async function uploadStepMedia(
  scope: ActorScope,
  env: Pick<ApiEnv, "fileStorage">,
  upload: StepMediaUpload,
) {
  assertEditor(scope.actor);
  return uploadAttachment(scope, env, upload);
}

/**
 * A file to attach to an operator's reply (`inbox.reply` with its `fileId`), uploaded by any member
 * (operators included). Like `uploadStepMedia` otherwise: not a tRPC procedure (the admin's route
 * handler calls it), the same kinds and Telegram limits (photos up to 10 MB, other files up to 50 MB;
 * TOO_LARGE / INVALID with the reason). Answers the stored file as `Media`.
 */
export async function uploadAttachment(
  scope: ActorScope,
  env: Pick<ApiEnv, "fileStorage">,
  upload: StepMediaUpload,
) {
  return saveUpload(scope.db, env.fileStorage, {
    workspaceId: scope.workspaceId,
    userId: scope.userId,
    name: upload.name,
    mimeType: upload.mimeType,
    bytes: upload.bytes,
    ...(upload.asDocument !== undefined ? { asDocument: upload.asDocument } : {}),
  });
}

/**
 * A stored file's bytes for a member of its workspace (the admin's GET /api/files/<id> serves them):
 * a step's media, an operator's attachment, a user's downloaded photo or document. Another workspace's
 * file is NOT_FOUND, as if it did not exist. Not a tRPC procedure: bytes don't belong in JSON.
 */
export async function readStoredFile(
  scope: WorkspaceScope,
  env: Pick<ApiEnv, "fileStorage">,
  id: string,
): Promise<{ name: string; mimeType: string; size: number; bytes: Buffer }> {
  const [row] = await scope.db
    .select({ name: files.name, mimeType: files.mimeType, storageKey: files.storageKey })
    .from(files)
    .where(and(eq(files.id, id), eq(files.workspaceId, scope.workspaceId)));
  if (!row) throw notFound("File");
  const bytes = await env.fileStorage.get(row.storageKey);
  return { name: row.name, mimeType: row.mimeType, size: bytes.length, bytes };
}

export async function fileInfo({ db, workspaceId }: WorkspaceScope, id: string) {
  const [row] = await db
    .select({
      id: files.id,
      kind: files.kind,
      name: files.name,
      mimeType: files.mimeType,
      size: files.size,
      createdBy: files.createdBy,
      createdAt: files.createdAt,
    })
    .from(files)
    .where(and(eq(files.id, id), eq(files.workspaceId, workspaceId)));
  if (!row) throw notFound("File");
  return row;
}
