import { z } from "zod";
import type { CompileEnvironment } from "../../compiler/environment";
import { type Problem, problem } from "../../compiler/problems";
import { HTTP_METHODS } from "../../engine/types";
import { variableNameSchema } from "../common";
import { defineStep } from "../define-step";
import { jsonValueAsText, parseJsonPath, readJsonPath } from "./json-path";
import { HEADER_NAME, renderRequest, SECRET_NAME, secretNamesIn, withoutSecrets } from "./render";

export const HTTP_SUCCESS_HANDLE = "success";
export const HTTP_FAILURE_HANDLE = "failure";
export const MAX_HTTP_TIMEOUT_SECONDS = 30;

const pairSchema = z.object({
  name: z.string().max(200),
  /** A template; header values may also use `{{secrets.NAME}}`. */
  value: z.string().max(4000),
});

export const responseMappingSchema = z.object({
  /** A JSON path into the answer: `data.items[0].id`; empty for the whole body. */
  path: z.string().max(500),
  /** Stored as `vars.<variable>`. */
  variable: variableNameSchema,
});

export const httpRequestConfigSchema = z.object({
  method: z.enum(HTTP_METHODS).default("GET"),
  /** An http(s) URL; a template. Values in the URL are not encoded: put them in `query` instead. */
  url: z.string().max(4000),
  headers: z.array(pairSchema).max(30).default([]),
  /** Query parameters, appended to the URL and encoded. */
  query: z.array(pairSchema).max(50).default([]),
  /** JSON text (a template; substituted values are JSON-escaped). Empty: no body. */
  body: z.string().max(50_000).default(""),
  timeoutSeconds: z.number().int().min(1).max(MAX_HTTP_TIMEOUT_SECONDS).default(10),
  mappings: z.array(responseMappingSchema).max(30).default([]),
  /** `vars.<statusVariable>`: the HTTP status code ("" when no answer came). */
  statusVariable: variableNameSchema.default("http_status"),
  /** `vars.<errorVariable>`: a short error, "" after a 2xx answer. */
  errorVariable: variableNameSchema.default("http_error"),
});
export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

const headerPath = (i: number) => `config.headers.${i}.value`;

