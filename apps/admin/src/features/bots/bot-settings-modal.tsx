"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ErrorNotice } from "@/components/ui/card";
import { useFeedback } from "@/components/ui/feedback";
import { Modal } from "@/components/ui/modal";
import { apiErrorDetails } from "@/lib/api-error";
import { type RouterOutputs, useTRPC } from "@/lib/trpc";
import { AutoTexts } from "./auto-texts";
import {
  type BotSettingsForm,
  errorKeyOf,
  type FormErrors,
  formFromSettings,
  settingsPatch,
  validateSettingsForm,
} from "./bot-settings-form";
import { BotVariables } from "./bot-variables";
import { OperatorGroupSettings } from "./operator-group";
import { OperatorPool } from "./operator-pool";
import { NumberSettingField, SectionTitle, ToggleRow } from "./setting-row";

type Bot = RouterOutputs["bots"]["list"][number];

/** The inputs' ids, to bring the first mistake into view. */
const FIELD_IDS: Record<keyof FormErrors, string> = {
  maxWaitMinutes: "bot-max-wait",
  maxParallelChats: "bot-max-parallel",
  messagesPerSecond: "bot-messages-per-second",
  groupChatId: "bot-operator-group",
  beforeStart: "text-beforeStart",
  connected: "text-connected",
  noOperator: "text-noOperator",
  howToEnd: "text-howToEnd",
  completed: "text-completed",
  afterMaxWait: "text-afterMaxWait",
};

/** A bot's settings: lead text, login button, operators and their automatic messages, the operator pool. */
export function BotSettingsModal({
  bot,
  canEdit,
  onClose,
}: {
  bot: Bot;
  canEdit: boolean;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { toast } = useFeedback();
  const [form, setForm] = useState<BotSettingsForm>(() => formFromSettings(bot.settings));
  const [errors, setErrors] = useState<FormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation(
    trpc.bots.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        toast({ tone: "success", title: `@${bot.username}'s settings are saved` });
        queryClient.setQueryData(trpc.bots.list.queryKey(), (list) =>
          list?.map((b) => (b.id === saved.id ? saved : b)),
        );
        void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey() });
        onClose();
      },
      onError: (e) => {
        const { message, path } = apiErrorDetails(e);
        const key = errorKeyOf(path);
        if (key) setErrors({ [key]: message });
        else setFormError(message);
      },
    }),
  );

  const set = (patch: Partial<BotSettingsForm>, clear?: keyof FormErrors) => {
    setForm((f) => ({ ...f, ...patch }));
    setFormError(null);
    if (clear) setErrors((e) => ({ ...e, [clear]: undefined }));
  };

  function submit() {
    const problems = validateSettingsForm(form);
    setErrors(problems);
    const first = Object.keys(problems)[0] as keyof FormErrors | undefined;
    if (first) return document.getElementById(FIELD_IDS[first])?.focus();
    const patch = settingsPatch(bot.settings, form);
    if (!patch) return onClose();
    save.mutate({ id: bot.id, settings: patch });
  }

  const off = !canEdit;
  return (
    <Modal
      open
      onClose={onClose}
      title={`@${bot.username} settings`}
      description={
        canEdit ? undefined : "Only owners and marketers change a bot's settings. You can join its operators."
      }
      className="max-w-2xl"
      data-testid="bot-settings-dialog"
      footer={
        canEdit ? (
          <>
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant="primary"
              onClick={submit}
              loading={save.isPending}
              data-testid="bot-settings-save"
            >
              Save settings
            </Button>
          </>
        ) : (
          <Button onClick={onClose}>Close</Button>
        )
      }
    >
      <div className="scrollbar-thin -mx-5 max-h-[62vh] overflow-y-auto px-5 pb-1">
        {formError && <ErrorNotice className="mb-4" title={formError} />}
        <SectionTitle first>Messages</SectionTitle>
        <div className="mt-3 space-y-4">
          <ToggleRow
            label="Send the Create-lead step's text"
            description="After a Create-lead step makes the lead, the bot sends the step's text to the user."
            checked={form.sendLeadText}
            disabled={off}
            onChange={(v) => set({ sendLeadText: v })}
            testId="bot-send-lead-text"
          />
          <ToggleRow
            label="Telegram login button"
            description={
              <>
                Turn on once this admin's domain is linked to the bot: in @BotFather send{" "}
                <code>/setdomain</code>, pick @{bot.username} and enter the admin's domain. Login steps then
                use Telegram's own login button. Otherwise they send a one-time link to sign in here.
              </>
            }
            checked={form.loginDomainLinked}
            disabled={off}
            onChange={(v) => set({ loginDomainLinked: v })}
            testId="bot-login-domain-linked"
          />
        </div>

        <SectionTitle>Sending</SectionTitle>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <NumberSettingField
            id={FIELD_IDS.messagesPerSecond}
            label="Messages per second"
            hint="Telegram lets a bot send about 30 a second across all its chats. Raise it only if the bot has paid broadcasts enabled (up to 1,000). Each chat still gets about one a second."
            value={form.messagesPerSecond}
            error={errors.messagesPerSecond}
            disabled={off}
            onChange={(v) => set({ messagesPerSecond: v }, "messagesPerSecond")}
          />
        </div>

        <SectionTitle>Operators</SectionTitle>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <NumberSettingField
            id={FIELD_IDS.maxWaitMinutes}
            label="Maximum wait (minutes)"
            hint="In the queue before “after the maximum waiting time”. 0 = wait forever."
            value={form.maxWaitMinutes}
            error={errors.maxWaitMinutes}
            disabled={off}
            onChange={(v) => set({ maxWaitMinutes: v }, "maxWaitMinutes")}
          />
          <NumberSettingField
            id={FIELD_IDS.maxParallelChats}
            label="Maximum parallel chats"
            hint="Conversations of this bot one operator can have open at once."
            value={form.maxParallelChats}
            error={errors.maxParallelChats}
            disabled={off}
            onChange={(v) => set({ maxParallelChats: v }, "maxParallelChats")}
          />
        </div>
        <div className="mt-4">
          <ToggleRow
            label="Show operator's name"
            description="The “connected” message starts with the operator's name."
            checked={form.showOperatorName}
            disabled={off}
            onChange={(v) => set({ showOperatorName: v })}
            testId="bot-show-operator-name"
          />
        </div>

        <SectionTitle>Operators in Telegram</SectionTitle>
        <div className="mt-3">
          <OperatorGroupSettings
            botUsername={bot.username}
            enabled={form.groupEnabled}
            chatId={form.groupChatId}
            error={errors.groupChatId}
            disabled={off}
            onChange={(patch) => set(patch, "groupChatId")}
          />
        </div>

        <SectionTitle>Automatic messages</SectionTitle>
        <div className="mt-3">
          <AutoTexts
            texts={form.texts}
            errors={errors}
            disabled={off}
            onChange={(key, text) => set({ texts: { ...form.texts, [key]: text } }, key)}
          />
        </div>

        <SectionTitle>Variables</SectionTitle>
        <div className="mt-3">
          <BotVariables botId={bot.id} canEdit={canEdit} />
        </div>

        <SectionTitle>Operator pool</SectionTitle>
        <div className="mt-3">
          <OperatorPool botId={bot.id} botUsername={bot.username} />
        </div>
      </div>
    </Modal>
  );
}
