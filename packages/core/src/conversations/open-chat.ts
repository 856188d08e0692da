import {
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

/**
 * What a user's message needs before the flow runs, in one round trip: the contact upserted from
 * their Telegram profile (names only on creation, as upsertTelegramContact; username and language when
 * they changed; last seen at most once a LAST_SEEN_GRAIN), the chat's conversation opened (created on
 * first contact, pointing at the contact a merge kept), the inbound message recorded at the
 * conversation's current step, and the bot's behaviour read — the statements receiveFromUser used to
 * send one by one. Under the chat's lock. An existing contact or conversation is locked as an update
 * would lock it (a concurrent writer waits, and its committed change is what this reads) but not
 * rewritten: a new row version per message was most of this statement's cost.
 */
export async function openChat(
  tx: Executor,
  chat: { workspaceId: string; botId: string; chatId: number },
  from: TelegramUserInfo,
  inbound: InboundRecord,
): Promise<OpenedChat> {
  const params = [
    chat.workspaceId,
    from.id,
    from.first_name ?? "",
    from.last_name ?? null,
    from.username ?? null,
    from.language_code ?? null,
    chat.botId,
    chat.chatId,
    INITIAL_STATE,
    inbound.telegramMessageId,
    inbound.text,
    JSON.stringify(inbound.payload ?? null),
  ];
  // No row: the contact was created by another transaction (another bot of the workspace, same
  // person) after this statement's snapshot, so it could neither insert nor see it. A new statement can.
  let [row] = await run(tx, OPEN_CHAT, params);
  if (!row) [row] = await run(tx, OPEN_CHAT, params);
  if (!row) throw new Error("opening the chat returned no row");
  return {
    contact: rowFromJson(contacts, row.contact),
    conversation: rowFromJson(conversations, row.conversation),
    messageId: row.message_id,
    behaviour: row.behaviour ? await behaviourOf(tx, row.behaviour) : null,
  };
}

const INITIAL_STATE = JSON.stringify(initialState());

/**
 * A contact's last_seen_at moves at most this often: rewriting the contact row on every message was a
 * third of the database's work per message in the throughput benchmark. A changed username or language
 * is still written at once.
 */
const LAST_SEEN_GRAIN = "1 minute";

/** $1 workspace, $2–$6 the Telegram user, $7 bot, $8 chat, $9 a new conversation's state, $10–$12 the message. */
const OPEN_CHAT = statement<{
  contact: Record<string, unknown>;
  conversation: Record<string, unknown>;
  message_id: string;
  behaviour: BotBehaviourRow | null;
}>(`
  with contact_upsert as (
    insert into contacts (workspace_id, telegram_user_id, first_name, last_name, username, language_code)
    values ($1, $2, $3, $4, $5, $6)
    on conflict (workspace_id, telegram_user_id) do update
      set username = excluded.username, language_code = excluded.language_code, last_seen_at = now()
      where contacts.username is distinct from excluded.username
        or contacts.language_code is distinct from excluded.language_code
        or contacts.last_seen_at < now() - interval '${LAST_SEEN_GRAIN}'
    returning *
  ),
  contact_kept as (
    select * from contacts where workspace_id = $1 and telegram_user_id = $2 for no key update
  ),
  contact as (
    select * from contact_upsert
    union all
    select * from contact_kept where not exists (select 1 from contact_upsert)
  ),
  conversation_new as (
    insert into conversations (workspace_id, bot_id, chat_id, contact_id, state)
    select $1, $7, $8, coalesce(contact.merged_into_id, contact.id), $9::jsonb
    from contact
    on conflict (bot_id, chat_id) do nothing
    returning *
  ),
  conversation_kept as (
    select * from conversations where bot_id = $7 and chat_id = $8 for no key update
  ),
  conversation as (
    select * from conversation_new
    union all
    select * from conversation_kept where not exists (select 1 from conversation_new)
  ),
  message as (
    insert into messages (workspace_id, conversation_id, direction, delivery_status, telegram_message_id, text, payload, step_id)
    select $1, conversation.id, 'in', 'received', $10, $11, $12::jsonb, conversation.current_step_id
    from conversation
    returning id
  ),
  behaviour as (${botBehaviourSelect("$7")})
  select row_to_json(contact) as contact, row_to_json(conversation) as conversation, message.id as message_id,
    (select row_to_json(behaviour) from behaviour) as behaviour
  from contact, conversation, message`);
