"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { PageContainer } from "@/components/page";
import { PageHeader } from "@/components/ui/card";
import { InfoIcon } from "@/components/ui/icons";
import { useTRPC } from "@/lib/trpc";
import { CannedReplies } from "./canned-replies";
import { ContactFields } from "./contact-fields";
import { LeaveWorkspace } from "./leave-workspace";
import { Secrets } from "./secrets";
import { WorkspaceSettings } from "./workspace-settings";

/** `editorSections`: more cards for owners and marketers (the app route composes other features' cards). */
export function SettingsPage({ editorSections }: { editorSections?: ReactNode } = {}) {
  const trpc = useTRPC();
  const me = useQuery(trpc.workspace.current.queryOptions());
  const canEdit = me.data ? me.data.role !== "operator" : false;

  return (
    <PageContainer>
      <PageHeader
        title="Settings"
        description="Your workspace, the fields your bots keep on contacts, and the inbox's canned replies."
      />
      {me.data?.role === "operator" && (
        <p className="mb-5 flex items-center gap-2 rounded-lg bg-sky-50 p-3 text-sm text-sky-800 ring-1 ring-sky-200">
          <InfoIcon size={15} className="shrink-0" /> Operators can see the settings; an owner or marketer
          changes them.
        </p>
      )}
      <div className="max-w-4xl space-y-6">
        <WorkspaceSettings canEdit={canEdit} />
        <ContactFields canEdit={canEdit} />
        <CannedReplies canEdit={canEdit} />
        {canEdit && editorSections}
        <Secrets canEdit={canEdit} />
        {me.data && <LeaveWorkspace workspaceName={me.data.name} />}
      </div>
    </PageContainer>
  );
}
