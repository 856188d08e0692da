import { contacts, conversations, messages, processedUpdates, type Tx } from "@switchboard/db";
import {
  type ConversationState,
  defaultEngineSettings,
  type EngineContext,
  initialState,
  runEngine,
} from "@switchboard/flow";
import { and, eq, sql } from "drizzle-orm";
import type { BotHandle } from "./bot-handle";
import { loadBotBehaviour } from "./flow-cache";
import { messageCalls } from "./telegram/outbound";
import { mapUpdate, type TelegramUpdate, type TelegramUser } from "./telegram/update-mapping";
import { trackerFromPayload } from "./tracker";

export interface HandledUpdate {
  conversationId: string | null;
  callbackAnswers: { callbackQueryId: string; text?: string }[];
}

async function upsertContact(tx: Tx, bot: BotHandle, from: TelegramUser) {
  const [row] = await tx
    .insert(contacts)
    .values({
      workspaceId: bot.workspaceId,
      telegramUserId: from.id,
      firstName: from.first_name ?? "",
      lastName: from.last_name ?? null,
      username: from.username ?? null,
      languageCode: from.language_code ?? null,
    })
    .onConflictDoUpdate({
      target: [contacts.workspaceId, contacts.telegramUserId],
      set: {
        firstName: from.first_name ?? "",
        lastName: from.last_name ?? null,
        username: from.username ?? null,
        languageCode: from.language_code ?? null,
        lastSeenAt: new Date(),
      },
    })
    .returning();
  return row!;
}

/** The chat's conversation, created on first contact: one statement either way. */
async function conversationFor(tx: Tx, bot: BotHandle, chatId: number, contactId: string) {
  const [row] = await tx
    .insert(conversations)
    .values({ workspaceId: bot.workspaceId, botId: bot.id, chatId, contactId, state: initialState() })
    .onConflictDoUpdate({
      target: [conversations.botId, conversations.chatId],
      set: { updatedAt: new Date() },
    })
    .returning();
  return row!;
}

async function markProcessed(tx: Tx, botId: string, updateId: number) {
  await tx
    .update(processedUpdates)
    .set({ processedAt: new Date(), attempts: sql`${processedUpdates.attempts} + 1`, error: null })
    .where(and(eq(processedUpdates.botId, botId), eq(processedUpdates.updateId, updateId)));
}

/**
 * One update, inside the chat's lock and one transaction: the contact, the conversation, the inbound
 * message, the engine's step, the outgoing messages (as `pending`, sent after commit) and the
 * "processed" mark all commit together or not at all.
 */
export async function handleUpdate(tx: Tx, bot: BotHandle, update: TelegramUpdate): Promise<HandledUpdate> {
  const mapped = mapUpdate(update);
  const none: HandledUpdate = { conversationId: null, callbackAnswers: [] };
  if (mapped.kind === "ignored") {
    await markProcessed(tx, bot.id, update.update_id);
    return none;
  }
  const contact = await upsertContact(tx, bot, mapped.from);
  const conversation = await conversationFor(tx, bot, mapped.chatId, contact.id);
  const state = conversation.state as ConversationState;
  const now = new Date();

  if (mapped.kind === "membership") {
    const status = mapped.blocked ? "blocked" : "bot";
    await tx
      .update(conversations)
      .set({ status, state: { ...state, status } })
      .where(eq(conversations.id, conversation.id));
    await markProcessed(tx, bot.id, update.update_id);
    return { ...none, conversationId: conversation.id };
  }

  await tx.insert(messages).values({
    workspaceId: bot.workspaceId,
    conversationId: conversation.id,
    direction: "in",
    deliveryStatus: "received",
    telegramMessageId: mapped.telegramMessageId,
    text: mapped.text,
    payload: update,
    stepId: state.stepId,
  });

  const behaviour = await loadBotBehaviour(tx, bot.id);
  const published = behaviour?.published ?? null;
  if (!behaviour || !published) {
    await tx.update(conversations).set({ lastMessageAt: now }).where(eq(conversations.id, conversation.id));
    await markProcessed(tx, bot.id, update.update_id);
    bot.log("warn", "no published flow for this bot; message stored, nothing sent", { botId: bot.id });
    const answers =
      mapped.event.type === "callback" ? [{ callbackQueryId: mapped.event.callbackQueryId }] : [];
    return { conversationId: conversation.id, callbackAnswers: answers };
  }

  // A newer version may not have the step this conversation waits at: start over, keeping what it knows.
  const current =
    state.stepId && !published.flow.steps[state.stepId] ? { ...state, stepId: null, waiting: false } : state;
  const ctx: EngineContext = {
    template: {
      name: contact.firstName,
      username: contact.username ?? "",
      chatId: String(mapped.chatId),
      createdAt: contact.createdAt.toISOString(),
      fields: contact.fields,
      bot: {},
      tracker: contact.tracker,
    },
    settings: {
      ...defaultEngineSettings,
      waitForStart: behaviour.settings.waitForStart,
      beforeStartText: behaviour.settings.beforeStartText,
    },
  };
  const result = runEngine(published.flow, current, mapped.event, ctx);

  const deepLink = result.events.find((e) => e.type === "deep_link");
  if (deepLink?.type === "deep_link")
    await tx
      .update(contacts)
      .set({ tracker: { ...contact.tracker, ...trackerFromPayload(deepLink.payload) } })
      .where(eq(contacts.id, contact.id));

  const outgoing = result.actions.flatMap((a) =>
    a.type === "send_message"
      ? messageCalls(mapped.chatId, a.text, a.keyboard).map((call) => ({ call, stepId: a.stepId }))
      : [],
  );
  if (outgoing.length)
    await tx.insert(messages).values(
      outgoing.map(({ call, stepId }, seq) => ({
        workspaceId: bot.workspaceId,
        conversationId: conversation.id,
        direction: "out" as const,
        deliveryStatus: "pending" as const,
        text: call.params.text,
        payload: call,
        stepId,
        // After the inbound message (seq 0) of the same transaction, in the engine's order.
        seq: seq + 1,
      })),
    );

  await tx
    .update(conversations)
    .set({
      state: result.state,
      status: result.state.status,
      currentStepId: result.state.stepId,
      flowVersionId: published.versionId,
      lastMessageAt: now,
    })
    .where(eq(conversations.id, conversation.id));
  await markProcessed(tx, bot.id, update.update_id);

  const callbackAnswers = result.actions.flatMap((a) =>
    a.type === "answer_callback"
      ? [{ callbackQueryId: a.callbackQueryId, ...(a.text ? { text: a.text } : {}) }]
      : [],
  );
  return { conversationId: conversation.id, callbackAnswers };
}
