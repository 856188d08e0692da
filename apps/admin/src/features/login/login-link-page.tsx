"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { withNext } from "@/lib/safe-next";
import { useTRPC } from "@/lib/trpc";
import type { Viewer } from "@/server/auth";
import { LoginDetails } from "./login-details";
import { type LoginAction, outcomeOf } from "./login-outcome";
import { LoginResult } from "./login-result";

const notFound = (e: unknown) =>
  e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "NOT_FOUND";

/** A Login step's link: a signed-in member confirms that the Telegram user is them, or cancels. */
export function LoginLinkPage({ token, viewer }: { token: string; viewer: Viewer | null }) {
  const trpc = useTRPC();
  const [action, setAction] = useState<LoginAction>(null);
  const [error, setError] = useState<string | null>(null);
  const describe = useQuery({ ...trpc.login.describe.queryOptions({ token }), retry: false });
  const onError = (e: unknown) => setError(errorMessage(e));
  const confirm = useMutation(
    trpc.login.confirm.mutationOptions({ onSuccess: () => setAction("confirm"), onError }),
  );
  const cancel = useMutation(
    trpc.login.cancel.mutationOptions({ onSuccess: () => setAction("cancel"), onError }),
  );

  if (describe.isPending) return <PageLoading label="Checking the link…" />;
  if (describe.error)
    return (
      <ErrorNotice
        title={notFound(describe.error) ? "This login link doesn't exist" : "Couldn't check the link"}
        message={
          notFound(describe.error)
            ? "Check that you opened the whole link, or start the login again in Telegram."
            : errorMessage(describe.error)
        }
      />
    );

  const info = describe.data;
  const state = confirm.data?.state ?? cancel.data?.state ?? info.state;
  const outcome = outcomeOf(state, action, info.telegramName);
  const busy = confirm.isPending || cancel.isPending;
  const telegram = info.telegramName || "this Telegram account";

  return (
    <div
      className="rounded-2xl bg-white p-7 shadow-sm ring-1 ring-zinc-200"
      data-testid="login-link"
      data-state={state}
    >
      {outcome ? (
        <LoginResult outcome={outcome} botUsername={info.botUsername} />
      ) : (
        <>
          <h1 className="text-lg font-semibold tracking-tight text-zinc-900">Log in from Telegram</h1>
          <p className="mt-1 text-sm text-zinc-500">@{info.botUsername} asks you to log in.</p>
          <LoginDetails info={info} />
          {error && <ErrorNotice className="mt-4" title={error} />}
          {viewer ? (
            <div className="mt-6 space-y-3">
              <p className="text-sm text-zinc-700" data-testid="login-question">
                Link <span className="font-medium text-zinc-900">{telegram}</span> to your account{" "}
                <span className="font-medium text-zinc-900">{viewer.name || viewer.email}</span>
                {viewer.name && <span className="text-zinc-500"> ({viewer.email})</span>}?
              </p>
              <div className="flex gap-2">
                <Button
                  variant="primary"
                  className="flex-1"
                  loading={confirm.isPending}
                  disabled={busy}
                  onClick={() => confirm.mutate({ token })}
                  data-testid="login-confirm"
                >
                  Confirm
                </Button>
                <Button
                  className="flex-1"
                  loading={cancel.isPending}
                  disabled={busy}
                  onClick={() => cancel.mutate({ token })}
                  data-testid="login-cancel"
                >
                  Cancel
                </Button>
              </div>
            </div>
          ) : (
            <div className="mt-6 space-y-3">
              <Link
                href={withNext("/sign-in", `/telegram-login/${token}`)}
                className={buttonClass("primary", "lg", "w-full")}
                data-testid="login-sign-in"
              >
                Sign in to continue
              </Link>
              <button
                type="button"
                disabled={busy}
                onClick={() => cancel.mutate({ token })}
                className="w-full text-center text-xs text-zinc-500 hover:text-zinc-800"
                data-testid="login-cancel"
              >
                Not you? Cancel this login
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
