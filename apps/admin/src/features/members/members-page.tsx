"use client";

import { useQuery } from "@tanstack/react-query";
import { PageContainer } from "@/components/page";
import { ErrorNotice, PageHeader } from "@/components/ui/card";
import { InfoIcon } from "@/components/ui/icons";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { managesMembers } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc";
import { InvitationsList } from "./invitations-list";
import { InviteForm } from "./invite-form";
import { MembersList } from "./members-list";

export function MembersPage() {
  const trpc = useTRPC();
  const me = useQuery(trpc.workspace.current.queryOptions());

  return (
    <PageContainer>
      <PageHeader
        title="Members"
        description={`Who works in ${me.data?.name ?? "this workspace"}. Owners manage everything and everyone; marketers build bots and flows; operators answer conversations.`}
      />
      {me.isPending ? (
        <PageLoading />
      ) : me.error ? (
        <ErrorNotice title="Couldn't load the workspace" message={errorMessage(me.error)} />
      ) : (
        <div className="max-w-4xl space-y-6">
          {managesMembers(me.data.role) ? (
            <InviteForm myRole={me.data.role} />
          ) : (
            <p className="flex items-center gap-2 rounded-lg bg-sky-50 p-3 text-sm text-sky-800 ring-1 ring-sky-200">
              <InfoIcon size={15} className="shrink-0" /> Operators can see the members; an owner or marketer
              invites people.
            </p>
          )}
          <MembersList me={me.data} />
          {managesMembers(me.data.role) && <InvitationsList />}
        </div>
      )}
    </PageContainer>
  );
}
