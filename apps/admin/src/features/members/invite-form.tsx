"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, ErrorNotice } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { CheckIcon } from "@/components/ui/icons";
import { apiErrorDetails } from "@/lib/api-error";
import { invitableRoles, type MemberRole, ROLE_HINT, ROLE_LABEL, withArticle } from "@/lib/roles";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { CopyButton } from "./copy-button";

type Invited = RouterOutputs["members"]["invite"];
type Errors = { email?: string; form?: string };

/** Invite someone by email with a role; the link to send shows below (no email goes out by default). */
export function InviteForm({ myRole }: { myRole: MemberRole }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const roles = invitableRoles(myRole);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<MemberRole>(roles.includes("operator") ? "operator" : roles[0]!);
  const [errors, setErrors] = useState<Errors>({});
  const [invited, setInvited] = useState<Invited | null>(null);

  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: (result) => {
        setInvited(result);
        setEmail("");
        setErrors({});
        void queryClient.invalidateQueries({ queryKey: trpc.invitations.list.queryKey() });
      },
      onError: (e) => {
        const { message, path, code } = apiErrorDetails(e);
        if (path === "email" || code === "CONFLICT" || /email address/i.test(message))
          setErrors({ email: message });
        else setErrors({ form: message });
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = email.trim();
    if (!trimmed) return setErrors({ email: "Enter the email address of the person to invite." });
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed))
      return setErrors({ email: `"${trimmed}" is not an email address.` });
    setInvited(null);
    invite.mutate({ email: trimmed, role });
  }

  return (
    <Card className="p-5">
      <div className="flex flex-col gap-5 lg:flex-row">
        <div className="lg:w-64 lg:shrink-0">
          <h2 className="text-sm font-semibold text-zinc-900">Invite someone</h2>
          <p className="mt-1 text-sm text-zinc-500">
            They get a link that works once, for 7 days. They sign up (or sign in) and join with the role you
            choose.
          </p>
        </div>
        <div className="min-w-0 flex-1 space-y-4">
          <form onSubmit={submit} noValidate className="space-y-3" data-testid="invite-form">
            {errors.form && <ErrorNotice title={errors.form} />}
            <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
              <Field label="Email" htmlFor="invite-email" error={errors.email} className="min-w-0 flex-1">
                <Input
                  id="invite-email"
                  type="email"
                  autoComplete="off"
                  placeholder="name@company.com"
                  value={email}
                  maxLength={254}
                  invalid={!!errors.email}
                  data-testid="invite-email"
                  onChange={(e) => {
                    setEmail(e.target.value);
                    setErrors({});
                  }}
                />
              </Field>
              <Field label="Role" htmlFor="invite-role" className="sm:w-40">
                <Select
                  id="invite-role"
                  value={role}
                  data-testid="invite-role"
                  onChange={(e) => setRole(e.target.value as MemberRole)}
                >
                  {roles.map((r) => (
                    <option key={r} value={r}>
                      {ROLE_LABEL[r]}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className="sm:pt-[22px]">
                <Button
                  type="submit"
                  variant="primary"
                  loading={invite.isPending}
                  className="w-full sm:w-auto"
                  data-testid="invite-submit"
                >
                  Invite
                </Button>
              </div>
            </div>
            <p className="text-xs text-zinc-500">
              {ROLE_LABEL[role]}: {ROLE_HINT[role]}
              {myRole === "marketer" && " Only an owner can invite an owner."}
            </p>
          </form>
          {invited && <InviteResult invited={invited} />}
        </div>
      </div>
    </Card>
  );
}

/** The new invitation's link, to copy and send. */
function InviteResult({ invited }: { invited: Invited }) {
  const { invitation, link, emailed } = invited;
  return (
    <div className="rounded-lg bg-emerald-50/70 p-3.5 ring-1 ring-emerald-200" data-testid="invite-result">
      <p className="flex items-center gap-2 text-sm font-medium text-emerald-900">
        <CheckIcon size={15} className="shrink-0 text-emerald-600" />
        {emailed
          ? `Invitation emailed to ${invitation.email}.`
          : `Invitation for ${invitation.email} is ready. Send them this link.`}
      </p>
      <div className="mt-2.5 flex gap-2">
        <Input
          readOnly
          value={link}
          aria-label="Invitation link"
          data-testid="invite-link"
          className="font-mono text-xs"
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton text={link} label="Copy link" variant="primary" testId="invite-link-copy" />
      </div>
      <p className="mt-2 text-xs text-emerald-800/80">
        They join as {withArticle(invitation.role)}. The link works once; anyone who has it can use it, so
        send it only to them.
      </p>
    </div>
  );
}
