const ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A random id from [A-Za-z0-9], matching the flow model's id rule (/^[A-Za-z0-9_-]{1,24}$/). */
export function randomId(length: number): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return out;
}

export const newStepId = () => randomId(8);
export const newButtonId = () => randomId(6);
export const newEdgeId = () => `e${randomId(9)}`;