function check(step: { id: string; config: HttpRequestConfig }, env: CompileEnvironment): Problem[] {
  const { config } = step;
  const out: Problem[] = [];
  const at = (path: string) => ({ stepId: step.id, path });
  const url = config.url.trim();
  // Only the fixed start of the URL can be checked before run time.
  const fixed = url.replace(/\{\{[^}]*\}\}/g, "x");
  if (url === "") out.push(problem("INVALID_URL", "The HTTP request has no URL.", at("config.url")));
  else if (!/^\{\{/.test(url) && !/^https?:\/\/[^/\s]/i.test(fixed))
    out.push(problem("INVALID_URL", "The URL must start with http:// or https://.", at("config.url")));
  const elsewhere: [string, string][] = [
    ["config.url", config.url],
    ["config.body", config.body],
    ...config.query.map((q, i): [string, string] => [`config.query.${i}.value`, q.value]),
    ...config.headers.map((h, i): [string, string] => [`config.headers.${i}.name`, h.name]),
  ];
  for (const [path, template] of elsewhere)
    if (secretNamesIn(template).length > 0)
      out.push(
        problem(
          "MISPLACED_SECRET",
          "Secrets ({{secrets.NAME}}) can only be used in header values.",
          at(path),
        ),
      );
  config.headers.forEach((h, i) => {
    if (h.name.trim() && !HEADER_NAME.test(h.name.trim()))
      out.push(
        problem(
          "INVALID_HEADER_NAME",
          `"${h.name}" is not a valid header name.`,
          at(`config.headers.${i}.name`),
        ),
      );
    for (const name of secretNamesIn(h.value))
      if (!SECRET_NAME.test(name))
        out.push(problem("MISPLACED_SECRET", `"${name}" is not a valid secret name.`, at(headerPath(i))));
      else if (env.secretNames && !env.secretNames.includes(name))
        // A warning, not an error: the secret may be added after publishing; until then the call fails.
        out.push(
          problem(
            "UNKNOWN_SECRET",
            `The secret "${name}" is not set in this workspace (Settings → Secrets); until it is, the call fails.`,
            at(headerPath(i)),
          ),
        );
  });
  if (config.body.trim() && !/\{\{/.test(config.body)) {
    try {
      JSON.parse(config.body);
    } catch {
      out.push(problem("INVALID_STEP", "The body is not valid JSON.", at("config.body")));
    }
  }
  config.mappings.forEach((m, i) => {
    const parsed = parseJsonPath(m.path);
    if (!parsed.ok) out.push(problem("INVALID_JSON_PATH", parsed.error, at(`config.mappings.${i}.path`)));
  });
  return out;
}

/**
 * Calls an API: the engine renders the request and asks for it (`http_request`), then waits; the
 * runtime performs it outside the chat's transaction and answers with `http_result`. The status and a
 * short error are stored in variables, JSON paths of the answer in others; 2xx goes to `success`.
 */
export const httpRequestStep = defineStep({
  type: "http_request",
  label: "HTTP request",
  description: "Calls your API and stores parts of its JSON answer in variables.",
  waits: true,
  configSchema: httpRequestConfigSchema,
  defaults: (): HttpRequestConfig => ({
    method: "GET",
    url: "https://",
    headers: [],
    query: [],
    body: "",
    timeoutSeconds: 10,
    mappings: [],
    statusVariable: "http_status",
    errorVariable: "http_error",
  }),
  outputs: () => [
    { handle: HTTP_SUCCESS_HANDLE, label: "Success (2xx)", required: false },
    { handle: HTTP_FAILURE_HANDLE, label: "Failure", required: false },
  ],
  // Secret tokens are not variables: they are checked by `check` and filled in by the runtime.
  templates: (c) => [
    c.url,
    c.body,
    ...c.query.map((q) => q.value),
    ...c.headers.map((h) => withoutSecrets(h.value)),
  ],
  writesVariables: (c) => [c.statusVariable, c.errorVariable, ...c.mappings.map((m) => m.variable)],
  check,
  handler: {
    enter(step, io) {
      const rendered = renderRequest(step.config, io.render);
      if (!rendered.ok) {
        io.setVar(step.config.statusVariable, "");
        io.setVar(step.config.errorVariable, rendered.error);
        return { wait: false, next: step.outputs[HTTP_FAILURE_HANDLE] ?? null, output: HTTP_FAILURE_HANDLE };
      }
      const requestId = io.newId();
      io.act({ type: "http_request", stepId: step.id, requestId, request: rendered.request });
      io.waitFor("http", requestId);
      return { wait: true };
    },
    resume(step, signal, io) {
      if (signal.kind !== "http_result") return null;
      const { config } = step;
      const ok =
        signal.error === null && signal.status !== null && signal.status >= 200 && signal.status < 300;
      io.setVar(config.statusVariable, signal.status === null ? "" : String(signal.status));
      io.setVar(
        config.errorVariable,
        ok ? "" : (signal.error ?? `HTTP ${signal.status ?? "error"}`).slice(0, 300),
      );
      // Only a JSON answer is mapped; the variables of a missing path become "".
      if (signal.json !== undefined)
        for (const m of config.mappings) {
          const parsed = parseJsonPath(m.path);
          if (parsed.ok) io.setVar(m.variable, jsonValueAsText(readJsonPath(signal.json, parsed.segments)));
        }
      return {
        go: step.outputs[ok ? HTTP_SUCCESS_HANDLE : HTTP_FAILURE_HANDLE] ?? null,
        output: ok ? HTTP_SUCCESS_HANDLE : HTTP_FAILURE_HANDLE,
      };
    },
  },
});
