"use client";

import type { Audience, Duration, Media, Problem, Step } from "@switchboard/flow";
import type { WorkspaceEnvironment } from "../workspace-environment";
import { AudienceEditor } from "./audience-editor";
import { EndsConversationField } from "./ends-conversation-field";
import { MediaField } from "./media-field";
import { acceptsAnswerTimeout, acceptsMedia } from "./step-features";
import { TimeoutField } from "./timeout-field";

interface CommonConfig {
  media?: Media;
  timeout?: Duration;
}

/**
 * The settings several step types share, below the type's own editor: media, the "no answer within"
 * timeout, who the step is for, and whether the conversation is meant to end here.
 */
export function CommonStepFields({
  step,
  problems,
  environment,
  onMergeConfig,
  onAudience,
  onEndsConversation,
}: {
  step: Step;
  problems: Problem[];
  environment: WorkspaceEnvironment;
  /** Sets config keys on the step as it is then (undefined removes one). */
  onMergeConfig: (values: Partial<CommonConfig>) => void;
  onAudience: (audience: Audience | undefined) => void;
  onEndsConversation: (ends: boolean) => void;
}) {
  const config = step.config as CommonConfig;
  return (
    <div className="space-y-5 border-t border-zinc-100 pt-5">
      {acceptsMedia(step.type) && (
        <MediaField
          media={config.media}
          problems={problems}
          onUploaded={(media) => onMergeConfig({ media })}
          onRemove={() => onMergeConfig({ media: undefined })}
        />
      )}
      {acceptsAnswerTimeout(step.type) && (
        <TimeoutField timeout={config.timeout} onChange={(timeout) => onMergeConfig({ timeout })} />
      )}
      <AudienceEditor
        audience={step.audience}
        customFields={environment.customFields}
        problems={problems}
        onChange={onAudience}
      />
      <EndsConversationField checked={step.endsConversation === true} onChange={onEndsConversation} />
    </div>
  );
}
