"use client";

import { Toggle } from "@/components/ui/toggle";
import { SectionLabel } from "./section-label";

/** Marks the step as an intended end of the conversation (the "ends here" warning goes away). */
export function EndsConversationField({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (ends: boolean) => void;
}) {
  return (
    <SectionLabel
      label="Ends the conversation here"
      info="Mark a step where the conversation is meant to end: nothing warns about its unconnected outputs."
      aside={
        <Toggle
          checked={checked}
          onChange={onChange}
          label="Ends the conversation here"
          data-testid="ends-conversation-toggle"
        />
      }
    />
  );
}
