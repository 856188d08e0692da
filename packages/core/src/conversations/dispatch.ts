import {
  botLogs,
  type ContactRow,
  type ConversationRow,
  contacts,
  conversations,
  rowFromJson,
  run as runStatement,
  splitChoices,
} from "@switchboard/db";
import {
  type CompiledFlow,
  type ConversationState,
  deepLinkPayloadOf,
  type EngineResult,
  type InboundEvent,
  normalizeState,
  type OutboundAction,
  runEngine,
} from "@switchboard/flow";
import { eq, sql } from "drizzle-orm";
import { recordStepCounts } from "../analytics/record-step-counts";
import { StepTally } from "../analytics/step-tally";
import { type BotSettings, engineSettingsOf } from "../bot-settings";
import { contactFacts, contactTemplate } from "../contacts/facts";
import { survivorOf } from "../contacts/telegram";
import { trackerFromPayload } from "../contacts/tracker";
import { applyContactUpdate } from "../contacts/update";
import type { Executor } from "../db";
import {
  type BotBehaviour,
  conversationFlow,
  type LiveFlow,
  liveFlowOf,
  loadBotBehaviour,
} from "../flows/live-flow";
import { forumAfterDispatch } from "../forum/mirror";
import { enqueueHttpJob } from "../http/jobs";
import { createLeadFromFlow } from "../leads/create";
import { mintLoginLink } from "../logins/links";
import { enqueueForOperator, releaseOperator } from "../operators/queue";
import { enqueueOutgoing, outboxEvent, type QueuedCall, type SendNow } from "../outbox/enqueue";
import { type LoginLink, messageCalls } from "../outbox/telegram-calls";
import { emitRealtimeMany, type RealtimeEvent } from "../realtime/emit";
import { currentAssignee } from "../routing/assign";
import { cancelConversationTimers, scheduleConversationTimers } from "../timers/conversation-timers";
import { enqueueWebhook } from "../webhooks/queue";
import type { DeferredWrites } from "./deferred-writes";
import { type ConversationSave, SAVE_CONVERSATIONS, saveParams } from "./save-conversation";

/** What the core needs from its host process to run conversations. */
export interface CoreEnv {
  /** The admin's public address: Login links point there. */
  adminBaseUrl: string;
  /** Randomness for Random split steps, in [0, 1); Math.random when not given (tests pass a seeded one). */
  random?: () => number;
}

export interface CallbackAnswer {
  callbackQueryId: string;
  text?: string;
}

export interface DispatchResult {
  conversation: ConversationRow;
  /** Inline-button presses to answer (only the runtime has them; after commit). */
  callbackAnswers: CallbackAnswer[];
  /** False when the bot has no published flow: nothing ran. */
  ran: boolean;
  /** The bot's settings as this dispatch read them (callers need no second read); absent: no such bot. */
  settings?: BotSettings;
  /**
   * It wrote rows beyond its own conversation and outbox that another chat's processing reads (a
   * contact, which a person's chats with other bots share and a merge rewrites; the operator queue; a
   * lead): a caller that read other chats before this ran (openChats for a batch) must read them again.
   */
  reachedBeyondChat: boolean;
}

/** Events the core feeds back after an action in the same transaction (Route to operator → nobody). */
const MAX_FOLLOW_UPS = 3;
/** Go to flow switches one event may make (A → B → A … without a waiting step stops here). */
export const MAX_FLOW_SWITCHES = 10;

interface RunState {
  conversation: ConversationRow;
  contact: ContactRow;
  state: ConversationState;
  status: ConversationRow["status"];
  outgoing: QueuedCall[];
  callbackAnswers: CallbackAnswer[];
  logins: Map<string, LoginLink>;
  followUp: InboundEvent | null;
  /** A Go to flow step asked to continue in another flow. */
  goTo: Extract<OutboundAction, { type: "go_to_flow" }> | null;
  /** The canvas analytics' counters this dispatch adds (each once a day per conversation), written once at the end. */
  tally: StepTally;
  /** See DispatchResult.reachedBeyondChat. */
  reachedBeyondChat: boolean;
}

/**
 * Runs one event through a conversation's flow and applies everything it produced, in the caller's
 * transaction, under the chat's lock (the caller holds it): contact changes, the operator queue,
 * leads, login links, timers, the outbox, and the new state and status. The one place where the
 * engine's actions meet the database; the switch below is exhaustive, so a new action kind does not
 * compile until it is handled here.
 */
