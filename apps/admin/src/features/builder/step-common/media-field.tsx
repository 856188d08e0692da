"use client";

import type { Media, MediaKind, Problem } from "@switchboard/flow";
import { type ComponentType, useRef, useState } from "react";
import { PaperclipIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { FileIcon, ImageIcon, MusicIcon, VideoIcon } from "../builder-icons";
import { problemAt } from "../fields/validation";
import { formatBytes, MEDIA_KIND_LABELS } from "./media";
import { SectionLabel } from "./section-label";
import { useMediaUpload } from "./use-media-upload";

export const MEDIA_ICONS: Record<MediaKind, ComponentType<{ size?: number; className?: string }>> = {
  photo: ImageIcon,
  video: VideoIcon,
  audio: MusicIcon,
  document: FileIcon,
};

/** A photo, video, audio or file sent with the step's text (which becomes its caption). */
export function MediaField({
  media,
  problems,
  onUploaded,
  onRemove,
}: {
  media: Media | undefined;
  problems: Problem[];
  /** Called when an upload finishes, also if the panel was closed meanwhile. */
  onUploaded: (media: Media) => void;
  onRemove: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [asDocument, setAsDocument] = useState(media?.kind === "document");
  const { upload, uploading, error, clearError } = useMediaUpload(onUploaded);
  const problem = problemAt(problems, "config.media");
  const Icon = media ? MEDIA_ICONS[media.kind] : PaperclipIcon;

  return (
    <div className="space-y-2" data-testid="media-field">
      <SectionLabel
        label="Media"
        info="A photo, video, audio or file sent with this step. The text becomes its caption (up to 1,024 characters; the rest follows as messages)."
      />
      <input
        ref={input}
        type="file"
        className="hidden"
        data-testid="media-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) upload(file, asDocument);
        }}
      />
      {media ? (
        <div
          className={cn(
            "flex items-center gap-2.5 rounded-lg bg-zinc-50 p-2 ring-1",
            problem ? "ring-red-200" : "ring-zinc-200",
          )}
          data-testid="media-attached"
        >
          <span className="flex size-9 shrink-0 items-center justify-center rounded-md bg-white text-zinc-500 ring-1 ring-zinc-200">
            <Icon size={16} />
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-xs font-medium text-zinc-800" title={media.name}>
              {media.name}
            </p>
            <p className="text-[11px] text-zinc-500">
              {MEDIA_KIND_LABELS[media.kind]} · {formatBytes(media.size)}
            </p>
          </div>
          <button
            type="button"
            disabled={uploading}
            onClick={() => input.current?.click()}
            className="rounded-md px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-200/60 disabled:opacity-40"
            data-testid="media-replace"
          >
            {uploading ? <Spinner className="size-3.5" /> : "Replace"}
          </button>
          <button
            type="button"
            disabled={uploading}
            onClick={() => {
              clearError();
              onRemove();
            }}
            className="rounded-md px-2 py-1 text-xs font-medium text-red-600 hover:bg-red-50 disabled:opacity-40"
            data-testid="media-remove"
          >
            Remove
          </button>
        </div>
      ) : (
        <button
          type="button"
          disabled={uploading}
          onClick={() => input.current?.click()}
          data-testid="media-upload"
          className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-xs font-medium text-zinc-600 transition hover:border-brand-400 hover:bg-brand-50 hover:text-brand-700 disabled:opacity-60"
        >
          {uploading ? <Spinner className="size-3.5" /> : <PaperclipIcon size={14} />}
          {uploading ? "Uploading…" : "Attach a photo, video, audio or file"}
        </button>
      )}
      <label className="flex items-center gap-2 text-xs text-zinc-600">
        <input
          type="checkbox"
          checked={asDocument}
          onChange={(e) => setAsDocument(e.target.checked)}
          className="size-3.5 rounded border-zinc-300 text-brand-600 focus:ring-brand-500"
          data-testid="media-as-document"
        />
        Upload as a file (document), not as a photo, video or audio
      </label>
      {(error ?? problem) && (
        <p className="text-xs text-red-600 break-anywhere" role="alert" data-testid="media-error">
          {error ?? problem}
        </p>
      )}
      {!error && !problem && (
        <p className="text-xs text-zinc-500">
          Telegram takes photos up to 10 MB and other files up to 50 MB.
        </p>
      )}
    </div>
  );
}
