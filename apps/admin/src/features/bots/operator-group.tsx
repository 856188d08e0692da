"use client";

import { Field, Input } from "@/components/ui/field";
import { ToggleRow } from "./setting-row";

/**
 * The bot's operators' Telegram group: a supergroup with topics where every customer routed to operators
 * gets a topic. Operators answer there; the conversation is the same one the web inbox shows.
 */
export function OperatorGroupSettings({
  botUsername,
  enabled,
  chatId,
  error,
  disabled,
  onChange,
}: {
  botUsername: string;
  enabled: boolean;
  chatId: string;
  error?: string | undefined;
  disabled: boolean;
  onChange: (patch: { groupEnabled?: boolean; groupChatId?: string }) => void;
}) {
  return (
    <div className="space-y-4">
      <ToggleRow
        label="Answer from a Telegram group"
        description="Each customer routed to operators gets a topic in the group, named after them, with a summary and their messages. What the group writes in the topic goes to the customer; /close in the topic ends the conversation. The web inbox shows the same conversation."
        checked={enabled}
        disabled={disabled}
        onChange={(v) => onChange({ groupEnabled: v })}
        testId="bot-operator-group-enabled"
      />
      <Field
        label="Group id"
        htmlFor="bot-operator-group"
        error={error}
        hint="Starts with -100, e.g. -1001234567890."
      >
        <Input
          id="bot-operator-group"
          data-testid="bot-operator-group"
          inputMode="numeric"
          placeholder="-1001234567890"
          value={chatId}
          disabled={disabled}
          invalid={!!error}
          onChange={(e) => onChange({ groupChatId: e.target.value })}
        />
      </Field>
      <div
        className="rounded-lg bg-zinc-50 px-3 py-2.5 text-xs text-zinc-600"
        data-testid="bot-operator-group-howto"
      >
        <p className="font-medium text-zinc-700">How to set it up</p>
        <ol className="mt-1 list-decimal space-y-0.5 pl-4">
          <li>In Telegram, create a group and turn on Topics in its settings (it becomes a supergroup).</li>
          <li>
            Add @{botUsername} and make it an administrator with the “Manage topics” right (as an
            administrator it reads every message; otherwise turn its privacy mode off in @BotFather with{" "}
            <code>/setprivacy</code>).
          </li>
          <li>Add your operators to the group.</li>
          <li>
            Paste the group's id here. One way: open the group in Telegram Web (web.telegram.org/a), where the
            address ends in it (#-100…); another: forward one of the group's messages to a bot that shows chat
            ids.
          </li>
        </ol>
        <p className="mt-1.5">
          Replies are sent in the name of the workspace member whose Telegram account is linked (a Login
          step), and a waiting conversation is theirs once they answer; anyone else's replies go out too,
          without a member. Once saved, the bot's log says whether the runtime could read the group.
        </p>
      </div>
    </div>
  );
}