export async function dispatchEvent(
  tx: Executor,
  conversation: ConversationRow,
  event: InboundEvent,
  env: CoreEnv,
  options: {
    firstSeq?: number;
    contact?: ContactRow;
    sendNow?: SendNow;
    /** The bot's behaviour when the caller read it in this transaction already (null: no such bot). */
    behaviour?: BotBehaviour | null;
    /** With sendNow: the end-of-dispatch writes are held for the batch's statements (deferred-writes.ts). */
    deferred?: DeferredWrites;
  } = {},
): Promise<DispatchResult> {
  const behaviour =
    options.behaviour !== undefined ? options.behaviour : await loadBotBehaviour(tx, conversation.botId);
  if (!behaviour?.published) {
    const callbackAnswers = event.type === "callback" ? [{ callbackQueryId: event.callbackQueryId }] : [];
    return {
      conversation,
      callbackAnswers,
      ran: false,
      reachedBeyondChat: false,
      ...(behaviour ? { settings: behaviour.settings } : {}),
    };
  }
  let { flow, versionId, flowId } = await conversationFlow(tx, conversation, behaviour.published, event);
  const run: RunState = {
    conversation,
    contact: await contactOf(tx, conversation.contactId, options.contact),
    state: resumableState(conversation.state, flow, !!conversation.flowId && flowId !== conversation.flowId),
    status: conversation.status,
    outgoing: [],
    callbackAnswers: [],
    logins: new Map(),
    followUp: null,
    goTo: null,
    tally: new StepTally({ counted: conversation.countedToday }),
    reachedBeyondChat: false,
  };

  // A deep link's values are on the contact before the flow runs, so the first step can read them.
  const deepLink = deepLinkPayloadOf(event);
  if (deepLink) await recordDeepLink(tx, run, deepLink);

  let next: InboundEvent | null = event;
  for (let followUps = 0, switches = 0; next; ) {
    const result = runEngine(flow, run.state, next, {
      status: run.status,
      template: contactTemplate(run.contact, conversation.chatId, behaviour.variables),
      contact: contactFacts(run.contact),
      settings: engineSettingsOf(behaviour.settings),
      random: env.random ?? Math.random,
    });
    run.followUp = null;
    run.goTo = null;
    for (const action of result.actions)
      await applyAction(tx, run, action, { env, settings: behaviour.settings, flowId, result });
    await applyEvents(tx, run, result);
    run.tally.add(versionId, result.events, flowId);
    await scheduleConversationTimers(tx, conversation, result.timers);
    await cancelConversationTimers(tx, conversation.id, result.cancelTimers);
    run.state = result.state;
    run.status = result.status;
    next = run.followUp;
    // Set by applyAction (TypeScript can't see that through the call).
    const goTo = run.goTo as RunState["goTo"];
    if (goTo) {
      const target = await switchTarget(tx, conversation, goTo, ++switches);
      if (!target) break;
      ({ flow, versionId, flowId } = target);
      // Variables, the reply keyboard and the id counter carry over; the position is the target's.
      run.state = { ...run.state, stepId: null, waiting: false, pending: null };
      next = { type: "flow_entered", stepId: goTo.targetStepId };
    } else if (next && ++followUps > MAX_FOLLOW_UPS) break;
  }

  const { sendNow } = options;
  const events: RealtimeEvent[] = sendNow?.events.splice(0) ?? [];
  if (sendNow && run.outgoing.length > 0) events.push(outboxEvent(conversation));
  if (run.status !== conversation.status)
    events.push({
      type: "conversation",
      conversationId: conversation.id,
      botId: conversation.botId,
      status: run.status,
      assigneeId: (await currentAssignee(tx, conversation.id))?.userId ?? null,
    });
  const save: ConversationSave = {
    id: conversation.id,
    state: run.state,
    status: run.status,
    stepId: run.state.stepId,
    versionId,
    flowId: flowId === behaviour.published.flowId ? null : flowId,
    contactId: run.contact.id,
    countedToday: run.tally.countedToday(),
  };
  const countSteps = () =>
    sendNow?.stepCounts
      ? sendNow.stepCounts.push({ tally: run.tally, botId: conversation.botId, chatId: conversation.chatId })
      : recordStepCounts(tx, run.tally, conversation);
  let updated: ConversationRow;
  if (options.deferred && sendNow) {
    // Held for the batch's statements (the runtime, whose claimed replies the batch hands out to
    // sendNow): the conversation as saved is known here but for its timestamps.
    options.deferred.add({
      save,
      outbox: { conversation, queued: run.outgoing, firstSeq: options.firstSeq ?? 1, claim: true, sendNow },
      events,
    });
    await countSteps();
    updated = savedLocally(conversation, save);
  } else {
    // The new state (with the counters the conversation counts in today, so a loop counts once), the
    // replies, the realtime events and the step counters in one round trip: pipelined on the transaction's
    // connection, Postgres runs them in this order (none needs another's answer). The counters go last:
    // the rows other chats share stay locked for the shortest time. A caller that takes them
    // (sendNow.stepCounts: the runtime) adds them in batches after its commit instead.
    [updated] = await Promise.all([
      saveNow(tx, save),
      enqueueOutgoing(tx, conversation, run.outgoing, options.firstSeq ?? 1, sendNow),
      emitRealtimeMany(tx, conversation.workspaceId, events),
      countSteps(),
    ]);
  }
  await forumAfterDispatch(tx, behaviour.settings, flow, conversation, updated, event);
  return {
    conversation: updated,
    callbackAnswers: run.callbackAnswers,
    ran: true,
    settings: behaviour.settings,
    reachedBeyondChat: run.reachedBeyondChat,
  };
}

