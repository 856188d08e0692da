import {
  batchRows,
  type ContactRow,
  type ConversationRow,
  contacts,
  conversations,
  rowFromJson,
  run,
  statement,
} from "@switchboard/db";
import { initialState } from "@switchboard/flow";
import type { TelegramUserInfo } from "../contacts/telegram";
import type { Executor } from "../db";
import { type BotBehaviour, type BotBehaviourRow, behaviourOf, botBehaviourSelect } from "../flows/live-flow";

export interface InboundRecord {
  telegramMessageId: number | null;
  text: string | null;
  payload: unknown;
}

export interface OpenedChat {
  /** The contact as upserted (a merged contact is followed by the caller). */
  contact: ContactRow;
  conversation: ConversationRow;
  /** The inbound message, written at the conversation's current step. */
  messageId: string;
  /** The bot's settings, entry flow and variables, read in the same statement (null: no such bot). */
  behaviour: BotBehaviour | null;
}

/** One chat to open: its bot, the Telegram user who wrote, and the message they sent. */
export interface OpenChatRequest {
  workspaceId: string;
  botId: string;
  chatId: number;
  from: TelegramUserInfo;
  inbound: InboundRecord;
}

/**
 * What a user's message needs before the flow runs, in one round trip: the contact upserted from
 * their Telegram profile (names only on creation, as upsertTelegramContact; username and language when
 * they changed; last seen at most once a LAST_SEEN_GRAIN), the chat's conversation opened (created on
 * first contact, pointing at the contact a merge kept), the inbound message recorded at the
 * conversation's current step, and the bot's behaviour read. Under the chat's lock. An existing contact
 * or conversation is locked as an update would lock it (a concurrent writer waits, and its committed
 * change is what this reads) but not rewritten: a new row version per message was most of this
 * statement's cost.
 */
export async function openChat(tx: Executor, request: OpenChatRequest): Promise<OpenedChat> {
  const [opened] = await openChats(tx, [request]);
  return opened!;
}

/**
 * openChat for several chats in one statement (the runtime opens the chats of a batch of updates
 * together: one statement's fixed cost instead of one per chat). Each chat under its lock, at most one
 * request per (bot, chat); answers in the requests' order.
 */
export async function openChats(tx: Executor, requests: readonly OpenChatRequest[]): Promise<OpenedChat[]> {
  if (requests.length === 0) return [];
  const chats = new Set(requests.map((r) => `${r.botId}:${r.chatId}`));
  if (chats.size !== requests.length) throw new Error("openChats: one request per chat");
  const rowsByIndex = new Map<number, OpenedChatRow>();
  // A missing row: its contact was created by another transaction (another bot of the workspace, same
  // person) after this statement's snapshot, so it could neither insert nor see it. A new statement can.
  for (let attempt = 0; attempt < 2 && rowsByIndex.size < requests.length; attempt++) {
    const missing = requests.flatMap((r, i) => (rowsByIndex.has(i) ? [] : [requestJson(r, i)]));
    for (const row of await run(tx, OPEN_CHATS, [INITIAL_STATE, JSON.stringify(missing)]))
      rowsByIndex.set(row.i, row);
  }
  const behaviours = new Map<string, Promise<BotBehaviour | null>>();
  return Promise.all(
    requests.map(async (r, i) => {
      const row = rowsByIndex.get(i);
      if (!row) throw new Error("opening the chat returned no row");
      let behaviour = behaviours.get(r.botId);
      if (!behaviour) {
        behaviour = row.behaviour ? behaviourOf(tx, row.behaviour) : Promise.resolve(null);
        behaviours.set(r.botId, behaviour);
      }
      return {
        contact: rowFromJson(contacts, row.contact),
        conversation: rowFromJson(conversations, row.conversation),
        messageId: row.message_id,
        behaviour: await behaviour,
      };
    }),
  );
}

function requestJson(r: OpenChatRequest, i: number) {
  return {
    i,
    workspace_id: r.workspaceId,
    bot_id: r.botId,
    chat_id: r.chatId,
    user_id: r.from.id,
    first_name: r.from.first_name ?? "",
    last_name: r.from.last_name ?? null,
    username: r.from.username ?? null,
    language_code: r.from.language_code ?? null,
    telegram_message_id: r.inbound.telegramMessageId,
    text: r.inbound.text,
    payload: r.inbound.payload ?? null,
  };
}

const INITIAL_STATE = JSON.stringify(initialState());

/**
 * A contact's last_seen_at moves at most this often: rewriting the contact row on every message was a
 * third of the database's work per message in the throughput benchmark. A changed username or language
 * is still written at once.
 */
const LAST_SEEN_GRAIN = "1 minute";

