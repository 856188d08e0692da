import {
  type ConversationRow,
  type HeldStatement,
  messages,
  realtimeEvents,
  statement,
  transactionOpeningWith,
  workspaces,
} from "@switchboard/db";
import { flowDoc, textStep } from "@switchboard/flow/testing";
import { asc, eq, gt, max, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DeferredWrites } from "../src/conversations/deferred-writes";
import type { SendNow } from "../src/outbox/enqueue";
import { createWorld, telegramUser, type World } from "./fixtures";

let w: World;
beforeAll(async () => {
  w = await createWorld("core_pipelined_tx");
});
afterAll(async () => {
  await w?.close();
});

const ONE = statement<{ n: number }>("select 1 as n");
const BACKEND = statement<{ pid: number }>("select pg_backend_pid() as pid");
const ws = () => w.db.select().from(workspaces).where(eq(workspaces.id, w.workspaceId));

describe("transactionOpeningWith (BEGIN and the opening statements in one round trip)", () => {
  it("gives the opening statements' rows and runs them and fn in one transaction that commits", async () => {
    const renamed = await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [BACKEND, []],
      ],
      async (tx, [one, backendRows]) => {
        const backend = backendRows as { pid: number }[];
        expect(one).toEqual([{ n: 1 }]);
        // Drizzle's statements in fn run on the connection that ran the opening ones, inside their transaction.
        const [again] = await tx.execute<{ pid: number; in_tx: boolean }>(
          sql`select pg_backend_pid() as pid, now() < statement_timestamp() as in_tx`,
        );
        expect(again!.pid).toBe(backend[0]!.pid);
        expect(again!.in_tx).toBe(true);
        await tx
          .update(workspaces)
          .set({ name: "Renamed in a pipelined transaction" })
          .where(eq(workspaces.id, w.workspaceId));
        return "done";
      },
    );
    expect(renamed).toBe("done");
    expect((await ws())[0]!.name).toBe("Renamed in a pipelined transaction");
  });

  it("rolls everything back when fn throws, and passes the error on", async () => {
    await expect(
      transactionOpeningWith(
        w.db,
        [
          [ONE, []],
          [ONE, []],
        ],
        async (tx) => {
          await tx
            .update(workspaces)
            .set({ name: "Never committed" })
            .where(eq(workspaces.id, w.workspaceId));
          throw new Error("boom");
        },
      ),
    ).rejects.toThrow("boom");
    expect((await ws())[0]!.name).not.toBe("Never committed");
  });

  it("rolls back when an opening statement fails", async () => {
    const bad = statement("select 1 / 0");
    await expect(
      transactionOpeningWith(
        w.db,
        [
          [bad, []],
          [ONE, []],
        ],
        async () => "ran",
      ),
    ).rejects.toThrow(/division by zero/);
    // The connection went back to the pool usable.
    expect([...(await w.db.execute(sql`select 1 as n`))]).toEqual([{ n: 1 }]);
  });

  it("nested transactions are savepoints: an inner failure rolls back only the inner part", async () => {
    await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [ONE, []],
      ],
      async (tx) => {
        await tx.update(workspaces).set({ name: "Outer" }).where(eq(workspaces.id, w.workspaceId));
        await expect(
          tx.transaction(async (inner) => {
            await inner.update(workspaces).set({ name: "Inner" }).where(eq(workspaces.id, w.workspaceId));
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
      },
    );
    expect((await ws())[0]!.name).toBe("Outer");
  });

  it("has Drizzle's relational queries (tx.query), built on first use", async () => {
    await transactionOpeningWith(
      w.db,
      [
        [ONE, []],
        [ONE, []],
      ],
      async (tx) => {
        const found = await tx.query.workspaces.findFirst({ where: (t, { eq }) => eq(t.id, w.workspaceId) });
        expect(found?.id).toBe(w.workspaceId);
      },
    );
  });
});

describe("held statements (a caller's deferred writes)", () => {
  const RENAME = statement("update workspaces set name = $2 where id = $1 returning name");

  /** Holds renames until the transaction's next statement takes them; records their answers. */
  function holder() {
    const held: HeldStatement[] = [];
    const answers: Promise<unknown[]>[] = [];
    return {
      hold(name: string) {
        held.push({ statement: RENAME, params: [w.workspaceId, name], settle: (rows) => answers.push(rows) });
      },
      take: () => held.splice(0),
      answers,
    };
  }

  it("go out before the transaction's next statement, in order, and that statement sees them", async () => {
    const h = holder();
    const seen = await transactionOpeningWith(
      w.db,
      [[ONE, []]],
      async (tx) => {
        h.hold("First held");
        h.hold("Second held");
        // Nothing has gone out yet: the held writes wait for the next statement.
        expect(h.answers).toHaveLength(0);
        const [row] = await tx
          .select({ name: workspaces.name })
          .from(workspaces)
          .where(eq(workspaces.id, w.workspaceId));
        return row!.name;
      },
      h,
    );
    expect(seen).toBe("Second held");
    expect(await Promise.all(h.answers)).toEqual([[{ name: "First held" }], [{ name: "Second held" }]]);
  });

  it("go out before a savepoint, so rolling back to it keeps them", async () => {
    const h = holder();
    await transactionOpeningWith(
      w.db,
      [[ONE, []]],
      async (tx) => {
        h.hold("Held before the savepoint");
        await expect(
          tx.transaction(async (inner) => {
            await inner.update(workspaces).set({ name: "Inner" }).where(eq(workspaces.id, w.workspaceId));
            throw new Error("inner");
          }),
        ).rejects.toThrow("inner");
        await Promise.all(h.answers);
      },
      h,
    );
    expect((await ws())[0]!.name).toBe("Held before the savepoint");
  });
});

