"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Field, Select } from "@/components/ui/field";
import { cn } from "@/lib/cn";
import { dateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { contactLabel, type Lead, leadSource } from "./lead-view";
import type { useUpdateLead } from "./use-update-lead";

function Section({ title, children, first }: { title: string; children: ReactNode; first?: boolean }) {
  return (
    <section className={cn(!first && "mt-6 border-t border-zinc-100 pt-5")}>
      <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">{title}</h2>
      <div className="mt-3 space-y-2.5 text-sm">{children}</div>
    </section>
  );
}

function Detail({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5 text-zinc-900 break-anywhere" data-testid={testId}>
        {value || "—"}
      </dd>
    </div>
  );
}

/** The lead's stage and owner (changed at once), its contact, source and tags. */
export function LeadSidebar({ lead, updater }: { lead: Lead; updater: ReturnType<typeof useUpdateLead> }) {
  const trpc = useTRPC();
  const stages = useQuery(trpc.leads.stages.queryOptions());
  const members = useQuery(trpc.workspace.members.queryOptions());
  const pending = updater.pendingPatch;
  const stageId = pending?.stageId ?? lead.stageId;
  const owner = pending?.ownerUserId !== undefined ? pending.ownerUserId : lead.ownerUserId;
  const source = leadSource(lead);
  const ownerKnown = !owner || (members.data ?? []).some((m) => m.userId === owner);

  return (
    <aside className="w-80 shrink-0 overflow-y-auto border-l border-zinc-200 bg-white p-5">
      <Section title="Lead" first>
        <Field label="Stage" htmlFor="lead-stage">
          <Select
            id="lead-stage"
            data-testid="lead-stage-select"
            value={stageId}
            disabled={stages.isPending}
            onChange={(e) => updater.update({ stageId: e.target.value })}
          >
            {(stages.data ?? [{ id: lead.stageId, name: lead.stageName }]).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner" htmlFor="lead-owner">
          <Select
            id="lead-owner"
            data-testid="lead-owner-select"
            value={owner ?? ""}
            disabled={members.isPending}
            onChange={(e) => updater.update({ ownerUserId: e.target.value || null })}
          >
            <option value="">Nobody</option>
            {!ownerKnown && owner && <option value={owner}>{lead.ownerName ?? "A former member"}</option>}
            {(members.data ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email}
              </option>
            ))}
          </Select>
        </Field>
        <div>
          <span className="text-xs text-zinc-500">Tags</span>
          <div className="mt-1 flex flex-wrap gap-1" data-testid="lead-tags">
            {lead.tags.length === 0 ? (
              <span className="text-zinc-400">None</span>
            ) : (
              lead.tags.map((t) => (
                <Badge key={t} tone="gray">
                  {t}
                </Badge>
              ))
            )}
          </div>
        </div>
      </Section>
      <Section title="Contact">
        <dl className="space-y-2.5">
          <Detail label="Name" value={contactLabel(lead)} testId="lead-contact-name" />
          <Detail
            label="Username"
            value={lead.contactUsername ? `@${lead.contactUsername}` : null}
            testId="lead-contact-username"
          />
          <Detail label="Phone" value={lead.contactPhone} testId="lead-contact-phone" />
        </dl>
      </Section>
      <Section title="Source">
        <dl className="space-y-2.5">
          <Detail label="From" value={source.label} testId="lead-source" />
          {source.detail && <Detail label="Flow" value={source.detail} />}
          <Detail label="Created" value={dateTime(lead.createdAt)} />
          <Detail label="Last changed" value={dateTime(lead.updatedAt)} />
        </dl>
        {lead.conversationId && (
          <Link
            href={`/conversations/${lead.conversationId}`}
            className="inline-block text-xs font-medium text-brand-600 hover:text-brand-700"
            data-testid="lead-open-conversation"
          >
            Open the conversation →
          </Link>
        )}
      </Section>
    </aside>
  );
}
