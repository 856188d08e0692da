// Its own module because both the input schemas and the service check it, and schemas.ts should not
// pull in the service's database code.

/** An unpaired UTF-16 surrogate (half an emoji): jsonb refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Postgres stores neither U+0000 (text or jsonb) nor, in jsonb, an unpaired surrogate. */
export const isStorableText = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);
