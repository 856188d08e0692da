// Per-bot queue of pending updates, shared by getUpdates and webhook delivery exactly like
// Telegram: updates stay queued until confirmed (getUpdates offset) or delivered (webhook 2xx).

import { ApiError, Errors } from "./errors";
import type { TgUpdate } from "./types";

/** Telegram's default when allowed_updates was never set: everything except these three. */
const NOT_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export function updateType(update: TgUpdate): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

interface Poller {
  wake(): void;
  fail(error: ApiError): void;
}

export class UpdateQueue {
  private items: TgUpdate[] = [];
  // Never reset (not even by sandbox reset): a running bot keeps its offset, and lower ids
  // would be silently confirmed away by its next getUpdates.
  /**
   * Like Telegram, ids start at some positive number, not 1: here the clock in seconds, so a restarted
   * sandbox never hands a bot an id it already saw (the runtime deduplicates by update_id).
   */
  private nextId = Math.floor(Date.now() / 1000);
  /** null = Telegram's default set. Shared by getUpdates and setWebhook, like Telegram. */
  allowedUpdates: string[] | null = null;
  private poller: Poller | null = null;
  private readonly listeners = new Set<() => void>();

  get pendingCount(): number {
    return this.items.length;
  }

  /** Subscribe to "an update was queued" (webhook delivery uses it). */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues an update unless the bot opted out of its type; returns it (or null if filtered). */
  push(payload: Omit<TgUpdate, "update_id">): TgUpdate | null {
    const update = { update_id: this.nextId++, ...payload } as TgUpdate;
    if (!this.allows(updateType(update))) return null;
    this.items.push(update);
    this.poller?.wake();
    for (const listener of this.listeners) listener();
    return update;
  }

  /**
   * Queues an update as given, bypassing allowed_updates (inject-update). An `update_id` in it is
   * kept (the next generated ones continue above it); otherwise the next id is used.
   */
  pushRaw(payload: Record<string, unknown>): TgUpdate {
    const given = payload.update_id;
    const update = { ...payload, update_id: typeof given === "number" ? given : this.nextId++ } as TgUpdate;
    if (typeof given === "number" && Number.isSafeInteger(given) && given >= this.nextId)
      this.nextId = given + 1;
    this.items.push(update);
    this.poller?.wake();
    for (const listener of this.listeners) listener();
    return update;
  }

  /** Applies getUpdates `offset`: positive confirms everything below it, negative keeps the last -offset. */
  confirm(offset: number): void {
    if (offset > 0) this.items = this.items.filter((u) => u.update_id >= offset);
    else if (offset < 0) this.items = this.items.slice(offset);
  }

  peek(limit: number): TgUpdate[] {
    return this.items.slice(0, limit);
  }

  first(): TgUpdate | undefined {
    return this.items[0];
  }

  remove(updateId: number): void {
    this.items = this.items.filter((u) => u.update_id !== updateId);
  }

  clear(): void {
    this.items = [];
  }

  /**
   * Long poll: resolves with up to `limit` updates as soon as any exist, or [] after `timeoutMs`.
   * Only one getUpdates may wait per bot; a newer one makes the older fail with 409 (Telegram's
   * "terminated by other getUpdates request").
   */
  async take(limit: number, timeoutMs: number, signal?: AbortSignal): Promise<TgUpdate[]> {
    this.poller?.fail(Errors.terminatedByOtherGetUpdates());
    const ready = this.peek(limit);
    if (ready.length > 0 || timeoutMs <= 0 || signal?.aborted) return ready;

    return new Promise<TgUpdate[]>((resolve, reject) => {
      const poller: Poller = {
        wake: () => finish(() => resolve(this.peek(limit))),
        fail: (error) => finish(() => reject(error)),
      };
      const onAbort = () => finish(() => reject(new ApiError(499, "Client Closed Request")));
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        if (this.poller === poller) this.poller = null;
        settle();
      };
      const timer = setTimeout(poller.wake, timeoutMs);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.poller = poller;
    });
  }

  /** The queued updates and filter, for persistence.ts. */
  saved(): { items: TgUpdate[]; allowedUpdates: string[] | null } {
    return { items: [...this.items], allowedUpdates: this.allowedUpdates };
  }

  /** Puts back what saved() returned; ids continue above every restored one. */
  restore(saved: { items: TgUpdate[]; allowedUpdates: string[] | null }): void {
    this.items = [...saved.items];
    this.allowedUpdates = saved.allowedUpdates;
    for (const u of this.items) this.nextId = Math.max(this.nextId, u.update_id + 1);
  }

  /** Answers a pending long poll now (used on shutdown so sockets close cleanly). */
  release(): void {
    this.poller?.wake();
  }

  /** Fails a pending long poll (setWebhook does this so no update is handed out twice). */
  failPoller(error: ApiError): void {
    this.poller?.fail(error);
  }

  private allows(type: string): boolean {
    const allowed = this.allowedUpdates;
    if (allowed === null || allowed.length === 0) return !NOT_DEFAULT.has(type);
    return allowed.includes(type);
  }
}