describe("DeferredWrites (a batch's end-of-dispatch writes in one statement per kind)", () => {
  it("saves each conversation, writes each one's replies (claimed when nothing older is pending) and its events", async () => {
    const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
    const bot = await w.addBot({ flowId });
    const [ann, bob] = [telegramUser("Ann"), telegramUser("Bob")];
    const annConversation = (await w.say(bot, ann)).conversation;
    const bobConversation = (await w.say(bot, bob)).conversation;
    // Bob has an older reply still pending: his new one must wait for it, not be claimed.
    await w.db
      .update(messages)
      .set({ deliveryStatus: "sent" })
      .where(eq(messages.conversationId, annConversation.id));
    const deferred = new DeferredWrites();
    const sendNow = {
      ann: { claimed: [], events: [] } as SendNow,
      bob: { claimed: [], events: [] } as SendNow,
    };
    const reply = (conversation: ConversationRow, text: string) => ({
      call: { method: "sendMessage" as const, params: { chat_id: conversation.chatId, text } },
      stepId: "hi",
    });
    const write = (
      conversation: ConversationRow,
      state: unknown,
      queued: ReturnType<typeof reply>[],
      s: SendNow,
    ) =>
      deferred.add({
        save: {
          id: conversation.id,
          state,
          status: "bot",
          stepId: "hi",
          versionId: conversation.flowVersionId!,
          flowId: null,
          contactId: conversation.contactId,
          countedToday: null,
        },
        outbox: { conversation, queued, firstSeq: 1, claim: true, sendNow: s },
        events: [{ type: "message", conversationId: conversation.id, botId: bot.id, direction: "out" }],
      });
    const newestEventBefore = await newestEventId();
    await transactionOpeningWith(
      w.db,
      [[ONE, []]],
      async (tx) => {
        write(
          annConversation,
          { marker: "ann" },
          [reply(annConversation, "one"), reply(annConversation, "two")],
          sendNow.ann,
        );
        write(bobConversation, { marker: "bob" }, [reply(bobConversation, "three")], sendNow.bob);
        await deferred.drain(tx);
      },
      deferred,
    );
    expect(sendNow.ann.claimed.map((m) => [m.text, m.seq, m.attempts])).toEqual([
      ["one", 1, 1],
      ["two", 2, 1],
    ]);
    expect(sendNow.bob.claimed).toEqual([]);
    expect((await w.conversation(annConversation.id)).state).toEqual({ marker: "ann" });
    expect((await w.conversation(bobConversation.id)).state).toEqual({ marker: "bob" });
    expect(await w.outTexts(bobConversation.id)).toEqual(["Hi", "three"]);
    const events = await w.db
      .select({ conversationId: realtimeEvents.conversationId })
      .from(realtimeEvents)
      .where(gt(realtimeEvents.id, newestEventBefore))
      .orderBy(asc(realtimeEvents.id));
    expect(events.map((e) => e.conversationId)).toEqual([annConversation.id, bobConversation.id]);
  });

  it("a held write that fails fails the transaction at drain, even with no statement after it", async () => {
    const { flowId } = await w.publish(flowDoc([textStep("hi", "Hi")]));
    const bot = await w.addBot({ flowId });
    const conversation = (await w.say(bot, telegramUser("Cy"))).conversation;
    const deferred = new DeferredWrites();
    const sendNow: SendNow = { claimed: [], events: [] };
    await expect(
      transactionOpeningWith(
        w.db,
        [[ONE, []]],
        async (tx) => {
          deferred.add({
            // Not a version id: the save's statement fails (foreign key).
            save: {
              id: conversation.id,
              state: { marker: "never" },
              status: "bot",
              stepId: "hi",
              versionId: crypto.randomUUID(),
              flowId: null,
              contactId: conversation.contactId,
              countedToday: null,
            },
            outbox: { conversation, queued: [], firstSeq: 1, claim: true, sendNow },
            events: [],
          });
          await deferred.drain(tx);
        },
        deferred,
      ),
    ).rejects.toThrow();
    expect((await w.conversation(conversation.id)).state).not.toEqual({ marker: "never" });
  });
});

async function newestEventId(): Promise<number> {
  const [row] = await w.db.select({ id: max(realtimeEvents.id) }).from(realtimeEvents);
  return Number(row?.id ?? 0);
}
