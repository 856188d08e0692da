"use client";

import { type CustomFieldDefinition, hasAudience, type Media, type Step } from "@switchboard/flow";
import { FunnelIcon } from "../builder-icons";
import { audienceSummary } from "./audience";
import { formatBytes, MEDIA_KIND_LABELS } from "./media";
import { MEDIA_ICONS } from "./media-field";

/** Under a node's preview: the step's media, its audience filter and its intended-end marker, when it has them. */
export function NodeBadges({
  step,
  customFields,
}: {
  step: Step;
  customFields: readonly CustomFieldDefinition[] | null;
}) {
  const media = (step.config as { media?: Media }).media;
  const audience = hasAudience(step.audience) ? step.audience : null;
  const ends = step.endsConversation === true;
  if (!media && !audience && !ends) return null;
  const MediaIcon = media ? MEDIA_ICONS[media.kind] : null;
  return (
    <div className="mt-2 flex flex-col gap-1">
      {media && MediaIcon && (
        <span
          className="inline-flex max-w-full items-center gap-1 self-start rounded-md bg-zinc-100 px-1.5 py-0.5 text-[11px] text-zinc-600 ring-1 ring-zinc-200"
          title={`${MEDIA_KIND_LABELS[media.kind]}: ${media.name} (${formatBytes(media.size)})`}
          data-testid="node-media"
        >
          <MediaIcon size={11} className="shrink-0" />
          <span className="truncate">{media.name}</span>
        </span>
      )}
      {audience && (
        <span
          className="inline-flex max-w-full items-center gap-1 self-start rounded-md bg-violet-50 px-1.5 py-0.5 text-[11px] text-violet-700 ring-1 ring-violet-200"
          title={`Only for contacts who match: ${audience.rules.length} rule${audience.rules.length === 1 ? "" : "s"}. Others go to “Not in audience”.`}
          data-testid="node-audience"
        >
          <FunnelIcon size={10} className="shrink-0" />
          <span className="truncate">{audienceSummary(audience, customFields)}</span>
        </span>
      )}
      {ends && (
        <span
          className="inline-flex items-center gap-1 self-start rounded-md bg-zinc-800 px-1.5 py-0.5 text-[11px] font-medium text-white"
          title="The conversation is meant to end here (no “ends here” warning)."
          data-testid="node-ends-conversation"
        >
          <span className="size-2 rounded-[2px] bg-white" aria-hidden />
          Ends here
        </span>
      )}
    </div>
  );
}
