"use client";

import type { FlowTemplate } from "@switchboard/flow";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TemplateGallery } from "./template-gallery";

/** New flow: a name, and blank or a template from the gallery. */
export function CreateFlowModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [template, setTemplate] = useState<FlowTemplate>("lead_capture");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.flows.create.mutationOptions({
      onSuccess: ({ id }) => {
        void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
        router.push(`/flows/${id}`);
      },
      onError: (e) => setError(errorMessage(e)),
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError("Give the flow a name.");
      return;
    }
    create.mutate({ name: name.trim(), template });
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="New flow"
      description="A flow is the conversation your bot has. Start blank or from a template; you can change everything later."
      className="!max-w-4xl"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="create-flow"
            loading={create.isPending}
            data-testid="create-flow-submit"
          >
            Create flow
          </Button>
        </>
      }
    >
      <form id="create-flow" onSubmit={submit} className="space-y-4" noValidate>
        <Field label="Name" htmlFor="flow-name" error={error}>
          <Input
            id="flow-name"
            data-testid="flow-name-field"
            value={name}
            maxLength={120}
            autoFocus
            invalid={!!error}
            placeholder="e.g. Lead capture"
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <TemplateGallery value={template} onChange={setTemplate} />
      </form>
    </Modal>
  );
}