/** Writes the conversation after an event and returns it as written. */
async function saveNow(tx: Executor, save: ConversationSave): Promise<ConversationRow> {
  const [row] = await runStatement(tx, SAVE_CONVERSATIONS, saveParams([save]));
  if (!row) throw new Error("the conversation to save is gone");
  return rowFromJson(conversations, row);
}

/** The conversation as a held save will write it (its timestamps as of now: the statement sets its own). */
function savedLocally(before: ConversationRow, save: ConversationSave): ConversationRow {
  const now = new Date();
  return {
    ...before,
    state: save.state,
    status: save.status as ConversationRow["status"],
    currentStepId: save.stepId,
    flowVersionId: save.versionId,
    flowId: save.flowId,
    contactId: save.contactId,
    countedToday: save.countedToday,
    lastMessageAt: now,
    updatedAt: now,
  };
}

/**
 * The live version a Go to flow step continues in, or null (with an error in the bot's log) when
 * there is none, it lacks the step, or this event switched flows too often: the conversation then
 * ends at the Go to flow step.
 */
async function switchTarget(
  tx: Executor,
  conversation: ConversationRow,
  goTo: Extract<OutboundAction, { type: "go_to_flow" }>,
  switches: number,
): Promise<LiveFlow | null> {
  const fail = async (message: string) => {
    await tx.insert(botLogs).values({
      botId: conversation.botId,
      level: "error",
      method: "go_to_flow",
      message,
      details: { conversationId: conversation.id, stepId: goTo.stepId, flowId: goTo.flowId },
    });
    return null;
  };
  if (switches > MAX_FLOW_SWITCHES)
    return fail(
      `Go to flow (step "${goTo.stepId}") switched flows more than ${MAX_FLOW_SWITCHES} times in one event without waiting; the conversation ends here. Add a waiting step to the loop.`,
    );
  const target = await liveFlowOf(tx, conversation.workspaceId, goTo.flowId);
  if (!target)
    return fail(
      `Go to flow (step "${goTo.stepId}"): the target flow is deleted or not published; the conversation ends here.`,
    );
  if (goTo.targetStepId && !target.flow.steps[goTo.targetStepId])
    return fail(
      `Go to flow (step "${goTo.stepId}"): the target flow's live version has no step "${goTo.targetStepId}"; the conversation ends here.`,
    );
  return target;
}

/** The conversation's contact (the caller's copy when it just read it), followed to a merge's survivor. */
async function contactOf(tx: Executor, contactId: string, known?: ContactRow): Promise<ContactRow> {
  const row =
    known?.id === contactId
      ? known
      : (await tx.select().from(contacts).where(eq(contacts.id, contactId)))[0]!;
  return row.mergedIntoId ? survivorOf(tx, row) : row;
}

/** A newer version may not have the step this conversation waits at: start over, keeping what it knows. */
function resumableState(raw: unknown, flow: CompiledFlow, leftFlow = false): ConversationState {
  const state = normalizeState(raw);
  // Back in the entry flow from another one (/start, or that flow was unpublished): its position is meaningless here.
  if (leftFlow || (state.stepId && !flow.steps[state.stepId]))
    return { ...state, stepId: null, waiting: false, pending: null };
  return state;
}