interface OpenedChatRow {
  i: number;
  contact: Record<string, unknown>;
  conversation: Record<string, unknown>;
  message_id: string;
  behaviour: BotBehaviourRow | null;
}

/**
 * $1 a new conversation's state, $2 the requests as a JSON array (requestJson). A person writing to two
 * bots of a workspace in one batch is one contact: upserted once (with their latest profile). Rows are
 * locked in key order, so two batches over the same contacts can't deadlock each other.
 */
const OPEN_CHATS = statement<OpenedChatRow>(`
  with req as (
    select r.* from ${batchRows(
      "$2",
      "r",
      `i int, workspace_id uuid, bot_id uuid, chat_id bigint, user_id bigint, first_name text, last_name text,
      username text, language_code text, telegram_message_id int, text text, payload jsonb`,
    )}
  ),
  person as (
    select distinct on (workspace_id, user_id) workspace_id, user_id, first_name, last_name, username, language_code
    from req order by workspace_id, user_id, i desc
  ),
  contact_upsert as (
    insert into contacts (workspace_id, telegram_user_id, first_name, last_name, username, language_code)
    select workspace_id, user_id, first_name, last_name, username, language_code from person
    order by workspace_id, user_id
    on conflict (workspace_id, telegram_user_id) do update
      set username = excluded.username, language_code = excluded.language_code, last_seen_at = now()
      where contacts.username is distinct from excluded.username
        or contacts.language_code is distinct from excluded.language_code
        or contacts.last_seen_at < now() - interval '${LAST_SEEN_GRAIN}'
    returning *
  ),
  contact_kept as (
    select c.* from contacts c
    join person p on c.workspace_id = p.workspace_id and c.telegram_user_id = p.user_id
    order by c.workspace_id, c.telegram_user_id
    for no key update of c
  ),
  contact as (
    select * from contact_upsert
    union all
    select * from contact_kept k where not exists (select 1 from contact_upsert u where u.id = k.id)
  ),
  conversation_new as (
    insert into conversations (workspace_id, bot_id, chat_id, contact_id, state)
    select r.workspace_id, r.bot_id, r.chat_id, coalesce(c.merged_into_id, c.id), $1::jsonb
    from req r join contact c on c.workspace_id = r.workspace_id and c.telegram_user_id = r.user_id
    order by r.bot_id, r.chat_id
    on conflict (bot_id, chat_id) do nothing
    returning *
  ),
  conversation_kept as (
    select v.* from conversations v
    join req r on v.bot_id = r.bot_id and v.chat_id = r.chat_id
    order by v.bot_id, v.chat_id
    for no key update of v
  ),
  conversation as (
    select * from conversation_new
    union all
    select * from conversation_kept k where not exists (select 1 from conversation_new n where n.id = k.id)
  ),
  message as (
    insert into messages (workspace_id, conversation_id, direction, delivery_status, telegram_message_id, text, payload, step_id)
    select r.workspace_id, v.id, 'in', 'received', r.telegram_message_id, r.text, r.payload, v.current_step_id
    from req r join conversation v on v.bot_id = r.bot_id and v.chat_id = r.chat_id
    order by r.i
    returning id, conversation_id
  ),
  bot as (
    select d.bot_id, (select row_to_json(behaviour) from (${botBehaviourSelect("d.bot_id")}) behaviour) as behaviour
    from (select distinct bot_id from req) d
  )
  select r.i, row_to_json(c) as contact, row_to_json(v) as conversation, m.id as message_id, bot.behaviour
  from req r
  join contact c on c.workspace_id = r.workspace_id and c.telegram_user_id = r.user_id
  join conversation v on v.bot_id = r.bot_id and v.chat_id = r.chat_id
  join message m on m.conversation_id = v.id
  join bot on bot.bot_id = r.bot_id`);

/**
 * The opened chat with its contact and conversation read again: after openChats, an earlier chat of the
 * batch may have changed them (DispatchResult.reachedBeyondChat). Both rows stay locked by openChats.
 */
export async function rereadOpenedChat(tx: Executor, opened: OpenedChat): Promise<OpenedChat> {
  const [row] = await run(tx, REREAD_OPENED, [opened.contact.id, opened.conversation.id]);
  if (!row?.contact || !row.conversation)
    throw new Error("the opened chat's contact or conversation is gone");
  return {
    ...opened,
    contact: rowFromJson(contacts, row.contact),
    conversation: rowFromJson(conversations, row.conversation),
  };
}

const REREAD_OPENED = statement<{
  contact: Record<string, unknown> | null;
  conversation: Record<string, unknown> | null;
}>(`
  select (select row_to_json(c) from contacts c where c.id = $1) as contact,
    (select row_to_json(v) from conversations v where v.id = $2) as conversation`);
