import {
  type ContactRow,
  type ConversationRow,
  contacts,
  conversations,
  messages,
  rowFromJson,
} from "@switchboard/db";
import { initialState } from "@switchboard/flow";
import { sql } from "drizzle-orm";
import type { TelegramUserInfo } from "../contacts/telegram";
import type { Executor } from "../db";
import { type BotBehaviour, type BotBehaviourRow, behaviourOf, botBehaviourSql } from "../flows/live-flow";

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
 * their Telegram profile (names only on creation, as upsertTelegramContact), the chat's conversation
 * opened (created on first contact, pointing at the contact a merge kept), the inbound message
 * recorded at the conversation's current step, and the bot's behaviour read — the statements
 * receiveFromUser used to send one by one. Same rules, same rows; under the chat's lock.
 */
export async function openChat(
  tx: Executor,
  chat: { workspaceId: string; botId: string; chatId: number },
  from: TelegramUserInfo,
  inbound: InboundRecord,
): Promise<OpenedChat> {
  const rows = await tx.execute<{
    contact: Record<string, unknown>;
    conversation: Record<string, unknown>;
    message_id: string;
    behaviour: BotBehaviourRow | null;
  }>(sql`
    with contact as (
      insert into ${contacts} (workspace_id, telegram_user_id, first_name, last_name, username, language_code)
      values (${chat.workspaceId}, ${from.id}, ${from.first_name ?? ""}, ${from.last_name ?? null},
        ${from.username ?? null}, ${from.language_code ?? null})
      on conflict (workspace_id, telegram_user_id) do update
        set username = excluded.username, language_code = excluded.language_code, last_seen_at = now()
      returning *
    ),
    conversation as (
      insert into ${conversations} (workspace_id, bot_id, chat_id, contact_id, state)
      select ${chat.workspaceId}, ${chat.botId}, ${chat.chatId}, coalesce(contact.merged_into_id, contact.id),
        ${JSON.stringify(initialState())}::jsonb
      from contact
      on conflict (bot_id, chat_id) do update set updated_at = now()
      returning *
    ),
    message as (
      insert into ${messages} (workspace_id, conversation_id, direction, delivery_status, telegram_message_id, text, payload, step_id)
      select ${chat.workspaceId}, conversation.id, 'in', 'received', ${inbound.telegramMessageId}, ${inbound.text},
        ${JSON.stringify(inbound.payload ?? null)}::jsonb, conversation.current_step_id
      from conversation
      returning id
    ),
    behaviour as (${botBehaviourSql(chat.botId)})
    select row_to_json(contact) as contact, row_to_json(conversation) as conversation, message.id as message_id,
      (select row_to_json(behaviour) from behaviour) as behaviour
    from contact, conversation, message`);
  const row = [...rows][0];
  if (!row) throw new Error("opening the chat returned no row");
  return {
    contact: rowFromJson(contacts, row.contact),
    conversation: rowFromJson(conversations, row.conversation),
    messageId: row.message_id,
    behaviour: row.behaviour ? await behaviourOf(tx, row.behaviour) : null,
  };
}
