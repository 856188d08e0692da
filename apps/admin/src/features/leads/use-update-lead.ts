"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFeedback } from "@/components/ui/feedback";
import { errorMessage } from "@/lib/errors";
import { type RouterInputs, useTRPC } from "@/lib/trpc";

type Patch = Omit<RouterInputs["leads"]["update"], "id">;

/** Changes a lead and refreshes the lead and the list; `onError` lets a field show the API's message. */
export function useUpdateLead(id: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const mutation = useMutation(
    trpc.leads.update.mutationOptions({
      onSuccess: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.leads.get.queryKey({ id }) }),
          queryClient.invalidateQueries({ queryKey: trpc.leads.list.queryKey() }),
        ]),
    }),
  );
  return {
    update: (patch: Patch, opts: { onSuccess?: () => void; onError?: (message: string) => void } = {}) =>
      mutation.mutate(
        { id, ...patch },
        {
          onSuccess: opts.onSuccess,
          onError: (e) =>
            opts.onError
              ? opts.onError(errorMessage(e))
              : toast({ tone: "error", title: "Couldn't change the lead", message: errorMessage(e) }),
        },
      ),
    pending: mutation.isPending,
    pendingPatch: mutation.isPending ? mutation.variables : undefined,
  };
}
