"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import Link from "next/link";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { AlertIcon, CheckIcon, UsersIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { authClient } from "@/lib/auth-client";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { authPathForInvitation, landingFor, ROLE_LABEL, withArticle } from "@/lib/roles";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { useSwitchWorkspace } from "@/lib/use-switch-workspace";
import type { Viewer } from "@/server/auth";

type Info = RouterOutputs["invitations"]["describe"];

const notFound = (e: unknown) =>
  e instanceof TRPCClientError && (e.data as { code?: string } | undefined)?.code === "NOT_FOUND";

function Details({ info }: { info: Info }) {
  const rows = [
    { label: "Workspace", value: info.workspaceName, testId: "invite-workspace" },
    { label: "Role", value: ROLE_LABEL[info.role], testId: "invite-role-name" },
    { label: "Sent to", value: info.email, testId: "invite-email-to" },
    { label: "Link works until", value: dateTime(info.expiresAt), testId: "invite-expires" },
  ];
  return (
    <dl className="mt-5 divide-y divide-zinc-100 rounded-lg bg-zinc-50 px-3 text-sm ring-1 ring-zinc-200">
      {rows.map((r) => (
        <div key={r.label} className="flex items-center justify-between gap-3 py-2">
          <dt className="shrink-0 text-zinc-500">{r.label}</dt>
          <dd className="truncate text-right font-medium text-zinc-900" data-testid={r.testId}>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** An invitation link: what it is; sign up or sign in; accept and land in the workspace. */
export function InvitationPage({ token, viewer }: { token: string; viewer: Viewer | null }) {
  const trpc = useTRPC();
  const describe = useQuery({ ...trpc.invitations.describe.queryOptions({ token }), retry: false });
  const accept = useMutation(
    trpc.invitations.accept.mutationOptions({
      onSuccess: (joined) => window.location.assign(landingFor(joined.role)),
    }),
  );
  // A new attempt clears the last one's error (mutate resets it).
  const error = accept.error ? errorMessage(accept.error) : null;
  const open = useSwitchWorkspace(landingFor);
  const [signingOut, setSigningOut] = useState(false);

  async function switchAccount() {
    setSigningOut(true);
    try {
      await authClient.signOut();
    } finally {
      window.location.reload();
    }
  }

  if (describe.isPending) return <PageLoading label="Checking the invitation…" />;
  if (describe.error)
    return (
      <ErrorNotice
        title={
          notFound(describe.error) ? "This invitation link doesn't exist" : "Couldn't check the invitation"
        }
        message={
          notFound(describe.error)
            ? "Check that you opened the whole link, or ask for a new invitation."
            : errorMessage(describe.error)
        }
      />
    );

  const info = describe.data;
  const inviter = info.inviterName ?? "Someone";
  const askFor = info.inviterName ? `Ask ${info.inviterName} for a new one.` : "Ask for a new one.";
  const otherAddress = viewer && viewer.email.toLowerCase() !== info.email.toLowerCase();

  return (
    <div
      className="rounded-2xl bg-white p-7 shadow-sm ring-1 ring-zinc-200"
      data-testid="invitation"
      data-state={info.state}
    >
      <div className="flex size-11 items-center justify-center rounded-xl bg-brand-50 text-brand-600 ring-1 ring-brand-100">
        <UsersIcon size={20} />
      </div>
      <h1 className="mt-4 text-lg font-semibold tracking-tight text-zinc-900">Join {info.workspaceName}</h1>
      <p className="mt-1 text-sm text-zinc-500">
        {inviter} invited you to join as {withArticle(info.role)}.
      </p>
      <Details info={info} />

      {info.state === "open" ? (
        viewer ? (
          <div className="mt-6 space-y-3">
            {error && <ErrorNotice title={error} />}
            <p className="text-sm text-zinc-700" data-testid="invite-viewer">
              You're signed in as{" "}
              <span className="font-medium text-zinc-900">{viewer.name || viewer.email}</span>
              {viewer.name && <span className="text-zinc-500"> ({viewer.email})</span>}.
            </p>
            {otherAddress && (
              <p className="rounded-lg bg-amber-50 p-2.5 text-xs text-amber-900 ring-1 ring-amber-200">
                The invitation was sent to {info.email}. You can accept it with this account, or use another.
              </p>
            )}
            {info.viewerRole && (
              <p className="rounded-lg bg-sky-50 p-2.5 text-xs text-sky-900 ring-1 ring-sky-200">
                You're already {withArticle(info.viewerRole)} here. Accepting keeps the higher of the two
                roles.
              </p>
            )}
            <Button
              variant="primary"
              size="lg"
              className="w-full"
              loading={accept.isPending || accept.isSuccess}
              onClick={() => accept.mutate({ token })}
              data-testid="invite-accept"
            >
              Accept and join {info.workspaceName}
            </Button>
            <button
              type="button"
              disabled={signingOut || accept.isPending}
              onClick={() => void switchAccount()}
              className="w-full text-center text-xs text-zinc-500 hover:text-zinc-800"
              data-testid="invite-other-account"
            >
              Use another account
            </button>
          </div>
        ) : (
          <div className="mt-6 space-y-2.5">
            <Link
              href={authPathForInvitation("/sign-up", token, info.email)}
              className={buttonClass("primary", "lg", "w-full")}
              data-testid="invite-sign-up"
            >
              Create an account to join
            </Link>
            <Link
              href={authPathForInvitation("/sign-in", token, info.email)}
              className={buttonClass("secondary", "lg", "w-full")}
              data-testid="invite-sign-in"
            >
              I have an account: sign in
            </Link>
          </div>
        )
      ) : (
        <div className="mt-6 space-y-3">
          {info.state === "accepted" && info.viewerRole && info.workspaceId ? (
            <>
              <p className="flex items-center gap-2 text-sm text-emerald-800">
                <CheckIcon size={15} className="shrink-0 text-emerald-600" /> You're{" "}
                {withArticle(info.viewerRole)} of {info.workspaceName}.
              </p>
              <Button
                variant="primary"
                size="lg"
                className="w-full"
                loading={open.isPending || open.isSuccess}
                onClick={() => info.workspaceId && open.mutate({ workspaceId: info.workspaceId })}
                data-testid="invite-open-workspace"
              >
                Open {info.workspaceName}
              </Button>
            </>
          ) : (
            <p
              className="flex gap-2 rounded-lg bg-zinc-50 p-3 text-sm text-zinc-700 ring-1 ring-zinc-200"
              data-testid="invite-closed"
            >
              <AlertIcon size={16} className="mt-0.5 shrink-0 text-zinc-400" />
              <span>
                {info.state === "accepted"
                  ? "This invitation has already been used: invitation links work once."
                  : info.state === "revoked"
                    ? `This invitation was withdrawn. ${askFor}`
                    : `This invitation has expired. ${askFor}`}
              </span>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
