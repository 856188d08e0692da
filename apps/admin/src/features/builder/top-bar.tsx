"use client";

import { type FlowDocument, type Problem, parseFlowDocument } from "@switchboard/flow";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import {
  AlertIcon,
  ArrowLeftIcon,
  CheckIcon,
  ChevronDownIcon,
  DownloadIcon,
  HistoryIcon,
  PlayIcon,
  RocketIcon,
  UploadIcon,
} from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { errorMessage } from "@/lib/errors";
import { dateTime } from "@/lib/format";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import type { PublishResult } from "./builder";
import { loadDraft } from "./load";
import { ProblemList } from "./problem-list";
import type { SaveState } from "./use-autosave";

function useClickOutside(open: boolean, close: () => void) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && close();
    window.addEventListener("mousedown", onDown);
    window.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("mousedown", onDown);
      window.removeEventListener("keydown", onKey);
    };
  }, [open, close]);
  return ref;
}

function Popover({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div
      className={cn(
        "animate-fade-in absolute top-full right-0 z-40 mt-2 rounded-xl bg-white shadow-xl ring-1 ring-zinc-200",
        className,
      )}
    >
      {children}
    </div>
  );
}

function FlowName({ flowId, initialName }: { flowId: string; initialName: string }) {
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [name, setName] = useState(initialName);
  const [draftName, setDraftName] = useState(initialName);
  const [editing, setEditing] = useState(false);

  async function commit() {
    setEditing(false);
    const next = draftName.trim();
    if (!next || next === name) {
      setDraftName(name);
      return;
    }
    const previous = name;
    setName(next);
    try {
      await client.flows.rename.mutate({ id: flowId, name: next });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
    } catch (e) {
      setName(previous);
      setDraftName(previous);
      toast({ tone: "error", title: "Couldn't rename the flow", message: errorMessage(e) });
    }
  }

  if (editing)
    return (
      <input
        autoFocus
        value={draftName}
        maxLength={120}
        onChange={(e) => setDraftName(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === "Enter") e.currentTarget.blur();
          if (e.key === "Escape") {
            setDraftName(name);
            setEditing(false);
          }
        }}
        className="h-8 w-64 rounded-md px-2 text-sm font-semibold ring-2 ring-brand-500 focus:outline-none"
        data-testid="flow-name-input"
        aria-label="Flow name"
      />
    );
  return (
    <button
      type="button"
      onClick={() => setEditing(true)}
      className="max-w-72 truncate rounded-md px-2 py-1 text-left text-sm font-semibold text-zinc-900 hover:bg-zinc-100"
      title="Rename flow"
      data-testid="flow-name"
    >
      {name}
    </button>
  );
}

function SaveStatus({
  state,
  error,
  onRetry,
}: {
  state: SaveState;
  error: string | null;
  onRetry: () => void;
}) {
  const label =
    state === "saving"
      ? "Saving…"
      : state === "dirty"
        ? "Unsaved changes"
        : state === "error"
          ? "Not saved"
          : "Saved";
  return (
    <span
      data-testid="save-status"
      data-state={state}
      title={error ?? undefined}
      className={cn(
        "inline-flex items-center gap-1.5 text-xs whitespace-nowrap",
        state === "error" ? "text-red-600" : "text-zinc-500",
      )}
    >
      {state === "saving" ? (
        <Spinner className="size-3" />
      ) : state === "saved" ? (
        <CheckIcon size={12} className="text-emerald-500" />
      ) : state === "error" ? (
        <AlertIcon size={12} />
      ) : (
        <span className="size-1.5 rounded-full bg-amber-400" />
      )}
      {label}
      {state === "error" && (
        <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2">
          Retry
        </button>
      )}
    </span>
  );
}

