"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { useFeedback } from "@/components/ui/feedback";
import { UploadIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { importName } from "./import-name";

/** Imports a flow file as a new flow, named by the file's own "name" (else its file name). */
export function ImportButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const input = useRef<HTMLInputElement>(null);
  const importJson = useMutation(
    trpc.flows.importJson.mutationOptions({
      onSuccess: ({ id }) => {
        toast({ tone: "success", title: "Flow imported" });
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        router.push(`/flows/${id}`);
      },
      onError: (e) => toast({ tone: "error", title: "Couldn't import this file", message: errorMessage(e) }),
    }),
  );

  async function onFile(file: File) {
    if (file.size > 5_000_000) {
      toast({ tone: "error", title: "Couldn't import this file", message: "The file is larger than 5 MB." });
      return;
    }
    const json = await file.text();
    const name = importName(json, file.name);
    importJson.mutate({ json, ...(name ? { name } : {}) });
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="application/json,.json"
        className="hidden"
        data-testid="import-flow-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void onFile(file);
        }}
      />
      <Button onClick={() => input.current?.click()} loading={importJson.isPending} data-testid="import-flow">
        {!importJson.isPending && <UploadIcon size={15} />} Import JSON
      </Button>
    </>
  );
}
