import { flowDoc, httpStep, type ProblemCase } from "../../testing";

export const problemCases: ProblemCase[] = [
  {
    code: "INVALID_URL",
    what: "an HTTP request without a URL",
    severity: "error",
    stepId: "h",
    doc: flowDoc([httpStep("h", " ")]),
  },
  {
    code: "INVALID_URL",
    what: "a URL that is not http(s)",
    severity: "error",
    stepId: "h",
    doc: flowDoc([httpStep("h", "ftp://example.com/x")]),
  },
  {
    code: "MISPLACED_SECRET",
    what: "a secret in the URL",
    severity: "error",
    stepId: "h",
    doc: flowDoc([httpStep("h", "https://api.example.com/?key={{secrets.KEY}}")]),
  },
  {
    code: "MISPLACED_SECRET",
    what: "a secret in the body",
    severity: "error",
    stepId: "h",
    doc: flowDoc([
      httpStep("h", "https://api.example.com/", { method: "POST", body: '{"k":"{{secrets.KEY}}"}' }),
    ]),
  },
  {
    code: "INVALID_HEADER_NAME",
    what: "a header name with a space",
    severity: "error",
    stepId: "h",
    doc: flowDoc([httpStep("h", "https://api.example.com/", { headers: [{ name: "X Key", value: "1" }] })]),
  },
  {
    code: "INVALID_JSON_PATH",
    what: "a mapping with a broken JSON path",
    severity: "error",
    stepId: "h",
    doc: flowDoc([
      httpStep("h", "https://api.example.com/", { mappings: [{ path: "data.items[0", variable: "id" }] }),
    ]),
  },
  {
    code: "INVALID_STEP",
    what: "a fixed body that is not JSON",
    severity: "error",
    stepId: "h",
    doc: flowDoc([httpStep("h", "https://api.example.com/", { method: "POST", body: "{oops" })]),
  },
  {
    code: "UNKNOWN_VARIABLE",
    what: "a header using a variable nobody sets",
    severity: "warning",
    stepId: "h",
    doc: flowDoc([
      httpStep("h", "https://api.example.com/", { headers: [{ name: "X-Id", value: "{{vars.nobody}}" }] }),
    ]),
  },
  {
    code: "UNKNOWN_SECRET",
    what: "a header secret the workspace doesn't have",
    severity: "warning",
    stepId: "h",
    doc: flowDoc([
      httpStep("h", "https://api.example.com/", {
        headers: [{ name: "Authorization", value: "Bearer {{secrets.SHOP_TOKEN}}" }],
      }),
    ]),
    env: { secretNames: ["OTHER_TOKEN"] },
  },
  {
    code: "HTTP_REQUEST_LOOP",
    what: "failure wired back to the same request, with nothing to wait for in between",
    severity: "warning",
    stepId: "h",
    doc: flowDoc([httpStep("h", "https://api.example.com/")], [["h", "failure", "h"]]),
  },
];
