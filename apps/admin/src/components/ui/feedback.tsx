"use client";

import { createContext, type ReactNode, useCallback, useContext, useMemo, useRef, useState } from "react";
import { cn } from "@/lib/cn";
import { Button } from "./button";
import { AlertIcon, CheckIcon, InfoIcon, XIcon } from "./icons";
import { Modal } from "./modal";

type ToastTone = "success" | "error" | "info";
interface ToastItem {
  id: number;
  tone: ToastTone;
  title: string;
  message?: string;
}
interface ConfirmOptions {
  title: string;
  message?: ReactNode;
  confirmLabel?: string;
  danger?: boolean;
  /** Why the action can't be confirmed now: the confirm button is disabled and this sentence says why. */
  blockedReason?: string;
}

interface FeedbackApi {
  toast: (t: Omit<ToastItem, "id">) => void;
  confirm: (o: ConfirmOptions) => Promise<boolean>;
}

const FeedbackContext = createContext<FeedbackApi | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const [pending, setPending] = useState<(ConfirmOptions & { resolve: (v: boolean) => void }) | null>(null);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const toast = useCallback(
    (t: Omit<ToastItem, "id">) => {
      const id = nextId.current++;
      setToasts((ts) => [...ts.slice(-3), { ...t, id }]);
      setTimeout(() => dismiss(id), t.tone === "error" ? 7000 : 4000);
    },
    [dismiss],
  );
  const confirm = useCallback(
    (o: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ ...o, resolve })),
    [],
  );
  const close = useCallback(
    (value: boolean) => {
      pending?.resolve(value);
      setPending(null);
    },
    [pending],
  );

  const api = useMemo(() => ({ toast, confirm }), [toast, confirm]);

  return (
    <FeedbackContext.Provider value={api}>
      {children}
      <Modal
        open={pending !== null}
        onClose={() => close(false)}
        title={pending?.title ?? ""}
        description={
          pending?.blockedReason ? (
            <>
              {pending.message}
              <span className="mt-2 block font-medium text-zinc-700" data-testid="confirm-blocked-reason">
                {pending.blockedReason}
              </span>
            </>
          ) : (
            pending?.message
          )
        }
        data-testid="confirm-dialog"
        footer={
          <>
            <Button
              onClick={() => close(false)}
              data-testid="confirm-cancel"
              autoFocus={!!pending?.blockedReason}
            >
              Cancel
            </Button>
            <Button
              variant={pending?.danger ? "danger" : "primary"}
              onClick={() => close(true)}
              data-testid="confirm-ok"
              disabled={!!pending?.blockedReason}
              title={pending?.blockedReason}
              autoFocus={!pending?.blockedReason}
            >
              {pending?.confirmLabel ?? "Confirm"}
            </Button>
          </>
        }
      />
      <div className="pointer-events-none fixed right-4 bottom-4 z-[60] flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2">
        {toasts.map((t) => (
          <div
            key={t.id}
            role={t.tone === "error" ? "alert" : "status"}
            data-testid={`toast-${t.tone}`}
            className="animate-fade-in pointer-events-auto flex gap-3 rounded-xl bg-white p-3.5 shadow-lg ring-1 ring-zinc-200"
          >
            <span
              className={cn(
                "mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full",
                t.tone === "success" && "bg-emerald-100 text-emerald-600",
                t.tone === "error" && "bg-red-100 text-red-600",
                t.tone === "info" && "bg-sky-100 text-sky-600",
              )}
            >
              {t.tone === "success" ? (
                <CheckIcon size={12} />
              ) : t.tone === "error" ? (
                <AlertIcon size={12} />
              ) : (
                <InfoIcon size={12} />
              )}
            </span>
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium text-zinc-900">{t.title}</p>
              {t.message && (
                <p className="mt-0.5 max-h-32 overflow-y-auto text-sm text-zinc-600 break-anywhere">
                  {t.message}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={() => dismiss(t.id)}
              className="h-fit rounded p-0.5 text-zinc-400 hover:text-zinc-600"
              aria-label="Dismiss"
            >
              <XIcon size={14} />
            </button>
          </div>
        ))}
      </div>
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): FeedbackApi {
  const ctx = useContext(FeedbackContext);
  if (!ctx) throw new Error("useFeedback must be used inside <FeedbackProvider>");
  return ctx;
}
