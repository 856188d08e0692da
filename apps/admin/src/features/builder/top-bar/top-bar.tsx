"use client";

import Link from "next/link";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { FlowName } from "./flow-name";
import { ImportExport } from "./import-export";
import { ProblemsMenu } from "./problems-menu";
import { PublishButton } from "./publish-button";
import { SaveStatus } from "./save-status";
import { TestChatToggle } from "./test-chat-toggle";
import { UnpublishedChanges } from "./unpublished-changes";
import { VersionsMenu } from "./versions-menu";

/** The builder's header: the flow (name, versions, save state) on the left, its actions on the right. */
export function TopBar() {
  return (
    <header className="flex h-14 shrink-0 items-center gap-3 border-b border-zinc-200 bg-white px-3">
      <Link
        href="/flows"
        className="rounded-md p-1.5 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900"
        title="Back to flows"
        aria-label="Back to flows"
      >
        <ArrowLeftIcon size={16} />
      </Link>
      <FlowName />
      <VersionsMenu />
      <UnpublishedChanges />
      <span className="h-4 w-px bg-zinc-200" />
      <SaveStatus />

      <div className="ml-auto flex items-center gap-2">
        <ProblemsMenu />
        <ImportExport />
        <TestChatToggle />
        <PublishButton />
      </div>
    </header>
  );
}
