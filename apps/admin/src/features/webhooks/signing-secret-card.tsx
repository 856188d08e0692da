"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { KeyIcon, RefreshIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { VERIFY_RECIPE } from "./recipe";

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The workspace's webhook signing secret (reveal, copy, rotate) and how receivers verify it. */
export function SigningSecretCard({ showRecipe = true }: { showRecipe?: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const [revealed, setRevealed] = useState(false);
  const secret = useQuery({ ...trpc.webhooks.signingSecret.queryOptions(), enabled: revealed });
  const rotate = useMutation(
    trpc.webhooks.rotateSecret.mutationOptions({
      onSuccess: (data) => {
        queryClient.setQueryData(trpc.webhooks.signingSecret.queryKey(), data);
        setRevealed(true);
        toast({ tone: "success", title: "New signing secret in force", message: "Update your receivers." });
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't rotate the secret", message: errorMessage(e) }),
    }),
  );

  async function onRotate() {
    const ok = await confirm({
      title: "Rotate the signing secret?",
      message:
        "Deliveries are signed with the new secret at once, retries included. Receivers using the old one will refuse them until you update them.",
      confirmLabel: "Rotate",
      danger: true,
    });
    if (ok) rotate.mutate();
  }

  return (
    <Card className="space-y-4 p-5" data-testid="webhook-secret-card">
      <div className="flex items-start gap-3">
        <KeyIcon size={18} className="mt-0.5 text-zinc-400" />
        <div className="min-w-0 flex-1">
          <h2 className="font-medium text-zinc-900">Webhook signing secret</h2>
          <p className="text-sm text-zinc-500">
            Every Send-webhook delivery carries <code className="font-mono">X-Switchboard-Signature</code>, an
            HMAC-SHA256 of the timestamp and body under this secret. Keep it on your server only.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 truncate rounded-md bg-zinc-100 px-3 py-2 font-mono text-xs text-zinc-800"
          data-testid="webhook-secret"
        >
          {revealed
            ? (secret.data?.secret ?? (secret.error ? errorMessage(secret.error) : "…"))
            : "whsec_••••••••••••••••"}
        </code>
        {!revealed ? (
          <Button size="sm" onClick={() => setRevealed(true)} data-testid="webhook-secret-reveal">
            Reveal
          </Button>
        ) : (
          <Button
            size="sm"
            disabled={!secret.data}
            onClick={async () =>
              secret.data &&
              toast(
                (await copy(secret.data.secret))
                  ? { tone: "success", title: "Copied" }
                  : { tone: "error", title: "Couldn't copy: select it and copy by hand" },
              )
            }
          >
            Copy
          </Button>
        )}
        <Button
          size="sm"
          variant="ghost"
          onClick={onRotate}
          disabled={rotate.isPending}
          data-testid="webhook-secret-rotate"
        >
          <RefreshIcon size={14} /> Rotate
        </Button>
      </div>
      {secret.data?.rotatedAt && (
        <p className="text-xs text-zinc-500">Last rotated {dateTime(secret.data.rotatedAt)}.</p>
      )}
      {showRecipe && (
        <details className="text-sm">
          <summary className="cursor-pointer font-medium text-zinc-700">
            How to verify a delivery (Node)
          </summary>
          <p className="my-2 text-zinc-500">
            Pass the raw body and the <code className="font-mono">X-Switchboard-Timestamp</code> and{" "}
            <code className="font-mono">X-Switchboard-Signature</code> headers; requests older than 5 minutes
            are refused. A delivery may arrive more than once: dedupe by{" "}
            <code className="font-mono">X-Switchboard-Delivery</code>.
          </p>
          <pre className="overflow-auto rounded-lg bg-zinc-950 p-3 font-mono text-[11px] leading-relaxed text-zinc-100">
            {VERIFY_RECIPE}
          </pre>
        </details>
      )}
    </Card>
  );
}
