import type { core } from "zod";

/**
 * Input-schema failures as sentences a person reads ("Name: must be at most 100 characters."), for the
 * error message the admin shows. tRPC's default message is the issues as a JSON dump; the structured
 * issues stay available to clients in `data.zodIssues` (see the errorFormatter in trpc.ts).
 */

type Issue = core.$ZodIssue;

/** How many issues one message spells out; the rest are counted, not listed. */
const MAX_LISTED = 3;

/** Zod's own (English) default messages start like this; anything else is a schema author's sentence. */
const ZOD_DEFAULT_MESSAGE = /^(Invalid|Too (big|small)|Unrecognized key|Expected|Required)/;

/** "botToken" → "Bot token", "max_length" → "Max length". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0]!.toUpperCase() + words.slice(1) : key;
}

/** The field an issue is about, down from the top: ["options", 0, "label"] → "Options 1, label". */
export function fieldLabel(path: readonly PropertyKey[]): string | null {
  const parts: string[] = [];
  for (const segment of path) {
    if (typeof segment === "number" && parts.length) parts[parts.length - 1] += ` ${segment + 1}`;
    else if (typeof segment === "number") parts.push(`Item ${segment + 1}`);
    else parts.push(humanize(String(segment)).toLowerCase());
  }
  if (!parts.length) return null;
  const joined = parts.join(", ");
  return joined[0]!.toUpperCase() + joined.slice(1);
}

const UNIT: Record<string, [string, string]> = {
  string: ["character", "characters"],
  array: ["item", "items"],
  set: ["item", "items"],
  file: ["byte", "bytes"],
};

function bound(origin: string, value: number | bigint | Date, inclusive: boolean, most: boolean): string {
  const unit = UNIT[origin];
  if (unit) {
    const n = Number(value);
    const words = `${n} ${n === 1 ? unit[0] : unit[1]}`;
    if (inclusive) return `must be at ${most ? "most" : "least"} ${words}`;
    return `must be ${most ? "fewer" : "more"} than ${words}`;
  }
  const shown = value instanceof Date ? value.toISOString() : String(value);
  if (inclusive) return `must be at ${most ? "most" : "least"} ${shown}`;
  return `must be ${most ? "less" : "greater"} than ${shown}`;
}

const FORMAT_NAME: Record<string, string> = {
  email: "an email address",
  url: "a web address (URL)",
  uuid: "an id (UUID)",
  guid: "an id (GUID)",
  datetime: "a date and time",
  date: "a date",
  time: "a time",
};

/** What is wrong, without the field's name: "must be at most 100 characters". */
function problemOf(issue: Issue): string {
  switch (issue.code) {
    case "too_big":
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, true);
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1 && (issue.inclusive ?? true))
        return "must not be empty";
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, false);
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`;
    case "invalid_format":
      if (issue.format === "regex" || issue.format === "starts_with" || issue.format === "ends_with")
        return "is not in the expected format";
      return `must be ${FORMAT_NAME[issue.format] ?? `a valid ${issue.format}`}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map((v) => String(v)).join(", ")}`;
    case "unrecognized_keys":
      return `has unexpected field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `must be a multiple of ${String(issue.divisor)}`;
    default:
      return "is not valid";
  }
}

function article(type: string): string {
  if (type === "array") return "a list";
  if (type === "object") return "an object";
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

const sentence = (s: string) => {
  const trimmed = s.trim().replace(/[.!?]*$/, "");
  return `${trimmed}.`;
};

/** One issue as a sentence; a schema author's own message is kept, only labelled. */
export function issueSentence(issue: Issue): string {
  const custom = issue.message && !ZOD_DEFAULT_MESSAGE.test(issue.message) ? issue.message : null;
  const problem = custom ?? problemOf(issue);
  const label = fieldLabel(issue.path);
  if (label) return sentence(`${label}: ${problem}`);
  return sentence(problem[0]!.toUpperCase() + problem.slice(1));
}

/** Every issue of a failed parse as one message: the first few spelled out, the rest counted. */
export function validationMessage(issues: readonly Issue[]): string {
  if (issues.length === 0) return "The input is not valid.";
  const listed = issues.slice(0, MAX_LISTED).map(issueSentence);
  const rest = issues.length - listed.length;
  if (rest > 0) listed.push(`(${rest} more problem${rest === 1 ? "" : "s"}.)`);
  return listed.join(" ");
}
