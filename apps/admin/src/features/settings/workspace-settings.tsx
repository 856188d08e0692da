"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, ErrorNotice } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Field, Input } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/spinner";
import { apiErrorDetails } from "@/lib/api-error";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { TimeZoneSelect } from "./time-zone-select";

type Errors = { name?: string; timeZone?: string; form?: string };

/** The workspace's name and time zone (Schedule steps run in it). */
export function WorkspaceSettings({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const settings = useQuery(trpc.workspace.settings.queryOptions());
  const [name, setName] = useState("");
  const [timeZone, setTimeZone] = useState("");
  const [errors, setErrors] = useState<Errors>({});

  useEffect(() => {
    if (!settings.data) return;
    setName(settings.data.name);
    setTimeZone(settings.data.timeZone);
  }, [settings.data]);

  const save = useMutation(
    trpc.workspace.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        setErrors({});
        toast({ tone: "success", title: "Workspace settings saved" });
        queryClient.setQueryData(trpc.workspace.settings.queryKey(), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.workspace.current.queryKey() });
      },
      onError: (e) => {
        const { message, path } = apiErrorDetails(e);
        if (path === "name") setErrors({ name: message });
        else if (path === "timeZone" || /time zone/i.test(message)) setErrors({ timeZone: message });
        else setErrors({ form: message });
      },
    }),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setErrors({ name: "Give the workspace a name." });
    if (trimmed.length > 120) return setErrors({ name: "A name has at most 120 characters." });
    if (!timeZone) return setErrors({ timeZone: "Choose a time zone." });
    save.mutate({ name: trimmed, timeZone });
  }

  const dirty =
    !!settings.data && (name.trim() !== settings.data.name || timeZone !== settings.data.timeZone);

  return (
    <Card className="p-5">
      <div className="flex flex-col gap-5 lg:flex-row">
        <div className="lg:w-64 lg:shrink-0">
          <h2 className="text-sm font-semibold text-zinc-900">Workspace</h2>
          <p className="mt-1 text-sm text-zinc-500">Its name, and the time zone Schedule steps run in.</p>
        </div>
        {settings.isPending ? (
          <div className="flex-1 space-y-3">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-full" />
          </div>
        ) : settings.error ? (
          <ErrorNotice
            className="flex-1"
            title="Couldn't load the settings"
            message={errorMessage(settings.error)}
          />
        ) : (
          <form
            onSubmit={submit}
            noValidate
            className="min-w-0 flex-1 space-y-4"
            data-testid="workspace-settings"
          >
            {errors.form && <ErrorNotice title={errors.form} />}
            <Field label="Name" htmlFor="workspace-name" error={errors.name}>
              <Input
                id="workspace-name"
                data-testid="workspace-name-input"
                value={name}
                maxLength={160}
                disabled={!canEdit}
                invalid={!!errors.name}
                onChange={(e) => {
                  setName(e.target.value);
                  setErrors((x) => ({ ...x, name: undefined }));
                }}
              />
            </Field>
            <Field
              label="Time zone"
              htmlFor="workspace-timezone"
              error={errors.timeZone}
              hint="Schedule steps send at their local time in this zone. Changing it re-plans the pending runs."
            >
              <TimeZoneSelect
                id="workspace-timezone"
                value={timeZone}
                disabled={!canEdit}
                invalid={!!errors.timeZone}
                onChange={(z) => {
                  setTimeZone(z);
                  setErrors((x) => ({ ...x, timeZone: undefined }));
                }}
              />
            </Field>
            {canEdit && (
              <div className="flex justify-end">
                <Button
                  type="submit"
                  variant="primary"
                  loading={save.isPending}
                  disabled={!dirty}
                  data-testid="workspace-save"
                >
                  Save
                </Button>
              </div>
            )}
          </form>
        )}
      </div>
    </Card>
  );
}
