import type { Audience } from "../audience";
import { NUMERIC_OPERATORS, VALUE_OPERATORS } from "../audience";
import type { FieldRef } from "../contact-fields";
import { isSendableLink, linkAddresses, plainTextOf } from "../format";
import { TELEGRAM_CAPTION_LIMIT, TELEGRAM_TEXT_LIMIT } from "../split-text";
import { type Media, TELEGRAM_UPLOAD_LIMITS } from "../steps/common";
import { type CompileEnvironment, customFieldOf } from "./environment";
import { type Problem, problem } from "./problems";

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * A message's text (and optional media, whose caption it becomes): empty is an error unless there is
 * media; over Telegram's limit it is sent in parts (a warning).
 */
export function checkMessage(
  step: { id: string; config: { text: string; media?: Media | undefined } },
  what: string,
  path = "config.text",
): Problem[] {
  const { media } = step.config;
  // What Telegram counts: the text without its formatting tags (templates as written).
  const text = plainTextOf(step.config.text);
  const out: Problem[] = [];
  if (text.trim() === "" && !media)
    out.push(problem("EMPTY_TEXT", `${what} has no text.`, { stepId: step.id, path }));
  if (media) out.push(...checkMedia(step.id, media));
  for (const href of linkAddresses(step.config.text))
    if (!isSendableLink(href))
      out.push(
        problem(
          "LINK_NOT_SENT",
          `The link to "${href}" isn't an http(s) or tg:// address Telegram opens; its text will be sent without the link.`,
          { stepId: step.id, path },
        ),
      );
  const limit = media ? TELEGRAM_CAPTION_LIMIT : TELEGRAM_TEXT_LIMIT;
  if (text.length > limit)
    out.push(
      media
        ? problem(
            "CAPTION_WILL_BE_SPLIT",
            `The text is ${text.length} characters; a ${media.kind}'s caption holds ${limit}, so the rest follows as separate messages.`,
            { stepId: step.id, path },
          )
        : problem(
            "TEXT_WILL_BE_SPLIT",
            `The text is ${text.length} characters; Telegram allows ${limit}, so it will be sent as several messages.`,
            { stepId: step.id, path },
          ),
    );
  return out;
}

/** A file over Telegram's upload limit for its kind would fail at every send. */
export function checkMedia(stepId: string, media: Media): Problem[] {
  const limit = TELEGRAM_UPLOAD_LIMITS[media.kind];
  if (media.size <= limit) return [];
  return [
    problem(
      "MEDIA_TOO_LARGE",
      `"${media.name}" is ${megabytes(media.size)}; Telegram accepts a ${media.kind} of at most ${megabytes(limit)} from bots.`,
      { stepId, path: "config.media" },
    ),
  ];
}

/**
 * A link Telegram accepts on a button: http(s) with a host that has a dot (Telegram refuses
 * "localhost" and other dotless hosts: "Wrong HTTP URL"), or tg://.
 */
export function isAllowedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.protocol === "tg:") return true;
    return (u.protocol === "https:" || u.protocol === "http:") && u.hostname.includes(".");
  } catch {
    return false;
  }
}

/** A custom field must exist in the workspace (when the compiler knows the workspace's fields). */
export function checkFieldRef(
  env: CompileEnvironment,
  ref: FieldRef,
  stepId: string,
  path: string,
): Problem[] {
  if (ref.kind !== "custom" || !env.customFields || customFieldOf(env, ref.key)) return [];
  return [
    problem(
      "UNKNOWN_CONTACT_FIELD",
      `The contact field "${ref.key}" does not exist in this workspace. Add it in Settings → Contact fields or pick another.`,
      { stepId, path },
    ),
  ];
}

export function checkAudience(env: CompileEnvironment, audience: Audience, stepId: string): Problem[] {
  const out: Problem[] = [];
  audience.rules.forEach((rule, i) => {
    const path = `audience.rules.${i}`;
    if (rule.kind !== "field") return;
    out.push(...checkFieldRef(env, rule.field, stepId, `${path}.field`));
    if (VALUE_OPERATORS.includes(rule.op) && rule.value.trim() === "")
      out.push(
        problem("INVALID_AUDIENCE_RULE", `Audience rule ${i + 1} needs a value to compare with.`, {
          stepId,
          path: `${path}.value`,
        }),
      );
    const definition = rule.field.kind === "custom" ? customFieldOf(env, rule.field.key) : undefined;
    if (
      NUMERIC_OPERATORS.includes(rule.op) &&
      definition?.type === "number" &&
      !Number.isFinite(Number(rule.value.replace(",", ".")))
    )
      out.push(
        problem(
          "INVALID_AUDIENCE_RULE",
          `Audience rule ${i + 1} compares a number field with "${rule.value}".`,
          {
            stepId,
            path: `${path}.value`,
          },
        ),
      );
  });
  return out;
}
