"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Input } from "@/components/ui/field";
import { AlertIcon, SparklesIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

export function ConnectBot() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const connect = useMutation(
    trpc.bots.connect.mutationOptions({
      onSuccess: (bot) => {
        setToken("");
        setError(null);
        toast({
          tone: "success",
          title: `@${bot.username} is connected`,
          message: "Pick the flow it should run below.",
        });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = token.trim();
    if (!value) {
      setError("Paste the bot token from @BotFather first.");
      return;
    }
    connect.mutate({ token: value });
  }

  return (
    <Card className="p-5">
      <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
        <div className="lg:w-72 lg:shrink-0">
          <h2 className="text-sm font-semibold text-zinc-900">Connect a bot</h2>
          <p className="mt-1 text-sm text-zinc-500">
            Paste the token{" "}
            <a
              href="https://t.me/BotFather"
              target="_blank"
              rel="noopener noreferrer"
              className="font-medium text-brand-600 hover:underline"
            >
              @BotFather
            </a>{" "}
            gave you. We check it with Telegram and store it encrypted.
          </p>
        </div>
        <form onSubmit={submit} className="min-w-0 flex-1" noValidate>
          <div className="flex gap-2">
            <Input
              data-testid="bot-token"
              aria-label="Bot token"
              value={token}
              onChange={(e) => {
                setToken(e.target.value);
                if (error) setError(null);
              }}
              placeholder="123456789:AAH…"
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              invalid={!!error}
              className="font-mono"
            />
            <Button type="submit" variant="primary" loading={connect.isPending} data-testid="bot-connect">
              Connect
            </Button>
          </div>
          {error && (
            <p
              className="mt-2 flex items-start gap-1.5 text-sm text-red-600 break-anywhere"
              role="alert"
              data-testid="connect-error"
            >
              <AlertIcon size={14} className="mt-0.5 shrink-0" />
              {error}
            </p>
          )}
          <SandboxBotCreator />
        </form>
      </div>
    </Card>
  );
}

/** When the local Telegram sandbox runs, a test bot can be made without BotFather. */
function SandboxBotCreator() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const status = useQuery(trpc.sandbox.status.queryOptions());
  const [open, setOpen] = useState(false);
  const [username, setUsername] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.sandbox.createBot.mutationOptions({
      onSuccess: (bot) => {
        setOpen(false);
        setUsername("");
        setError(null);
        toast({ tone: "success", title: `@${bot.username} was created in the sandbox` });
        void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );
  if (!status.data?.reachable) return null;
  if (!open)
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mt-3 inline-flex items-center gap-1.5 text-xs font-medium text-zinc-500 hover:text-brand-700"
        data-testid="sandbox-create-open"
      >
        <SparklesIcon size={13} /> No token? Create a test bot in the local Telegram sandbox
      </button>
    );
  return (
    <div className="mt-3 rounded-lg bg-zinc-50 p-3 ring-1 ring-zinc-200">
      <p className="text-xs text-zinc-600">
        A sandbox bot talks to the Sandbox chat only — nothing reaches real Telegram.
      </p>
      <div className="mt-2 flex gap-2">
        <Input
          data-testid="sandbox-bot-username"
          aria-label="Sandbox bot username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          placeholder="acme_support_bot"
          className="h-8 font-mono text-xs"
          maxLength={40}
          invalid={!!error}
        />
        <Button
          size="sm"
          onClick={() => create.mutate({ username: username.trim() })}
          loading={create.isPending}
          disabled={!username.trim()}
          data-testid="sandbox-create-bot"
        >
          Create bot
        </Button>
        <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error && <p className="mt-1.5 text-xs text-red-600 break-anywhere">{error}</p>}
    </div>
  );
}