/**
 * Which actions write rows another chat's processing reads (DispatchResult.reachedBeyondChat). A record
 * over every action type, so a new one does not compile until someone decides.
 */
const REACHES_BEYOND_CHAT: Record<OutboundAction["type"], boolean> = {
  send_message: false,
  answer_callback: false,
  update_contact: true,
  route_to_operator: true,
  release_operator: true,
  create_lead: true,
  start_login: false,
  go_to_flow: false,
  send_webhook: false,
  http_request: false,
};

async function applyAction(
  tx: Executor,
  run: RunState,
  action: OutboundAction,
  ctx: { env: CoreEnv; settings: BotSettings; flowId: string; result: EngineResult },
): Promise<void> {
  const { conversation } = run;
  if (REACHES_BEYOND_CHAT[action.type]) run.reachedBeyondChat = true;
  switch (action.type) {
    case "send_message":
      for (const call of messageCalls(conversation.chatId, action.text, {
        keyboard: action.keyboard,
        media: action.media,
        logins: run.logins,
        entities: action.entities,
      }))
        run.outgoing.push({ call, stepId: action.stepId });
      return;
    case "answer_callback":
      run.callbackAnswers.push({
        callbackQueryId: action.callbackQueryId,
        ...(action.text ? { text: action.text } : {}),
      });
      return;
    case "update_contact":
      run.contact = await applyContactUpdate(tx, run.contact, action);
      return;
    case "route_to_operator": {
      const { available } = await enqueueForOperator(tx, conversation, action.stepId);
      if (!available) run.followUp = { type: "operator_unavailable" };
      return;
    }
    case "release_operator":
      await releaseOperator(tx, conversation, action.reason);
      return;
    case "create_lead":
      await createLeadFromFlow(tx, {
        contact: run.contact,
        title: action.title,
        owner: action.owner,
        stageId: action.stageId,
        tags: action.tags,
        botId: conversation.botId,
        flowId: ctx.flowId,
        stepId: action.stepId,
        conversationId: conversation.id,
      });
      return;
    case "start_login": {
      const timeout = ctx.result.timers.find((t) => t.id === action.loginId);
      run.logins.set(
        action.loginId,
        await mintLoginLink(tx, {
          workspaceId: conversation.workspaceId,
          botId: conversation.botId,
          conversationId: conversation.id,
          contactId: run.contact.id,
          stepId: action.stepId,
          loginId: action.loginId,
          validForMs: timeout?.delayMs ?? 15 * 60_000,
          adminBaseUrl: ctx.env.adminBaseUrl,
          loginDomainLinked: ctx.settings.loginDomainLinked,
        }),
      );
      return;
    }
    case "go_to_flow":
      run.goTo = action;
      return;
    case "send_webhook":
      await enqueueWebhook(tx, { conversation, contact: run.contact, status: run.status, action });
      return;
    case "http_request":
      await enqueueHttpJob(tx, conversation, action);
      return;
    default:
      return assertNever(action);
  }
}

/** Facts the engine reported that the core records (analytics and webhooks come later). */
async function applyEvents(tx: Executor, run: RunState, result: EngineResult) {
  // A deep link is stored before the engine runs (recordDeepLink), so its first step can read it.
  for (const e of result.events) {
    if (e.type !== "split_chosen") continue;
    await tx
      .insert(splitChoices)
      .values({ conversationId: run.conversation.id, stepId: e.stepId, branchId: e.branchId })
      .onConflictDoUpdate({
        target: [splitChoices.conversationId, splitChoices.stepId],
        set: { branchId: e.branchId, chosenAt: sql`now()` },
      });
  }
}

/** Stores a deep link's `start`, its key-value pairs and a new click id on the contact, before the engine runs. */
async function recordDeepLink(tx: Executor, run: RunState, payload: string) {
  run.reachedBeyondChat = true;
  const [row] = await tx
    .update(contacts)
    .set({ tracker: { ...run.contact.tracker, ...trackerFromPayload(payload) } })
    .where(eq(contacts.id, run.contact.id))
    .returning();
  run.contact = row!;
}

export function assertNever(value: never): never {
  throw new Error(`unhandled: ${JSON.stringify(value)}`);
}
