"use client";

import { HTTP_METHODS, type HttpMethod, MAX_HTTP_TIMEOUT_SECONDS } from "@switchboard/flow";
import { useQuery } from "@tanstack/react-query";
import { Field, Input, Select } from "@/components/ui/field";
import { useTRPC } from "@/lib/trpc";
import { NumberInput } from "../../fields/number-input";
import { TemplateTextarea } from "../../fields/template-textarea";
import { problemAt } from "../../fields/validation";
import type { EditorProps } from "../types";
import { PairRows } from "./pair-rows";
import { missingSecrets, secretsUsed } from "./rows";

const toPairs = (rows: { name: string; value: string }[]) => rows.map((r) => ({ a: r.name, b: r.value }));
const fromPairs = (rows: { a: string; b: string }[]) => rows.map((r) => ({ name: r.a, value: r.b }));

export function HttpRequestEditor({ step, onChange, problems, variables }: EditorProps<"http_request">) {
  const config = step.config;
  const trpc = useTRPC();
  const secrets = useQuery({ ...trpc.secrets.list.queryOptions(), staleTime: 30_000 });
  const known = secrets.data?.map((s) => s.name) ?? null;
  const missing = missingSecrets(secretsUsed(config.headers.map((h) => h.value)), known);
  const urlError = problemAt(problems, "config.url");
  const bodyError = problemAt(problems, "config.body");
  return (
    <div className="space-y-5">
      <div className="flex gap-2">
        <Field label="Method" htmlFor="http-method" className="w-28 shrink-0">
          <Select
            id="http-method"
            data-testid="http-method"
            value={config.method}
            onChange={(e) => onChange({ ...config, method: e.target.value as HttpMethod })}
          >
            {HTTP_METHODS.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="URL" htmlFor="http-url" error={urlError} className="min-w-0 flex-1">
          <Input
            id="http-url"
            data-testid="http-url"
            value={config.url}
            placeholder="https://api.example.com/orders"
            invalid={!!urlError}
            onChange={(e) => onChange({ ...config, url: e.target.value })}
          />
        </Field>
      </div>
      <Field
        label="Headers"
        hint={
          <>
            Values may use variables and workspace secrets:{" "}
            <span className="font-mono">{"{{secrets.NAME}}"}</span> (Settings → Secrets
            {known ? `: ${known.length ? known.join(", ") : "none yet"}` : ""}).
            {missing.length > 0 && <span className="text-amber-700"> Not set: {missing.join(", ")}.</span>}
          </>
        }
      >
        <PairRows
          testId="http-headers"
          rows={toPairs(config.headers)}
          placeholders={["Name", "Value"]}
          addLabel="Add header"
          onChange={(rows) => onChange({ ...config, headers: fromPairs(rows) })}
          errorAt={(i, col) => problemAt(problems, `config.headers.${i}.${col === 0 ? "name" : "value"}`)}
        />
      </Field>
      <Field label="Query parameters" hint="Appended to the URL, encoded.">
        <PairRows
          testId="http-query"
          rows={toPairs(config.query)}
          placeholders={["Name", "Value"]}
          addLabel="Add parameter"
          onChange={(rows) => onChange({ ...config, query: fromPairs(rows) })}
        />
      </Field>
      {config.method !== "GET" && (
        <Field
          label="JSON body"
          htmlFor="http-body"
          error={bodyError}
          hint='Variables are filled in JSON-escaped: write "{{vars.email}}" inside quotes for text.'
        >
          <TemplateTextarea
            id="http-body"
            data-testid="http-body"
            value={config.body}
            variables={variables}
            invalid={!!bodyError}
            placeholder='{"email": "{{vars.email}}"}'
            rows={5}
            onChange={(body) => onChange({ ...config, body })}
          />
        </Field>
      )}
      <Field label="Timeout (seconds)" htmlFor="http-timeout" hint={`1 to ${MAX_HTTP_TIMEOUT_SECONDS}.`}>
        <NumberInput
          id="http-timeout"
          data-testid="http-timeout"
          value={config.timeoutSeconds}
          onChange={(v) =>
            onChange({
              ...config,
              timeoutSeconds: Math.min(MAX_HTTP_TIMEOUT_SECONDS, Math.max(1, Math.round(v ?? 10))),
            })
          }
        />
      </Field>
      <Field label="Save from the answer" hint="A JSON path (data.items[0].id) into a variable (vars.NAME).">
        <PairRows
          testId="http-mappings"
          rows={config.mappings.map((m) => ({ a: m.path, b: m.variable }))}
          placeholders={["JSON path", "Variable"]}
          addLabel="Add variable"
          onChange={(rows) =>
            onChange({ ...config, mappings: rows.map((r) => ({ path: r.a, variable: r.b })) })
          }
          errorAt={(i, col) => problemAt(problems, `config.mappings.${i}.${col === 0 ? "path" : "variable"}`)}
        />
      </Field>
      <div className="flex gap-2">
        <Field label="Status code into" htmlFor="http-status-var" className="flex-1">
          <Input
            id="http-status-var"
            value={config.statusVariable}
            onChange={(e) => onChange({ ...config, statusVariable: e.target.value })}
          />
        </Field>
        <Field label="Error into" htmlFor="http-error-var" className="flex-1">
          <Input
            id="http-error-var"
            value={config.errorVariable}
            onChange={(e) => onChange({ ...config, errorVariable: e.target.value })}
          />
        </Field>
      </div>
    </div>
  );
}
