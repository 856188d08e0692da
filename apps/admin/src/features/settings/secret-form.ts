import { SECRET_NAME } from "@switchboard/flow";

/* The Secrets card's checks before saving (the server checks the same and has the last word). */

export function secretProblem(name: string, value: string): string | null {
  const n = name.trim();
  if (!n) return "Give the secret a name, e.g. API_KEY.";
  if (!SECRET_NAME.test(n))
    return 'A name is letters, digits and "_", starting with a letter or "_" (at most 64).';
  if (value === "") return "Enter the value.";
  if (/[\r\n]/.test(value)) return "A value sent in a header can't contain line breaks.";
  return null;
}

/** How a flow's header refers to it. */
export const secretReference = (name: string) => `{{secrets.${name}}}`;
