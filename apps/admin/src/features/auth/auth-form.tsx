"use client";

import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/field";
import { MAX_NAME_LENGTH, nameProblem, passwordProblem } from "@/lib/account-rules";
import { authClient } from "@/lib/auth-client";
import { safeNext, withNext } from "@/lib/safe-next";

type Mode = "sign-in" | "sign-up";

/** The other form's link keeps the address typed so far (an invitation's prefilled one included). */
function withEmail(path: string, email: string) {
  const trimmed = email.trim();
  if (!trimmed) return path;
  return `${path}${path.includes("?") ? "&" : "?"}email=${encodeURIComponent(trimmed)}`;
}

function describe(error: { message?: string; status?: number; code?: string } | null | undefined): string {
  if (!error) return "Something went wrong. Please try again.";
  if (error.code === "INVALID_EMAIL_OR_PASSWORD" || error.status === 401)
    return "That email and password don't match an account.";
  if (error.code === "USER_ALREADY_EXISTS" || error.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")
    return "An account with this email already exists. Sign in instead.";
  if (error.code === "PASSWORD_TOO_SHORT") return "Use at least 8 characters for your password.";
  // The per-account lock says how long it lasts; the IP rate limit does not.
  if (error.code === "ACCOUNT_LOCKED" && error.message) return error.message;
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  if (error.status && error.status >= 500) return "The server had a problem. Please try again in a moment.";
  return error.message || "Something went wrong. Please try again.";
}

export function AuthForm({ mode }: { mode: Mode }) {
  const router = useRouter();
  const params = useSearchParams();
  const [name, setName] = useState("");
  // An invitation's sign-up and sign-in links prefill the address it was sent to.
  const [email, setEmail] = useState(() => params.get("email")?.slice(0, 254) ?? "");
  const forInvitation = safeNext(params.get("next"), "").startsWith("/invite/");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ name?: string; email?: string; password?: string }>({});
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const errs: typeof fieldErrors = {};
    const nameIssue = mode === "sign-up" ? nameProblem(name) : null;
    if (nameIssue) errs.name = nameIssue;
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errs.email = "Enter a valid email address.";
    // The server checks the same rules (src/server/auth-security.ts); saying so here saves a round trip.
    const passwordIssue = mode === "sign-up" ? passwordProblem(password, { email, name }) : null;
    if (passwordIssue) errs.password = passwordIssue;
    if (mode === "sign-in" && !password) errs.password = "Enter your password.";
    setFieldErrors(errs);
    if (Object.keys(errs).length) return;

    setBusy(true);
    try {
      const result =
        mode === "sign-in"
          ? await authClient.signIn.email({ email: email.trim(), password })
          : await authClient.signUp.email({ email: email.trim(), password, name: name.trim() });
      if (result.error) {
        setError(describe(result.error));
        setBusy(false);
        return;
      }
      // Without a `next`, the home page sends each role to its own start (operators: the inbox).
      router.replace(safeNext(params.get("next"), "/"));
      router.refresh();
    } catch {
      setError("Can't reach the server. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <div className="rounded-2xl bg-white p-7 shadow-sm ring-1 ring-zinc-200">
      <h1 className="text-lg font-semibold tracking-tight text-zinc-900">
        {mode === "sign-in" ? "Sign in to Switchboard" : "Create your account"}
      </h1>
      <p className="mt-1 text-sm text-zinc-500">
        {forInvitation
          ? mode === "sign-in"
            ? "Sign in to accept your invitation."
            : "Create your account to accept your invitation."
          : mode === "sign-in"
            ? "Welcome back. Your bots missed you."
            : "Start building Telegram bots in minutes."}
      </p>
      <form onSubmit={onSubmit} noValidate className="mt-6 space-y-4">
        {error && <ErrorNotice title={error} />}
        {mode === "sign-up" && (
          <Field label="Name" htmlFor="name" error={fieldErrors.name}>
            <Input
              id="name"
              data-testid="name"
              autoComplete="name"
              value={name}
              maxLength={MAX_NAME_LENGTH}
              invalid={!!fieldErrors.name}
              onChange={(e) => setName(e.target.value)}
              autoFocus
            />
          </Field>
        )}
        <Field label="Email" htmlFor="email" error={fieldErrors.email}>
          <Input
            id="email"
            data-testid="email"
            type="email"
            autoComplete="email"
            value={email}
            maxLength={254}
            invalid={!!fieldErrors.email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus={mode === "sign-in"}
          />
        </Field>
        <Field
          label="Password"
          htmlFor="password"
          error={fieldErrors.password}
          hint={
            mode === "sign-up"
              ? "At least 8 characters; not a common password, your email or your name."
              : undefined
          }
        >
          <Input
            id="password"
            data-testid="password"
            type="password"
            autoComplete={mode === "sign-in" ? "current-password" : "new-password"}
            value={password}
            maxLength={128}
            invalid={!!fieldErrors.password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Button
          type="submit"
          variant="primary"
          size="lg"
          className="w-full"
          loading={busy}
          data-testid="submit"
        >
          {mode === "sign-in" ? "Sign in" : "Create account"}
        </Button>
      </form>
      <p className="mt-6 text-center text-sm text-zinc-500">
        {mode === "sign-in" ? (
          <>
            New to Switchboard?{" "}
            <Link
              href={withEmail(withNext("/sign-up", params.get("next")), email)}
              className="font-medium text-brand-600 hover:text-brand-700"
            >
              Create an account
            </Link>
          </>
        ) : (
          <>
            Already have an account?{" "}
            <Link
              href={withEmail(withNext("/sign-in", params.get("next")), email)}
              className="font-medium text-brand-600 hover:text-brand-700"
            >
              Sign in
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
