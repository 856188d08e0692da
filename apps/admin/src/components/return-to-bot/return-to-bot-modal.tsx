"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Modal } from "@/components/ui/modal";
import { useTRPC } from "@/lib/trpc";
import { stepOptions } from "./flow-steps";

/** Hands the conversation back to the flow: at the Route step's `returned` output, or at a chosen step. */
export function ReturnToBotModal({
  open,
  flowId,
  onClose,
  onConfirm,
  busy,
}: {
  open: boolean;
  /** The flow the conversation runs in (`inbox.conversation`): a Go to flow target, else the bot's. */
  flowId: string | null;
  onClose: () => void;
  onConfirm: (stepId?: string) => void;
  busy: boolean;
}) {
  const trpc = useTRPC();
  const [stepId, setStepId] = useState("");
  const flows = useQuery({ ...trpc.flows.targets.queryOptions(), enabled: open && !!flowId });
  const steps = stepOptions(flows.data, flowId);
  const flowName = flows.data?.find((f) => f.id === flowId)?.name;

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Return to the bot"
      description="The flow takes the conversation back. The user can keep writing to the bot."
      data-testid="return-to-bot-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            loading={busy}
            onClick={() => onConfirm(stepId || undefined)}
            data-testid="return-to-bot-confirm"
          >
            Return to the bot
          </Button>
        </>
      }
    >
      <Field
        label="Continue at"
        htmlFor="return-step"
        hint={
          flowId
            ? flows.isPending
              ? "Loading the flow's steps…"
              : `Steps of the live version of ${flowName ?? "the conversation's flow"} (the one it runs in).`
            : "The bot runs no flow, so it continues where the Route step says."
        }
      >
        <Select
          id="return-step"
          data-testid="return-to-bot-step"
          value={stepId}
          onChange={(e) => setStepId(e.target.value)}
        >
          <option value="">Where the Route step continues (its “returned” output)</option>
          {steps.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </Select>
      </Field>
    </Modal>
  );
}
