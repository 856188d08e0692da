import { parseFlowDocument } from "../compiler/parse";
import type { FlowDocument } from "../document";
import { unstorablePath } from "./storable-text";

/**
 * The flow file the Flows page exports and imports: the draft with the flow's name beside it. Reading one
 * is pure and never throws: an untrusted upload gets either a document or one sentence saying what is wrong.
 */
export type FlowFileRead =
  | {
      ok: true;
      document: FlowDocument /** The name in the file, trimmed and cut to 120 characters; "" if none. */;
      name: string;
    }
  | { ok: false; message: string };

/** The longest name a flow may have (flows.create / rename hold typed names to the same). */
export const FLOW_NAME_MAX = 120;

export function writeFlowFile(name: string, document: FlowDocument): string {
  return JSON.stringify({ name, ...document }, null, 2);
}

/**
 * How deeply a flow file may nest arrays and objects. A real one nests about 7 levels; a 5 MB file of
 * brackets nests 2.5 million, which JSON.parse and the checks after it take tens of seconds to walk.
 */
export const FLOW_FILE_MAX_DEPTH = 64;

export function readFlowFile(json: string): FlowFileRead {
  if (nestingDeeperThan(json, FLOW_FILE_MAX_DEPTH))
    return {
      ok: false,
      message: `Not a Switchboard flow: arrays and objects are nested more than ${FLOW_FILE_MAX_DEPTH} levels deep.`,
    };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    return { ok: false, message: `Invalid JSON: ${err instanceof Error ? err.message : "parse error"}` };
  }
  const { document, problems } = parseFlowDocument(raw);
  if (!document)
    return { ok: false, message: `Not a Switchboard flow: ${problems[0]?.message ?? "unknown format"}` };
  const unstorable = unstorablePath(raw);
  if (unstorable !== null)
    return {
      ok: false,
      message: `The flow contains a character that can't be saved (a NUL character or half an emoji) at ${unstorable}. Remove it and try again.`,
    };
  const broken = problems.filter((p) => p.code === "INVALID_STEP" || p.code === "INVALID_EDGE");
  if (broken.length)
    return { ok: false, message: `Not a Switchboard flow: ${summarize(broken.map((p) => p.message))}` };
  const nameInFile = (raw as { name?: unknown }).name;
  const name = (typeof nameInFile === "string" ? nameInFile.trim() : "")
    .slice(0, FLOW_NAME_MAX)
    .replace(/[\uD800-\uDBFF]$/, "") // don't cut an emoji in half
    .trim();
  return { ok: true, document, name };
}

/** How many broken steps and connections a refusal names; a file with thousands would be a wall of text. */
const NAMED_PROBLEMS = 3;
const PROBLEM_CHARS = 300;

/** The first few problems, each cut to a readable length, and how many more there are. */
function summarize(messages: string[]): string {
  const named = messages.slice(0, NAMED_PROBLEMS).map((m) => {
    const points = Array.from(m);
    return points.length <= PROBLEM_CHARS ? m : `${points.slice(0, PROBLEM_CHARS).join("")}…`;
  });
  const more = messages.length - named.length;
  return more > 0 ? `${named.join(" ")} (and ${more} more problem${more === 1 ? "" : "s"})` : named.join(" ");
}

/** Whether the JSON text nests brackets deeper than `max` (outside strings); one pass, no parsing. */
function nestingDeeperThan(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
