// The media types a bot can send, and the Message fields Telegram fills for each.

import type { FileKind, StoredFile } from "../files";
import type { NewMessage } from "../store";

export interface MediaKindSpec {
  kind: FileKind;
  /** The Bot API method and its InputFile parameter. */
  method: string;
  param: string;
  /** TDLib's name of the file type, as in "can't use file of type Document as Photo". */
  typeName: string;
  /** Request parameters describing the media (taken when the file is first sent). */
  attributes: ReadonlyArray<"width" | "height" | "duration" | "performer" | "title">;
}

export const MEDIA_KINDS: readonly MediaKindSpec[] = [
  { kind: "photo", method: "sendPhoto", param: "photo", typeName: "Photo", attributes: [] },
  { kind: "document", method: "sendDocument", param: "document", typeName: "Document", attributes: [] },
  {
    kind: "video",
    method: "sendVideo",
    param: "video",
    typeName: "Video",
    attributes: ["width", "height", "duration"],
  },
  {
    kind: "audio",
    method: "sendAudio",
    param: "audio",
    typeName: "Audio",
    attributes: ["duration", "performer", "title"],
  },
  { kind: "voice", method: "sendVoice", param: "voice", typeName: "VoiceNote", attributes: ["duration"] },
  {
    kind: "animation",
    method: "sendAnimation",
    param: "animation",
    typeName: "Animation",
    attributes: ["width", "height", "duration"],
  },
];

export function specOf(kind: FileKind): MediaKindSpec {
  const spec = MEDIA_KINDS.find((s) => s.kind === kind);
  if (!spec) throw new Error(`unknown media kind ${kind}`);
  return spec;
}

/**
 * TDLib accepts a file_id for any method of the same class: photos only as photos, while
 * documents, videos, audio, voice notes and animations (all "documents" to Telegram) can be
 * re-sent with one another's methods. Anything else is "can't use file of type X as Y".
 */
export function compatible(fileKind: FileKind, wanted: FileKind): boolean {
  return (fileKind === "photo") === (wanted === "photo");
}

type MediaFields = Pick<NewMessage, "photo" | "document" | "video" | "audio" | "voice" | "animation">;

/** The Message fields for a file; a file keeps its own type when re-sent with another method. */
export function messageMedia(file: StoredFile): MediaFields {
  const common = {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
  };
  const named = {
    ...(file.fileName ? { file_name: file.fileName } : {}),
    ...(file.mimeType ? { mime_type: file.mimeType } : {}),
    ...(file.size ? { file_size: file.size } : {}),
  };
  const size = file.size ? { file_size: file.size } : {};
  switch (file.kind) {
    case "photo": {
      const sizes = file.photoSizes ?? [file];
      // Re-sending a smaller copy's file_id sends that copy: its size and the smaller ones.
      return { photo: sizes.slice(0, sizes.indexOf(file) + 1).map(photoSize) };
    }
    case "document":
      return { document: { ...common, ...named } };
    case "video":
      return { video: { ...common, ...dimensions(file), duration: file.duration ?? 0, ...named } };
    case "animation": {
      // Telegram also sets `document` on animation messages, for older clients.
      const animation = { ...common, ...dimensions(file), duration: file.duration ?? 0, ...named };
      return { animation, document: { ...common, ...named } };
    }
    case "audio":
      return {
        audio: {
          ...common,
          duration: file.duration ?? 0,
          ...(file.performer ? { performer: file.performer } : {}),
          ...(file.title ? { title: file.title } : {}),
          ...named,
        },
      };
    case "voice":
      return {
        voice: {
          ...common,
          duration: file.duration ?? 0,
          ...(file.mimeType ? { mime_type: file.mimeType } : {}),
          ...size,
        },
      };
  }
}

function photoSize(file: StoredFile) {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    width: file.width ?? 1,
    height: file.height ?? 1,
    ...(file.size ? { file_size: file.size } : {}),
  };
}

function dimensions(file: StoredFile) {
  return { width: file.width ?? 0, height: file.height ?? 0 };
}
