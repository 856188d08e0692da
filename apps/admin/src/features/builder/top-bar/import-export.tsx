"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { DownloadIcon, UploadIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { useTRPCClient } from "@/lib/trpc";
import { useBuilder } from "../builder-context";
import { loadDraft } from "../load";
import { checkFlowFile, MAX_FLOW_FILE_BYTES } from "./flow-file";

/** Import replaces the draft with a JSON file (after a confirmation); export downloads the saved draft. */
export function ImportExport() {
  const { flow, autosave, replaceDraft } = useBuilder();
  const client = useTRPCClient();
  const { toast, confirm } = useFeedback();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);

  async function exportJson() {
    setExporting(true);
    try {
      await autosave.flush().catch(() => undefined);
      const { fileName, json } = await client.flows.exportJson.query({ id: flow.id });
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
    if (file.size > MAX_FLOW_FILE_BYTES) {
      toast({ tone: "error", title: "That file is too large", message: "Flow files are at most 5 MB." });
      return;
    }
    const checked = checkFlowFile(await file.text());
    if (!checked.ok) {
      toast({ tone: "error", title: checked.title, message: checked.message });
      return;
    }
    const { steps } = checked;
    const ok = await confirm({
      title: "Replace the draft with this file?",
      message: `"${file.name}" has ${steps === 1 ? "1 step" : `${steps} steps`}. Your current draft will be replaced; published versions are not affected.`,
      confirmLabel: "Replace draft",
      danger: true,
    });
    if (!ok) return;
    replaceDraft(loadDraft(checked.raw).document, {});
    toast({
      tone: "success",
      title: "Draft replaced",
      message: "Check the problems, test it, then publish when you're ready.",
    });
  }

  return (
    <>
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
    </>
  );
}
