"use client";

import {
  type CompiledFlow,
  type ConversationState,
  defaultEngineSettings,
  type EngineContext,
  type InboundEvent,
  initialState,
  type Keyboard,
  runEngine,
  splitText,
} from "@switchboard/flow";
import { memo, useCallback, useEffect, useRef, useState } from "react";
import { type ChatBubble, ChatView, type InlineKey, type ReplyKey } from "@/components/chat/chat-view";
import { Button } from "@/components/ui/button";
import { AlertIcon, PlayIcon, RefreshIcon, XIcon } from "@/components/ui/icons";
import { randomId } from "@/lib/ids";

const context: EngineContext = {
  template: {
    name: "Test User",
    username: "test_user",
    chatId: "100001",
    createdAt: new Date().toISOString(),
    fields: {},
    bot: {},
    tracker: {},
  },
  settings: defaultEngineSettings,
};

function inlineRows(keyboard: Keyboard | undefined): InlineKey[][] | undefined {
  if (keyboard?.kind !== "inline") return undefined;
  return keyboard.rows.map((row) =>
    row.map((b) => ("url" in b ? { label: b.label, url: b.url } : { label: b.label, data: b.callbackData })),
  );
}

interface ChatState {
  conversation: ConversationState;
  messages: ChatBubble[];
  replyKeyboard: ReplyKey[][] | null;
  ended: boolean;
}

const emptyChat = (): ChatState => ({
  conversation: initialState(),
  messages: [],
  replyKeyboard: null,
  ended: false,
});

interface TestChatProps {
  flow: CompiledFlow | null;
  errorCount: number;
  onShowProblems: () => void;
  onShowStep: (stepId: string) => void;
  onClose: () => void;
}

function TestChatComponent({ flow, errorCount, onShowProblems, onShowStep, onClose }: TestChatProps) {
  const [chat, setChat] = useState<ChatState>(emptyChat);
  const flowRef = useRef(flow);
  flowRef.current = flow;

  const dispatch = useCallback((event: InboundEvent, userText?: string) => {
    const current = flowRef.current;
    if (!current) return;
    setChat((prev) => {
      const base = event.type === "start" && !userText ? emptyChat() : prev;
      const messages = [...base.messages];
      if (userText !== undefined)
        messages.push({ id: randomId(10), from: "user", text: userText, time: Date.now() });
      let replyKeyboard = base.replyKeyboard;
      let result: ReturnType<typeof runEngine>;
      try {
        result = runEngine(current, base.conversation, event, context);
      } catch (e) {
        messages.push({
          id: randomId(10),
          from: "system",
          text: `The engine stopped: ${e instanceof Error ? e.message : String(e)}`,
        });
        return { ...base, messages };
      }
      for (const action of result.actions) {
        if (action.type === "send_message") {
          // Like Telegram: long texts arrive as several messages, the keyboard under the last one.
          const parts = splitText(action.text);
          parts.forEach((text, i) => {
            messages.push({
              id: randomId(10),
              from: "bot",
              text,
              time: Date.now(),
              inline: i === parts.length - 1 ? inlineRows(action.keyboard) : undefined,
              stepId: action.stepId,
            });
          });
          if (action.keyboard?.kind === "reply")
            replyKeyboard = action.keyboard.rows.map((row) => row.map((label) => ({ label })));
          else if (action.keyboard?.kind === "remove") replyKeyboard = null;
        } else if (action.type === "answer_callback" && action.text) {
          messages.push({ id: randomId(10), from: "system", text: action.text });
        }
      }
      if (result.events.some((e) => e.type === "step_limit_reached"))
        messages.push({
          id: randomId(10),
          from: "system",
          text: "Stopped after 100 steps in a row — check for loops.",
        });
      const ended = !result.state.waiting;
      return { conversation: result.state, messages, replyKeyboard, ended };
    });
  }, []);

  const restart = useCallback(() => dispatch({ type: "start" }), [dispatch]);

  // Start the conversation as soon as there is a flow to run.
  const hasFlow = flow !== null;
  const started = chat.messages.length > 0;
  useEffect(() => {
    if (hasFlow && !started) restart();
  }, [hasFlow, started, restart]);

  return (
    <div className="flex h-full flex-col" data-testid="test-chat">
      <div className="flex items-center gap-2 border-b border-zinc-100 px-4 py-3">
        <span className="flex size-8 items-center justify-center rounded-full bg-gradient-to-br from-sky-400 to-brand-500 text-xs font-semibold text-white">
          <PlayIcon size={12} />
        </span>
        <div className="min-w-0 flex-1">
          <p className="text-sm font-semibold text-zinc-900">Test chat</p>
          <p className="text-[11px] text-zinc-500">Runs your draft here — nothing is sent to Telegram.</p>
        </div>
        <Button size="sm" variant="ghost" onClick={restart} disabled={!flow} data-testid="test-chat-restart">
          <RefreshIcon size={13} /> Restart
        </Button>
        <button
          type="button"
          onClick={onClose}
          className="rounded-md p-1.5 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700"
          aria-label="Close test chat"
        >
          <XIcon size={15} />
        </button>
      </div>
      {!flow ? (
        <div
          className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center"
          data-testid="test-chat-blocked"
        >
          <span className="flex size-11 items-center justify-center rounded-xl bg-red-50 text-red-500 ring-1 ring-red-100">
            <AlertIcon size={20} />
          </span>
          <div>
            <p className="text-sm font-semibold text-zinc-900">Fix the errors to test</p>
            <p className="mt-1 text-xs text-zinc-500">
              {errorCount === 1 ? "1 error stops" : `${errorCount} errors stop`} this flow from running.
            </p>
          </div>
          <Button size="sm" onClick={onShowProblems}>
            Show problems
          </Button>
        </div>
      ) : (
        <ChatView
          className="flex-1"
          testIdPrefix="test-chat"
          messages={chat.messages}
          replyKeyboard={chat.replyKeyboard}
          onSend={(text) => dispatch({ type: "text", text }, text)}
          onInline={(_m, key) =>
            key.data &&
            dispatch({ type: "callback", data: key.data, callbackQueryId: randomId(12) }, undefined)
          }
          onReplyKey={(key) => dispatch({ type: "text", text: key.label }, key.label)}
          onBubbleClick={(m) => m.stepId && onShowStep(m.stepId)}
          placeholder={chat.ended ? "The flow ended — type /start or restart" : "Type a reply…"}
        />
      )}
    </div>
  );
}

export const TestChat = memo(TestChatComponent);
