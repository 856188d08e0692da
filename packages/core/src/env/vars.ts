import { z } from "zod";

/**
 * Environment variables checked with zod at process start (runtime, admin, stack script). Each
 * builder reads one variable (a string or unset) and says what is wrong in one sentence, naming the
 * variable and the value it got; parseEnv lists every problem at once.
 */

/** The environment did not pass: `problems` are the sentences, the message lists them all. */
export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Switchboard cannot start, the environment is not right:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
    );
    this.name = "EnvError";
  }
}

const unset = (raw: string | undefined): raw is undefined => raw === undefined || raw.trim() === "";
const got = (raw: string) => `got '${raw}'`;

function problem(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

/**
 * A positive number, fractions allowed (rates such as "0.5 messages per second"); `fallback` when unset,
 * which may be null for "no override".
 */
export function positiveNumberVar<T extends number | null>(
  name: string,
  fallback: T,
  opts: { max?: number } = {},
) {
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  return z
    .string()
    .optional()
    .transform((raw, ctx): number | T => {
      if (unset(raw)) return fallback;
      const n = Number(raw.trim());
      if (!Number.isFinite(n) || n <= 0 || n > max)
        return problem(
          ctx,
          `${name} must be a positive number${max === Number.MAX_SAFE_INTEGER ? "" : ` up to ${max}`}, ${got(raw)}.`,
        );
      return n;
    });
}

/** A whole number in [min, max]; `what` says it in words ("a port number (1-65535)"). */
export function intVar(name: string, opts: { min: number; max?: number; default: number; what?: string }) {
  const max = opts.max ?? Number.MAX_SAFE_INTEGER;
  const what =
    opts.what ??
    `a whole number${max === Number.MAX_SAFE_INTEGER ? ` ≥ ${opts.min}` : ` from ${opts.min} to ${max}`}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (unset(raw)) return opts.default;
      const n = Number(raw.trim());
      if (!Number.isInteger(n) || n < opts.min || n > max)
        return problem(ctx, `${name} must be ${what}, ${got(raw)}.`);
      return n;
    });
}

/** A TCP port; `allowZero` where 0 means "do not listen" or "pick a free port". */
export function portVar(name: string, fallback: number, opts: { allowZero?: string } = {}) {
  return opts.allowZero
    ? intVar(name, {
        min: 0,
        max: 65535,
        default: fallback,
        what: `a port number (1-65535, or 0 ${opts.allowZero})`,
      })
    : intVar(name, { min: 1, max: 65535, default: fallback, what: "a port number (1-65535)" });
}

/** An http(s) URL, without trailing slashes; `fallback` null = optional. */
export function urlVar<T extends string | null>(name: string, fallback: T) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string | T => {
      if (unset(raw)) return fallback;
      let url: URL;
      try {
        url = new URL(raw.trim());
      } catch {
        return problem(ctx, `${name} must be an http(s) URL like https://example.com, ${got(raw)}.`);
      }
      if (url.protocol !== "http:" && url.protocol !== "https:")
        return problem(ctx, `${name} must be an http(s) URL like https://example.com, ${got(raw)}.`);
      return raw.trim().replace(/\/+$/, "");
    });
}

/** A Postgres connection URL; required unless `optional`. */
export function postgresUrlVar(name: string, opts: { optional?: boolean } = {}) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string | null => {
      if (unset(raw)) return opts.optional ? null : problem(ctx, `${name} is not set (a postgres:// URL).`);
      if (!/^postgres(ql)?:\/\/\S+$/.test(raw.trim()))
        return problem(ctx, `${name} must be a postgres:// or postgresql:// URL, ${got(redactUrl(raw))}.`);
      return raw.trim();
    });
}

/** A switch: 1/true/yes/on or 0/false/no/off (any case). */
export function flagVar(name: string, fallback: boolean) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (unset(raw)) return fallback;
      const v = raw.trim().toLowerCase();
      if (["1", "true", "yes", "on"].includes(v)) return true;
      if (["0", "false", "no", "off"].includes(v)) return false;
      return problem(ctx, `${name} must be 1 or 0 (true or false), ${got(raw)}.`);
    });
}

/** One of a few words. */
export function oneOfVar<const T extends readonly string[]>(name: string, values: T, fallback: T[number]) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): T[number] => {
      if (unset(raw)) return fallback;
      const v = raw.trim();
      if (!values.includes(v))
        return problem(ctx, `${name} must be one of ${values.join(", ")}, ${got(raw)}.`);
      return v as T[number];
    });
}

/** Free text; `minLength` for secrets and tokens. Null when unset and there is no fallback. */
export function textVar(
  name: string,
  opts: { default?: string; minLength?: number; required?: string } = {},
) {
  return z
    .string()
    .optional()
    .transform((raw, ctx): string | null => {
      if (unset(raw)) {
        if (opts.required) return problem(ctx, `${name} is not set (${opts.required}).`);
        return opts.default ?? null;
      }
      if (opts.minLength && raw.length < opts.minLength)
        return problem(
          ctx,
          `${name} must be at least ${opts.minLength} characters long, it has ${raw.length}.`,
        );
      return raw;
    });
}

/** Checks `env` against `shape` (variable name → builder); throws EnvError with every problem. */
export function parseEnv<S extends z.ZodRawShape>(
  shape: S,
  env: Record<string, string | undefined>,
): z.output<z.ZodObject<S>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  throw new EnvError(
    result.error.issues.map((issue) =>
      issue.code === "custom" ? issue.message : `${issue.path.join(".")}: ${issue.message}`,
    ),
  );
}

/** A URL with its password hidden, for messages. */
function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
