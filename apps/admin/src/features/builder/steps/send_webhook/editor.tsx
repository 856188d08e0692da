"use client";

import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { PlusIcon, TrashIcon } from "@/components/ui/icons";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { addExtraRow, duplicateKeys, removeExtraRow, updateExtraRow } from "./send-webhook";

export function SendWebhookEditor({ step, onChange, problems }: EditorProps<"send_webhook">) {
  const config = step.config;
  const urlError = problemAt(problems, "config.url");
  const duplicates = duplicateKeys(config.extra);

  return (
    <div className="space-y-5">
      <Field
        label="URL"
        htmlFor="webhook-url"
        error={urlError}
        hint={
          <span>
            POSTed as signed JSON. Templates work, e.g.{" "}
            <code className="font-mono text-zinc-700">{"{{bot.crm_url}}"}</code>.
          </span>
        }
      >
        <Input
          id="webhook-url"
          data-testid="webhook-url"
          value={config.url}
          maxLength={2048}
          invalid={!!urlError}
          placeholder="https://example.com/hooks/switchboard"
          onChange={(e) => onChange({ ...config, url: e.target.value })}
        />
      </Field>
      <div className="space-y-2">
        <p className="text-sm font-medium text-zinc-800">Extra fields</p>
        <p className="text-xs text-zinc-500">
          Sent as the payload&apos;s <code className="font-mono">extra</code> object; values are templates.
        </p>
        {config.extra.map((row, i) => (
          <div key={i} className="flex items-start gap-2" data-testid="webhook-extra-row">
            <Input
              aria-label="Field name"
              data-testid="webhook-extra-key"
              className="w-36 font-mono"
              value={row.key}
              maxLength={64}
              invalid={duplicates.has(row.key) || !!problemAt(problems, `config.extra.${i}.key`)}
              onChange={(e) =>
                onChange({ ...config, extra: updateExtraRow(config.extra, i, { key: e.target.value }) })
              }
            />
            <Input
              aria-label="Value"
              data-testid="webhook-extra-value"
              className="flex-1"
              value={row.value}
              maxLength={2000}
              placeholder="{{vars.plan}}"
              onChange={(e) =>
                onChange({ ...config, extra: updateExtraRow(config.extra, i, { value: e.target.value }) })
              }
            />
            <Button
              variant="ghost"
              size="icon"
              aria-label="Remove field"
              onClick={() => onChange({ ...config, extra: removeExtraRow(config.extra, i) })}
            >
              <TrashIcon size={16} />
            </Button>
          </div>
        ))}
        {duplicates.size > 0 && (
          <p className="text-xs text-red-600">
            Each field name can be used once: {[...duplicates].join(", ")}.
          </p>
        )}
        <Button
          variant="subtle"
          size="sm"
          data-testid="webhook-add-extra"
          disabled={config.extra.length >= 50}
          onClick={() => onChange({ ...config, extra: addExtraRow(config.extra) })}
        >
          <PlusIcon size={14} /> Add field
        </Button>
      </div>
      <p className="text-xs text-zinc-500">
        The flow moves on at once; the delivery is retried for up to a day. See it under Webhooks, where the
        signing secret is too.
      </p>
    </div>
  );
}
