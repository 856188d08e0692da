import { AlertIcon, DownloadIcon } from "@/components/ui/icons";
import { formatBytes, mediaDisplay, type TranscriptMedia } from "./media-display";
import { mediaLabel } from "./message-content";

const frame = "mb-1 block overflow-hidden rounded-lg ring-1 ring-zinc-200";

/** A message's file: a photo, GIF, video or voice note in place; anything else a download link. */
export function MediaView({ media }: { media: TranscriptMedia }) {
  const display = mediaDisplay(media);
  const label = mediaLabel(media.kind, media.name);
  const size = formatBytes(media.size);
  switch (display.kind) {
    case "image":
      return (
        <a
          href={display.url}
          target="_blank"
          rel="noreferrer"
          className={frame}
          data-testid="transcript-photo"
        >
          {/* biome-ignore lint/performance/noImgElement: a member-only file route, not a static asset. */}
          <img
            src={display.url}
            alt={media.name ?? "Photo"}
            loading="lazy"
            className="max-h-72 w-full max-w-sm bg-zinc-100 object-contain"
          />
        </a>
      );
    case "video":
      return (
        <video
          src={display.url}
          controls={media.kind === "video"}
          autoPlay={media.kind === "animation"}
          loop={media.kind === "animation"}
          muted={media.kind === "animation"}
          playsInline
          preload="metadata"
          className={`${frame} max-h-72 w-full max-w-sm bg-zinc-900`}
          data-testid="transcript-video"
        />
      );
    case "audio":
      return (
        <div className="mb-1" data-testid="transcript-audio">
          <p className="mb-1 text-xs text-zinc-600">{label}</p>
          {/* biome-ignore lint/a11y/useMediaCaption: voice notes come without captions. */}
          <audio src={display.url} controls preload="metadata" className="h-9 w-64 max-w-full" />
        </div>
      );
    case "download":
      return (
        <a
          href={display.url}
          download={media.name ?? undefined}
          className="mb-1 inline-flex max-w-full items-center gap-1.5 rounded-md bg-white/80 px-2 py-1 text-xs font-medium text-brand-700 ring-1 ring-zinc-200 hover:bg-white"
          data-testid="transcript-file"
        >
          <DownloadIcon size={12} className="shrink-0" />
          <span className="truncate">{label}</span>
          {size && <span className="shrink-0 font-normal text-zinc-500">{size}</span>}
        </a>
      );
    case "unavailable":
      return (
        <div
          className="mb-1 inline-flex max-w-full flex-col gap-0.5 rounded-md bg-white/70 px-2 py-1 text-xs ring-1 ring-zinc-200"
          data-testid="transcript-media"
          data-state={media.state}
        >
          <span className="truncate font-medium text-zinc-700">
            {label}
            {size && <span className="font-normal text-zinc-500"> · {size}</span>}
          </span>
          <span
            className={
              media.state === "pending" ? "text-zinc-500" : "inline-flex items-center gap-1 text-amber-700"
            }
          >
            {media.state !== "pending" && <AlertIcon size={11} className="shrink-0" />}
            {display.reason}
          </span>
        </div>
      );
  }
}
