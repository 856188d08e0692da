/**
 * What a name and a password must be, for the sign-up form (to say so before posting) and the auth
 * server's hooks (which enforce it: src/server/auth-security.ts). Pure, so both sides share it.
 */

export const MAX_NAME_LENGTH = 100;
export const MIN_PASSWORD_LENGTH = 8;
/** better-auth's own cap; hashing a megabyte of "password" is a cheap way to burn a server's CPU. */
export const MAX_PASSWORD_LENGTH = 128;

/**
 * The most common passwords of 8+ characters in public breach lists (the shorter ones fail the length
 * rule anyway). A compact list on purpose: it stops the guesses an attacker tries first, and the
 * per-account backoff stops the rest.
 */
const COMMON_PASSWORDS = new Set(
  `
    password password1 password12 password123 password! passw0rd p@ssw0rd p@ssword 12345678 123456789
    1234567890 0123456789 987654321 0987654321 11111111 00000000 88888888 12341234 123123123 12344321
    11223344 147258369 159753456 789456123 741852963 1111111111 123321123 1234554321 12121212 55555555
    66666666 99999999 qwertyui qwertyuiop qwerty12 qwerty123 qwerty1234 1q2w3e4r 1q2w3e4r5t q1w2e3r4
    q1w2e3r4t5 1qaz2wsx zaq12wsx qazwsxedc 1234qwer qweasdzxc 123qweasd asdfghjk asdfghjkl asdf1234
    zxcvbnm1 zxcvbnm123 abcd1234 abc12345 abcdefgh a1b2c3d4 iloveyou iloveyou1 sunshine princess
    football football1 baseball basketball welcome1 welcome123 letmein1 letmein123 trustno1 superman
    starwars whatever computer internet michelle jennifer corvette mercedes liverpool chelsea1 samsung1
    changeme changeme1 secret123 login123 test1234 testtest hello123 admin123 administrator monkey123
    dragon12 master12 shadow12 freedom1 whatever1 princess1 sunshine1 charlie1 michael1 jordan23
    pokemon1 minecraft fuckyou1 babygirl lovelove iloveyou2 loveyou1 spiderman batman123 naruto123
    google123 telegram telegram1 telegram123 switchboard1
  `
    .trim()
    .split(/\s+/),
);

const normalize = (s: string) => s.trim().toLowerCase();
/** Letters and digits only: "J.Smith-1" and "jsmith1" are the same guess. */
const bare = (s: string) => normalize(s).replace(/[^\p{L}\p{N}]/gu, "");

/** One character over and over, or a run up or down the alphabet or the digits ("12345678", "hgfedcba"). */
function isRepeatOrRun(password: string): boolean {
  const codes = [...password.toLowerCase()].map((c) => c.codePointAt(0)!);
  const steps = new Set(codes.slice(1).map((code, i) => code - codes[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}

/** The password is `word`, or `word` with a few digits or signs around it ("jsmith", "jsmith1990!"). */
function isWordPlusLittle(password: string, word: string): boolean {
  const p = bare(password);
  const w = bare(word);
  if (w.length < 3) return false;
  if (p === w) return true;
  return (p.startsWith(w) || p.endsWith(w)) && p.length - w.length <= 4 && /^\d*$/.test(p.replace(w, ""));
}

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Why a new password won't do, as the sentence to show; null when it is fine. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return `Use at least ${MIN_PASSWORD_LENGTH} characters for your password.`;
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Use at most ${MAX_PASSWORD_LENGTH} characters for your password.`;
  if (COMMON_PASSWORDS.has(normalize(password)) || isRepeatOrRun(password))
    return "This password is one of the first an attacker tries. Choose one that's harder to guess.";
  const email = context.email ? normalize(context.email) : "";
  const localPart = email.split("@")[0] ?? "";
  if (email && (normalize(password) === email || isWordPlusLittle(password, localPart)))
    return "Don't use your email address as your password.";
  if (context.name && (isWordPlusLittle(password, context.name) || bare(password) === bare(context.name)))
    return "Don't use your name as your password.";
  return null;
}

/** Why a display name won't do; null when it is fine. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return "Tell us your name.";
  if (trimmed.length > MAX_NAME_LENGTH) return `Use at most ${MAX_NAME_LENGTH} characters for your name.`;
  return null;
}
