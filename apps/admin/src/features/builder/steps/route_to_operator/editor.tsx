"use client";

import { MessageTextField } from "../../fields/message-text-field";
import type { EditorProps } from "../types";

export function RouteToOperatorEditor({
  step,
  onChange,
  problems,
  variables,
}: EditorProps<"route_to_operator">) {
  return (
    <div className="space-y-5">
      <MessageTextField
        label="While waiting for an operator"
        value={step.config.text}
        problems={problems}
        variables={variables}
        placeholder="Connecting you with a person — one moment, please."
        hint="Sent when the conversation joins the operators' queue. Leave empty to send nothing."
        rows={3}
        onChange={(text) => onChange({ ...step.config, text })}
      />
      <div className="space-y-2 rounded-lg bg-orange-50/60 p-3 text-xs leading-relaxed text-zinc-600 ring-1 ring-orange-100">
        <p>
          The conversation waits in the inbox until an operator takes it; the bot stays quiet meanwhile, and
          the user can type <code className="font-mono text-zinc-800">/end</code> to finish.
        </p>
        <p>
          <span className="font-medium text-zinc-800">No operator</span> — nobody can take it: no operator of
          this bot is available, or the bot's maximum waiting time passed (both texts are in the bot's
          settings).
        </p>
        <p>
          <span className="font-medium text-zinc-800">Returned to bot</span> — an operator handed the
          conversation back to the bot (unless they picked another step).
        </p>
      </div>
    </div>
  );
}
