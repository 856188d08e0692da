import { membersPresence, type PresenceStatus, presenceHeartbeat, setPresence } from "@switchboard/core";
import type { ActorScope } from "../../trpc";

/** A browser of the caller's is open (the admin calls it every ~30 s); coming online drains the queue. */
export function heartbeat({ db, actor }: ActorScope) {
  return presenceHeartbeat(db, actor);
}

export function choosePresence({ db, actor }: ActorScope, status: PresenceStatus) {
  return setPresence(db, actor, status);
}

export function presenceOfMembers({ db, actor }: ActorScope) {
  return membersPresence(db, actor);
}
