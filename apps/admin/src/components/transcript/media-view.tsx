import { DownloadIcon } from "@/components/ui/icons";
import { mediaLabel } from "./message-content";

export interface StoredMedia {
  fileId: string;
  kind: "photo" | "video" | "audio" | "document";
  name: string | null;
}

/** Where the admin serves a stored file (members of its workspace only). */
export const fileUrl = (fileId: string) => `/api/files/${encodeURIComponent(fileId)}`;

/** A message's stored file: a photo inline (click opens it full size), anything else a download link. */
export function MediaView({ media }: { media: StoredMedia }) {
  const url = fileUrl(media.fileId);
  if (media.kind === "photo")
    return (
      <a
        href={url}
        target="_blank"
        rel="noreferrer"
        className="mb-1 block overflow-hidden rounded-lg ring-1 ring-zinc-200"
        data-testid="transcript-photo"
      >
        {/* biome-ignore lint/performance/noImgElement: a member-only file route, not a static asset. */}
        <img
          src={url}
          alt={media.name ?? "Photo"}
          loading="lazy"
          className="max-h-72 w-full max-w-sm bg-zinc-100 object-contain"
        />
      </a>
    );
  return (
    <a
      href={url}
      download={media.name ?? undefined}
      className="mb-1 inline-flex max-w-full items-center gap-1.5 rounded-md bg-white/80 px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-zinc-200 hover:bg-white"
      data-testid="transcript-file"
    >
      <DownloadIcon size={12} className="shrink-0" />
      <span className="truncate">{mediaLabel(media.kind, media.name)}</span>
    </a>
  );
}
