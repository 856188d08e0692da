"use client";

import Link from "next/link";
import { Card } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { AlertIcon, RefreshIcon } from "@/components/ui/icons";
import type { RouterOutputs } from "@/lib/trpc";
import { DEFAULT_PHONE, type useSandboxUser } from "./use-sandbox-user";

type Bot = RouterOutputs["bots"]["list"][number];

/** Which bot to talk to, and who you are in the sandbox (id and phone number). */
export function SandboxSidebar({
  bots,
  bot,
  onBot,
  sandboxUser,
}: {
  bots: Bot[];
  bot: Bot | undefined;
  onBot: (id: string) => void;
  sandboxUser: ReturnType<typeof useSandboxUser>;
}) {
  const { user, newUser, phone, setPhone } = sandboxUser;
  return (
    <Card className="h-fit w-72 shrink-0 space-y-5 p-5">
      <Field label="Bot" htmlFor="sandbox-bot">
        <Select
          id="sandbox-bot"
          data-testid="sandbox-bot"
          value={bot?.id ?? ""}
          onChange={(e) => onBot(e.target.value)}
        >
          {bots.map((b) => (
            <option key={b.id} value={b.id}>
              @{b.username}
              {b.status === "disabled" ? " (disabled)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      {bot && !bot.entryFlowId && (
        <p className="flex gap-2 rounded-lg bg-amber-50 p-2.5 text-xs text-amber-800 ring-1 ring-amber-200">
          <AlertIcon size={13} className="mt-0.5 shrink-0" />
          <span>
            @{bot.username} has no flow yet, so it won't answer.{" "}
            <Link href="/bots" className="font-medium underline">
              Choose one
            </Link>
          </span>
        </p>
      )}
      {bot?.status === "disabled" && (
        <p className="flex gap-2 rounded-lg bg-zinc-100 p-2.5 text-xs text-zinc-700">
          <AlertIcon size={13} className="mt-0.5 shrink-0" /> This bot is disabled and won't answer.
        </p>
      )}
      <div className="space-y-1.5">
        <span className="block text-xs font-medium text-zinc-700">You are</span>
        <div className="flex items-center gap-2.5 rounded-lg bg-zinc-50 p-2.5 ring-1 ring-zinc-200">
          <span className="flex size-8 items-center justify-center rounded-full bg-emerald-500 text-xs font-semibold text-white">
            SU
          </span>
          <div className="min-w-0">
            <p className="text-sm font-medium text-zinc-900">{user.first_name}</p>
            <p className="truncate font-mono text-[11px] text-zinc-500" data-testid="sandbox-user-id">
              id {user.id}
            </p>
          </div>
        </div>
        <button
          type="button"
          onClick={newUser}
          className="inline-flex items-center gap-1 text-xs text-zinc-500 hover:text-brand-700"
          title="Chat as a brand-new Telegram user"
        >
          <RefreshIcon size={11} /> Start over as a new user
        </button>
      </div>
      <Field
        label="Your phone number"
        htmlFor="sandbox-phone"
        hint="Shared when you tap a “share phone” button."
      >
        <Input
          id="sandbox-phone"
          data-testid="sandbox-phone"
          value={phone}
          maxLength={32}
          placeholder={DEFAULT_PHONE}
          onChange={(e) => setPhone(e.target.value)}
          className="font-mono"
        />
      </Field>
      <div className="space-y-1.5 border-t border-zinc-100 pt-4 text-xs text-zinc-500">
        <p className="font-medium text-zinc-700">How it works</p>
        <p>
          Messages go to the sandbox, which hands them to the runtime exactly like Telegram would. Replies
          appear within a second. Link and login buttons open in a new tab.
        </p>
        <p>
          Every chat also shows up in{" "}
          <Link href="/conversations" className="font-medium text-brand-600 hover:underline">
            Conversations
          </Link>
          .
        </p>
      </div>
    </Card>
  );
}