function Versions({
  flowId,
  publishedVersion,
  onRolledBack,
  onReplaceDraft,
  flush,
}: {
  flowId: string;
  publishedVersion: number | null;
  onRolledBack: (version: number) => void;
  onReplaceDraft: (doc: FlowDocument, opts: { alreadySaved?: boolean }) => void;
  flush: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<number | null>(null);
  const ref = useClickOutside(open, () => setOpen(false));
  const versions = useQuery({ ...trpc.flows.versions.queryOptions({ id: flowId }), enabled: open });

  async function rollback(version: number) {
    const ok = await confirm({
      title: `Roll back to version ${version}?`,
      message: "Bots running this flow switch to that version, and its steps replace your current draft.",
      confirmLabel: `Use version ${version}`,
    });
    if (!ok) return;
    setBusy(version);
    try {
      await flush().catch(() => undefined);
      await client.flows.rollback.mutate({ id: flowId, version });
      onRolledBack(version);
      // If rolling back also restored that version's draft, show it.
      const fresh = await client.flows.get.query({ id: flowId });
      onReplaceDraft(loadDraft(fresh.draft).document, { alreadySaved: true });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flowId }) });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
      toast({ tone: "success", title: `Version ${version} is live again` });
      setOpen(false);
    } catch (e) {
      toast({ tone: "error", title: "Couldn't roll back", message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="relative" ref={ref}>
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        data-testid="published-version"
        className={cn(
          "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
          publishedVersion
            ? "bg-emerald-50 text-emerald-700 ring-emerald-600/20 hover:bg-emerald-100"
            : "bg-zinc-100 text-zinc-600 ring-zinc-500/15 hover:bg-zinc-200",
        )}
        title="Published versions"
      >
        {publishedVersion ? (
          <>
            <span className="size-1.5 rounded-full bg-emerald-500" />v{publishedVersion} live
          </>
        ) : (
          "Not published"
        )}
        <ChevronDownIcon size={11} />
      </button>
      {open && (
        <Popover className="right-auto left-0 w-80">
          <div className="flex items-center gap-2 border-b border-zinc-100 px-4 py-3">
            <HistoryIcon size={14} className="text-zinc-400" />
            <p className="text-sm font-semibold text-zinc-900">Published versions</p>
          </div>
          <div className="max-h-80 overflow-y-auto p-2">
            {versions.isLoading ? (
              <div className="flex justify-center p-4">
                <Spinner />
              </div>
            ) : versions.error ? (
              <p className="p-3 text-xs text-red-600">{errorMessage(versions.error)}</p>
            ) : !versions.data?.length ? (
              <p className="p-3 text-center text-xs text-zinc-500">
                Nothing published yet. Publish to make this flow available to your bots.
              </p>
            ) : (
              <ul>
                {versions.data.map((v) => (
                  <li
                    key={v.version}
                    className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-zinc-50"
                    data-testid="version-row"
                  >
                    <span className="w-9 font-mono text-xs font-semibold text-zinc-700">v{v.version}</span>
                    <span className="min-w-0 flex-1">
                      <span className="block text-xs text-zinc-700">{dateTime(v.createdAt)}</span>
                      {v.publishedBy && (
                        <span className="block truncate text-[11px] text-zinc-400">
                          by {String(v.publishedBy)}
                        </span>
                      )}
                    </span>
                    {v.version === publishedVersion ? (
                      <span className="text-[11px] font-medium text-emerald-600">Live</span>
                    ) : (
                      <Button
                        size="sm"
                        variant="ghost"
                        loading={busy === v.version}
                        onClick={() => rollback(v.version)}
                      >
                        Roll back
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </Popover>
      )}
    </div>
  );
}

interface TopBarProps {
  flowId: string;
  initialName: string;
  saveState: SaveState;
  saveError: string | null;
  onRetrySave: () => void;
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  problemsOpen: boolean;
  setProblemsOpen: (open: boolean) => void;
  onSelectProblem: (p: Problem) => void;
  publishedVersion: number | null;
  publishing: boolean;
  publishResult: PublishResult | null;
  onPublish: () => void;
  testOpen: boolean;
  onToggleTest: () => void;
  getDraft: () => FlowDocument;
  flush: () => Promise<void>;
  onReplaceDraft: (doc: FlowDocument, opts: { alreadySaved?: boolean }) => void;
  onRolledBack: (version: number) => void;
  confirm: ReturnType<typeof useFeedback>["confirm"];
}

export function TopBar(props: TopBarProps) {
  const {
    flowId,
    problems,
    errorCount,
    warningCount,
    problemsOpen,
    setProblemsOpen,
    publishResult,
    publishing,
  } = props;
  const client = useTRPCClient();
  const { toast } = useFeedback();
  const problemsRef = useClickOutside(problemsOpen, () => setProblemsOpen(false));
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);

  async function exportJson() {
    setExporting(true);
    try {
      await props.flush().catch(() => undefined);
      const { fileName, json } = await client.flows.exportJson.query({ id: flowId });
      const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
      const a = document.createElement("a");
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (e) {
      toast({ tone: "error", title: "Couldn't export the flow", message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  }

  async function importFile(file: File) {
    if (file.size > 5_000_000) {
      toast({ tone: "error", title: "That file is too large", message: "Flow files are at most 5 MB." });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(await file.text());
    } catch (e) {
      toast({
        tone: "error",
        title: "This file isn't valid JSON",
        message: e instanceof Error ? e.message : String(e),
      });
      return;
    }
    const parsed = parseFlowDocument(raw);
    if (!parsed.document) {
      toast({
        tone: "error",
        title: "Not a Switchboard flow",
        message: parsed.problems[0]?.message ?? "The file doesn't look like an exported flow.",
      });
      return;
    }
    const broken = parsed.problems.filter((p) => p.code === "INVALID_STEP" || p.code === "INVALID_EDGE");
    if (broken.length) {
      toast({
        tone: "error",
        title: "Not a Switchboard flow",
        message: broken
          .slice(0, 3)
          .map((p) => p.message)
          .join(" "),
      });
      return;
    }
    const steps = parsed.document.steps.length;
    const ok = await props.confirm({
      title: "Replace the draft with this file?",
      message: `"${file.name}" has ${steps === 1 ? "1 step" : `${steps} steps`}. Your current draft will be replaced; published versions are not affected.`,
      confirmLabel: "Replace draft",
      danger: true,
    });
    if (!ok) return;
    const loaded = loadDraft(raw);
    props.onReplaceDraft(loaded.document, {});
    toast({
      tone: "success",
      title: "Draft replaced",
      message: "Check the problems, test it, then publish when you're ready.",
    });
  }

  const hasErrors = errorCount > 0;

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
      <FlowName flowId={flowId} initialName={props.initialName} />
      <Versions
        flowId={flowId}
        publishedVersion={props.publishedVersion}
        onRolledBack={props.onRolledBack}
        onReplaceDraft={props.onReplaceDraft}
        flush={props.flush}
      />
      <span className="h-4 w-px bg-zinc-200" />
      <SaveStatus state={props.saveState} error={props.saveError} onRetry={props.onRetrySave} />

      <div className="ml-auto flex items-center gap-2">
        <div className="relative" ref={problemsRef}>
          <button
            type="button"
            onClick={() => setProblemsOpen(!problemsOpen)}
            data-testid="problems-count"
            data-errors={errorCount}
            data-warnings={warningCount}
            className={cn(
              "inline-flex h-8 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium ring-1 ring-inset transition",
              hasErrors
                ? "bg-red-50 text-red-700 ring-red-200 hover:bg-red-100"
                : warningCount
                  ? "bg-amber-50 text-amber-800 ring-amber-200 hover:bg-amber-100"
                  : "bg-emerald-50 text-emerald-700 ring-emerald-200 hover:bg-emerald-100",
            )}
          >
            {hasErrors || warningCount ? <AlertIcon size={13} /> : <CheckIcon size={13} />}
            {hasErrors || warningCount
              ? [
                  errorCount ? `${errorCount} ${errorCount === 1 ? "error" : "errors"}` : null,
                  warningCount ? `${warningCount} ${warningCount === 1 ? "warning" : "warnings"}` : null,
                ]
                  .filter(Boolean)
                  .join(" · ")
              : "No problems"}
          </button>
          {problemsOpen && (
            <Popover className="w-[420px]">
              <div className="flex items-center justify-between border-b border-zinc-100 px-4 py-3">
                <p className="text-sm font-semibold text-zinc-900">Problems</p>
                <p className="text-xs text-zinc-500">Errors block publishing. Click one to find it.</p>
              </div>
              <div className="max-h-[60vh] overflow-y-auto p-3" data-testid="problems-list">
                {problems.length === 0 ? (
                  <p className="py-6 text-center text-sm text-zinc-500">
                    All clear — this flow is ready to publish.
                  </p>
                ) : (
                  <ProblemList
                    problems={[...problems].sort((a, b) =>
                      a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
                    )}
                    onSelect={props.onSelectProblem}
                  />
                )}
              </div>
            </Popover>
          )}
        </div>

        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          className="hidden"
          data-testid="builder-import-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void importFile(file);
          }}
        />
        <Button
          size="sm"
          variant="ghost"
          onClick={() => fileInput.current?.click()}
          data-testid="builder-import"
          title="Replace the draft with a JSON file"
        >
          <UploadIcon size={14} /> Import
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={exportJson}
          loading={exporting}
          data-testid="builder-export"
          title="Download this flow as JSON"
        >
          {!exporting && <DownloadIcon size={14} />} Export
        </Button>
        <Button
          size="sm"
          variant={props.testOpen ? "subtle" : "secondary"}
          onClick={props.onToggleTest}
          data-testid="test-chat-toggle"
          aria-pressed={props.testOpen}
        >
          <PlayIcon size={12} /> Test chat
        </Button>

        {publishResult && (
          <span
            data-testid="publish-result"
            data-ok={publishResult.ok}
            className={cn(
              "animate-fade-in inline-flex max-w-64 items-center gap-1 truncate rounded-full px-2.5 py-1 text-xs font-medium",
              !publishResult.ok
                ? "bg-red-50 text-red-700"
                : publishResult.stale
                  ? "bg-zinc-100 text-zinc-600"
                  : "bg-emerald-50 text-emerald-700",
            )}
            title={publishResult.ok ? undefined : publishResult.message}
          >
            {publishResult.ok ? <CheckIcon size={12} /> : <AlertIcon size={12} />}
            {!publishResult.ok
              ? publishResult.message
              : publishResult.stale
                ? `v${publishResult.version} published · edited since`
                : `v${publishResult.version} published${publishResult.warnings ? ` · ${publishResult.warnings} warning${publishResult.warnings === 1 ? "" : "s"}` : ""}`}
          </span>
        )}
        <Button
          size="sm"
          variant={hasErrors ? "secondary" : "primary"}
          className={cn(hasErrors && "text-zinc-400")}
          onClick={props.onPublish}
          loading={publishing}
          data-testid="publish-button"
          data-has-errors={hasErrors || undefined}
          title={
            hasErrors
              ? `Fix ${errorCount} error${errorCount === 1 ? "" : "s"} before publishing`
              : "Publish the draft"
          }
        >
          {!publishing && <RocketIcon size={13} />} Publish
        </Button>
      </div>
    </header>
  );
}
