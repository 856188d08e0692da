// sendPhoto / sendDocument / sendVideo / sendAudio / sendVoice / sendAnimation and getFile.
// Files live in memory; each message records how the bot gave its file (upload, URL, file_id).

import { badRequest } from "../errors";
import { fileBelongsTo } from "../files";
import { toTgMessage } from "../store";
import { markupTarget, messageThread, replyTarget, requireChat } from "./chat-lookup";
import type { MethodHandler } from "./context";
import { optionalCaption } from "./formatted-text";
import { DOWNLOAD_MAX_BYTES, resolveMedia } from "./media-input";
import { MEDIA_KINDS, type MediaKindSpec, messageMedia } from "./media-kinds";
import { applyKeyboard } from "./methods-messages";
import { addBotMessage } from "./outgoing";
import { parseReplyMarkup } from "./reply-markup";

function sendMedia(spec: MediaKindSpec): MethodHandler {
  return (ctx) => {
    const chat = requireChat(ctx);
    const input = ctx.params.input(spec.param);
    if (input === undefined) throw badRequest(`there is no ${spec.param} in the request`);
    const { file, source } = resolveMedia(ctx, spec, input);
    const caption = optionalCaption(ctx.params);
    const replyMarkup = parseReplyMarkup(ctx.params, markupTarget(ctx, chat));
    const replyToMessageId = replyTarget(ctx, chat);
    const threadId = messageThread(ctx, chat, replyToMessageId);
    const message = addBotMessage(ctx, chat, {
      ...messageMedia(file),
      media: {
        kind: file.kind,
        source,
        ...(source === "url" && file.sourceUrl ? { url: file.sourceUrl } : {}),
      },
      ...(caption ? { caption: caption.text, captionEntities: caption.entities } : {}),
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyToMessageId !== undefined ? { replyToMessageId } : {}),
      ...(threadId !== undefined ? { threadId } : {}),
    });
    applyKeyboard(chat, replyMarkup);
    return toTgMessage(chat, message);
  };
}

const getFile: MethodHandler = (ctx) => {
  const file = ctx.store.files.get(ctx.params.string("file_id") ?? "");
  if (!file) throw badRequest("invalid file_id");
  // A file_id issued to another bot decodes fine but gives this bot no access to the file.
  if (!fileBelongsTo(file, ctx.bot.id))
    throw badRequest("wrong file_id or the file is temporarily unavailable");
  if (file.size > DOWNLOAD_MAX_BYTES) throw badRequest("file is too big");
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    ...(file.size ? { file_size: file.size } : {}),
    file_path: file.filePath,
  };
};

export const fileMethods: Record<string, MethodHandler> = {
  ...Object.fromEntries(MEDIA_KINDS.map((spec) => [spec.method, sendMedia(spec)])),
  getFile,
};
