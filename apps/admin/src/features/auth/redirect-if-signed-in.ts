import { redirect } from "next/navigation";
import { safeNext } from "@/lib/safe-next";
import { getServerSession } from "@/server/auth";

/** The sign-in and sign-up pages send a signed-in user on: to `next` when it is on this site, else the home page (which picks by role). */
export async function redirectIfSignedIn(next: string | string[] | undefined) {
  let signedIn = false;
  try {
    signedIn = (await getServerSession()) !== null;
  } catch {
    // The database may be unreachable: still show the form, which reports errors itself.
  }
  if (signedIn) redirect(safeNext(typeof next === "string" ? next : null, "/"));
}
