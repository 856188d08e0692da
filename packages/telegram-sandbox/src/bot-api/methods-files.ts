// sendPhoto / sendDocument / getFile. Uploads live in memory; file_ids can be re-sent.

import { badRequest, Errors } from "../errors";
import type { FileKind, StoredFile } from "../files";
import type { UploadedFile } from "../http/multipart";
import { toTgMessage } from "../store";
import { markupTarget, replyTarget, requireChat } from "./chat-lookup";
import type { MethodContext, MethodHandler } from "./context";
import { optionalCaption } from "./formatted-text";
import { applyKeyboard } from "./methods-messages";
import { parseReplyMarkup } from "./reply-markup";

const MB = 1024 * 1024;
/** Telegram's upload limits: photos 10 MB, other files 50 MB; bots can download up to 20 MB. */
export const PHOTO_MAX_BYTES = 10 * MB;
export const DOCUMENT_MAX_BYTES = 50 * MB;
const DOWNLOAD_MAX_BYTES = 20 * MB;

const MIME_BY_EXT: Record<string, string> = {
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  html: "text/html",
  xml: "application/xml",
};

function sendMedia(kind: FileKind): MethodHandler {
  return (ctx) => {
    const chat = requireChat(ctx);
    const input = ctx.params.input(kind);
    if (input === undefined) throw badRequest(`there is no ${kind} in the request`);
    const file = resolveFile(ctx, kind, input);
    const caption = optionalCaption(ctx.params);
    const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat));
    const replyToMessageId = replyTarget(ctx, chat);
    const message = chat.add({
      fromBot: true,
      from: ctx.bot.sender,
      ...(kind === "photo"
        ? {
            photo: [
              {
                file_id: file.fileId,
                file_unique_id: file.fileUniqueId,
                width: file.width ?? 1,
                height: file.height ?? 1,
                ...(file.size ? { file_size: file.size } : {}),
              },
            ],
          }
        : {
            document: {
              file_id: file.fileId,
              file_unique_id: file.fileUniqueId,
              ...(file.fileName ? { file_name: file.fileName } : {}),
              ...(file.mimeType ? { mime_type: file.mimeType } : {}),
              ...(file.size ? { file_size: file.size } : {}),
            },
          }),
      ...(caption ? { caption: caption.text, captionEntities: caption.entities } : {}),
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
    });
    applyKeyboard(chat, replyMarkup);
    return toTgMessage(chat, message);
  };
}

/** An existing file_id, an HTTP URL (recorded, not downloaded: no internet), or an upload. */
function resolveFile(ctx: MethodContext, kind: FileKind, input: UploadedFile | string): StoredFile {
  const files = ctx.store.files;
  if (typeof input === "string") {
    const existing = files.get(input);
    if (existing) {
      if (existing.kind !== kind)
        throw badRequest(`can't use file of type ${title(existing.kind)} as ${title(kind)}`);
      return existing;
    }
    if (!/^https?:\/\/\S+$/i.test(input)) throw Errors.wrongFileId();
    const fileName = new URL(input).pathname.split("/").pop() || undefined;
    return files.add({ kind, sourceUrl: input, ...(fileName ? { fileName } : {}), ...mimeOf(fileName) });
  }
  if (input.data.length === 0) throw badRequest("file must be non-empty");
  if (kind === "photo" && input.data.length > PHOTO_MAX_BYTES) throw badRequest("PHOTO_INVALID_DIMENSIONS");
  if (input.data.length > DOCUMENT_MAX_BYTES) throw Errors.tooLarge();
  const declared =
    input.contentType && input.contentType !== "application/octet-stream" ? input.contentType : undefined;
  return files.add({
    kind,
    data: input.data,
    fileName: input.filename,
    ...(declared ? { mimeType: declared } : mimeOf(input.filename)),
  });
}

function mimeOf(fileName: string | undefined): { mimeType?: string } {
  const ext = fileName?.split(".").pop()?.toLowerCase();
  const mimeType = ext ? MIME_BY_EXT[ext] : undefined;
  return mimeType ? { mimeType } : {};
}

function title(kind: FileKind): string {
  return kind === "photo" ? "Photo" : "Document";
}

const getFile: MethodHandler = (ctx) => {
  const file = ctx.store.files.get(ctx.params.string("file_id") ?? "");
  if (!file) throw badRequest("invalid file_id");
  if (file.size > DOWNLOAD_MAX_BYTES) throw badRequest("file is too big");
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.size ? { file_size: file.size } : {}),
    file_path: file.filePath,
  };
};

export const fileMethods: Record<string, MethodHandler> = {
  sendPhoto: sendMedia("photo"),
  sendDocument: sendMedia("document"),
  getFile,
};
