import { describe, expect, it } from "vitest";
import { compileDraft, runEngine } from "../../index";
import {
  actionsOf,
  compileOk,
  delayStep,
  drive,
  expectProblemCase,
  flowDoc,
  freeInputStep,
  httpStep,
  makeCtx,
  start,
  stateAt,
  text,
  textStep,
  texts,
} from "../../testing";
import { problemCases } from "./cases";
import { jsonValueAsText, parseJsonPath, readJsonPath } from "./json-path";
import { renderHeaderValue, renderRequest } from "./render";

describe("http_request: compile problems", () => {
  it.each(problemCases)("$code: $what", expectProblemCase);

  it("accepts a templated URL, secrets in headers and a templated JSON body", () => {
    expect(() =>
      compileOk(
        flowDoc([
          httpStep("h", "{{bot.api}}/users", {
            method: "POST",
            headers: [{ name: "Authorization", value: "Bearer {{secrets.API_KEY}}" }],
            body: '{"name": "{{name}}"}',
          }),
        ]),
      ),
    ).not.toThrow();
  });
});

describe("http_request: JSON path", () => {
  const body = { data: { items: [{ id: 7, tags: ["a"] }, { id: 8 }], "odd key": { x: null } }, ok: true };
  it.each([
    ["data.items[0].id", 7],
    ["$.data.items[1].id", 8],
    ["data.items[-1].id", 8],
    ["data.items[0].tags", ["a"]],
    ['data["odd key"].x', null],
    ["data['odd key']", { x: null }],
    ["ok", true],
    ["", body],
    ["data.items[5].id", undefined],
    ["data.missing.x", undefined],
    ["ok.x", undefined],
    ["data.items.length", undefined],
    ["constructor", undefined],
    ["__proto__", undefined],
  ] as const)("%s", (path, expected) => {
    const parsed = parseJsonPath(path);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(readJsonPath(body, parsed.segments)).toEqual(expected);
  });

  it.each(["data.items[0", "data..x", "data.[0]", "a[b]", "1abc", "data items"])("refuses %s", (path) => {
    expect(parseJsonPath(path).ok).toBe(false);
  });

  it("keeps values as text: strings as they are, objects as JSON, null as empty", () => {
    expect([jsonValueAsText("x"), jsonValueAsText(3), jsonValueAsText(false), jsonValueAsText(null)]).toEqual(
      ["x", "3", "false", ""],
    );
    expect(jsonValueAsText({ a: [1] })).toBe('{"a":[1]}');
  });
});

describe("http_request: rendering", () => {
  const vars: Record<string, string> = { email: 'a"b@x.com\n', id: "42", evil: "{{secrets.API_KEY}}" };
  const render = (t: string, escapeValue: (v: string) => string = (v) => v) =>
    t.replace(/\{\{vars\.(\w+)\}\}/g, (_m, k: string) => escapeValue(vars[k] ?? ""));
  const base = { method: "POST" as const, headers: [], query: [], body: "", timeoutSeconds: 5 };

  it("JSON-escapes values in the body, encodes query rows, keeps secrets as references", () => {
    const r = renderRequest(
      {
        ...base,
        url: "https://api.example.com/users/{{vars.id}}",
        query: [{ name: "q", value: "a b&c" }],
        headers: [{ name: "Authorization", value: "Bearer {{secrets.API_KEY}} for {{vars.id}}" }],
        body: '{"email": "{{vars.email}}", "n": {{vars.id}}}',
      },
      render,
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.request.url).toBe("https://api.example.com/users/42?q=a+b%26c");
    expect(JSON.parse(r.request.body!)).toEqual({ email: 'a"b@x.com\n', n: 42 });
    expect(r.request.headers).toEqual([
      { name: "Authorization", value: [{ text: "Bearer " }, { secret: "API_KEY" }, { text: " for 42" }] },
    ]);
    expect(r.request.timeoutMs).toBe(5000);
  });

  it("a variable whose value looks like a secret stays text", () => {
    expect(renderHeaderValue("{{vars.evil}}", render)).toEqual([{ text: "{{secrets.API_KEY}}" }]);
  });

  it.each([
    ["not a URL", { url: "{{vars.id}}" }, /invalid URL/],
    ["another scheme", { url: "file:///etc/passwd" }, /only http and https/],
    ["a body that is not JSON", { url: "https://x.example", body: "{{{vars.id}}" }, /not valid JSON/],
  ])("refuses %s", (_what, over, error) => {
    const r = renderRequest({ ...base, ...over }, render);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(error);
  });
});

