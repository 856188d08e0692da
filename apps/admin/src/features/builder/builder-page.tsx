"use client";

import { useQuery } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { PageLoading } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { Builder } from "./builder";
import { useWorkspaceEnvironment } from "./use-workspace-environment";

export function BuilderPage({ flowId }: { flowId: string }) {
  const trpc = useTRPC();
  // Always load the latest draft when the builder opens; the builder owns it from then on.
  const flow = useQuery({
    ...trpc.flows.get.queryOptions({ id: flowId }),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

  if (flow.isPending)
    return (
      <>
        <EnvironmentPrefetch flowId={flowId} />
        <PageLoading label="Opening the builder…" />
      </>
    );
  if (flow.error || !flow.data)
    return (
      <div className="mx-auto max-w-xl p-10">
        <ErrorNotice
          title="Couldn't open this flow"
          message={errorMessage(flow.error)}
          action={
            <Link href="/flows" className={buttonClass("secondary", "sm")}>
              Back to flows
            </Link>
          }
        />
      </div>
    );
  return (
    <ReactFlowProvider key={flow.data.id}>
      <Builder
        flow={{
          id: flow.data.id,
          name: flow.data.name,
          draft: flow.data.draft,
          publishedVersion: flow.data.publishedVersion,
          unpublishedChanges: flow.data.unpublishedChanges,
        }}
      />
    </ReactFlowProvider>
  );
}

/**
 * Asks for the workspace's lists (fields, members, …) while the flow loads instead of after the
 * builder's first render. A task later, so that they go in a batch of their own: the flow's answer
 * doesn't wait for theirs.
 */
function EnvironmentPrefetch({ flowId }: { flowId: string }) {
  const [start, setStart] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setStart(true), 0);
    return () => clearTimeout(timer);
  }, []);
  return start ? <EnvironmentQueries flowId={flowId} /> : null;
}

function EnvironmentQueries({ flowId }: { flowId: string }) {
  useWorkspaceEnvironment(flowId);
  return null;
}