describe("http_request: engine", () => {
  const flow = compileOk(
    flowDoc(
      [
        freeInputStep("ask", "Order number?", "order"),
        httpStep("h", "https://api.example.com/orders", {
          query: [{ name: "id", value: "{{vars.order}}" }],
          headers: [{ name: "X-Key", value: "{{secrets.KEY}}" }],
          mappings: [
            { path: "data.status", variable: "order_status" },
            { path: "data.missing", variable: "nothing" },
          ],
          timeoutSeconds: 7,
        }),
        textStep("ok", "Status: {{vars.order_status}} ({{vars.http_status}})"),
        textStep("bad", "Sorry: {{vars.http_error}}"),
        textStep("menu", "Menu", { aliases: ["/menu"] }),
      ],
      [
        ["ask", "next", "h"],
        ["h", "success", "ok"],
        ["h", "failure", "bad"],
      ],
    ),
  );

  it("asks for the request and waits for it", () => {
    const { last } = drive(flow, [start(), text("A1")]);
    expect(actionsOf(last.actions, "http_request")).toEqual([
      {
        type: "http_request",
        stepId: "h",
        requestId: "h:1",
        request: {
          method: "GET",
          url: "https://api.example.com/orders?id=A1",
          headers: [{ name: "X-Key", value: [{ secret: "KEY" }] }],
          body: null,
          timeoutMs: 7000,
        },
      },
    ]);
    expect(last.state).toMatchObject({ stepId: "h", waiting: true, pending: { kind: "http", id: "h:1" } });
    expect(last.timers).toEqual([]);
  });

  it.each([
    [
      "a 2xx JSON answer: mapped, success",
      { status: 200, error: null, json: { data: { status: "shipped" } } },
      ["Status: shipped (200)"],
      { order_status: "shipped", nothing: "", http_status: "200", http_error: "" },
    ],
    [
      "a 2xx answer that isn't JSON: success, nothing mapped",
      { status: 204, error: null },
      ["Status:  (204)"],
      { http_status: "204", http_error: "" },
    ],
    [
      "a 500: failure with the status",
      { status: 500, error: null, json: { data: { status: "x" } } },
      ["Sorry: HTTP 500"],
      { http_status: "500", http_error: "HTTP 500" },
    ],
    [
      "a timeout: failure with the error",
      { status: null, error: "timed out after 7 s" },
      ["Sorry: timed out after 7 s"],
      { http_status: "", http_error: "timed out after 7 s" },
    ],
  ] as const)("%s", (_what, result, sent, vars) => {
    const { last } = drive(flow, [start(), text("A1"), { type: "http_result", requestId: "h:1", ...result }]);
    expect(texts(last.actions)).toEqual(sent);
    expect(last.state.vars).toMatchObject(vars);
    expect(last.state.pending).toBeNull();
  });

  it("ignores another request's result and the user's typing; an alias leaves the step", () => {
    const waiting = drive(flow, [start(), text("A1")]).state;
    const stale = runEngine(
      flow,
      waiting,
      { type: "http_result", requestId: "h:9", status: 200, error: null },
      makeCtx(),
    );
    expect(stale.actions).toEqual([]);
    expect(runEngine(flow, waiting, text("hello?"), makeCtx()).actions).toEqual([]);
    const left = runEngine(flow, waiting, text("/menu"), makeCtx());
    expect(texts(left.actions)).toEqual(["Menu"]);
    const late = runEngine(
      flow,
      left.state,
      { type: "http_result", requestId: "h:1", status: 200, error: null },
      makeCtx(),
    );
    expect(late.actions).toEqual([]);
  });

  it("a stale result doesn't reopen a closed conversation", () => {
    const waiting = drive(flow, [start(), text("A1")]).state;
    const closed = { ...waiting, stepId: null, waiting: false, pending: null };
    const r = runEngine(
      flow,
      closed,
      { type: "http_result", requestId: "h:1", status: 200, error: null },
      makeCtx({}, {}, { status: "closed" }),
    );
    expect(r.status).toBe("closed");
    expect(r.actions).toEqual([]);
  });

  it("a URL that renders to nothing usable goes to failure at once, without a request", () => {
    const f = compileOk(
      flowDoc(
        [
          httpStep("h", '{{vars.base | ""}}/x', { errorVariable: "err" }),
          textStep("bad", "Error: {{vars.err}}"),
        ],
        [["h", "failure", "bad"]],
      ),
    );
    const r = runEngine(f, stateAt(null), start(), makeCtx());
    expect(actionsOf(r.actions, "http_request")).toEqual([]);
    expect(texts(r.actions)).toEqual(['Error: invalid URL "/x"']);
  });
});

describe("retry loops", () => {
  const loopWith = (between: unknown[], edges: [string, string, string][]) =>
    compileDraft(flowDoc([httpStep("h", "https://api.example.com/"), ...between], edges));
  const loopWarnings = (result: ReturnType<typeof compileDraft>) =>
    result.problems.filter((p) => p.code === "HTTP_REQUEST_LOOP");

  it("a Delay or a question in the loop is a deliberate retry: no warning", () => {
    const withDelay = loopWith(
      [delayStep("wait", { amount: 1, unit: "minutes" })],
      [
        ["h", "failure", "wait"],
        ["wait", "next", "h"],
      ],
    );
    expect(loopWarnings(withDelay)).toEqual([]);
    const withQuestion = loopWith(
      [freeInputStep("again", "Try again? Send your order number", "order")],
      [
        ["h", "failure", "again"],
        ["again", "next", "h"],
      ],
    );
    expect(loopWarnings(withQuestion)).toEqual([]);
  });

  it("two requests calling each other on failure are one warned loop", () => {
    const result = loopWith(
      [httpStep("h2", "https://backup.example.com/")],
      [
        ["h", "failure", "h2"],
        ["h2", "failure", "h"],
      ],
    );
    expect(loopWarnings(result)).toHaveLength(1);
  });
});
