"use client";

import type { InboundEvent, TestCompileResult } from "@switchboard/flow";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ChatView } from "@/components/chat/chat-view";
import { Button } from "@/components/ui/button";
import { AlertIcon, PlayIcon, RefreshIcon, XIcon } from "@/components/ui/icons";
import { randomId } from "@/lib/ids";
import { useBuilderEnvironment } from "./environment-context";
import { inlineKeyEvent, replyKeyEvent } from "./test-chat-actions";
import { TestChatControls } from "./test-chat-controls";
import { type ChatControl, type ChatState, chatControls, emptyChat, runChatEvent } from "./test-chat-model";

const newId = () => randomId(10);

interface TestChatProps {
  /** The draft compiled for a test run: it runs up to where it is broken (compileForTest). */
  run: TestCompileResult;
  errorCount: number;
  onShowProblems: () => void;
  onShowStep: (stepId: string) => void;
  onClose: () => void;
}

function TestChatComponent({ run, errorCount, onShowProblems, onShowStep, onClose }: TestChatProps) {
  const [chat, setChat] = useState<ChatState>(emptyChat);
  const flow = run.ok ? run.flow : null;
  const flowRef = useRef(run);
  flowRef.current = run;
  // The texts as a bot running this flow sends them: its {{bot.KEY}} values.
  const { testBotValues } = useBuilderEnvironment();
  const botValuesRef = useRef(testBotValues);
  botValuesRef.current = testBotValues;

  const dispatch = useCallback((event: InboundEvent, extra: { userText?: string; note?: string } = {}) => {
    const current = flowRef.current;
    if (!current.ok) return;
    setChat((prev) => {
      // The restart button starts a new conversation with a new test contact.
      const base = event.type === "start" && extra.userText === undefined ? emptyChat() : prev;
      return runChatEvent(base, current.flow, event, {
        newId,
        stops: current.stops,
        now: Date.now(),
        random: Math.random,
        botValues: botValuesRef.current,
        ...extra,
      });
    });
  }, []);

  const restart = useCallback(() => dispatch({ type: "start" }), [dispatch]);
  const controls = useMemo(() => chatControls(chat, flow, Date.now()), [chat, flow]);
  const onControl = useCallback(
    (control: ChatControl) => dispatch(control.event, { note: control.label }),
    [dispatch],
  );

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
      {!run.ok ? (
        <div
          className="flex flex-1 flex-col items-center justify-center gap-3 p-6 text-center"
          data-testid="test-chat-blocked"
        >
          <span className="flex size-11 items-center justify-center rounded-xl bg-red-50 text-red-500 ring-1 ring-red-100">
            <AlertIcon size={20} />
          </span>
          <div>
            <p className="text-sm font-semibold text-zinc-900">Nothing to test yet</p>
            <p className="mt-1 text-xs text-zinc-500">{run.reason}</p>
          </div>
          <Button size="sm" onClick={onShowProblems}>
            Show problems
          </Button>
        </div>
      ) : (
        <>
          {errorCount > 0 && <HalfBuiltNotice errorCount={errorCount} onShowProblems={onShowProblems} />}
          <TestChatControls controls={controls} onControl={onControl} />
          <ChatView
            className="flex-1"
            testIdPrefix="test-chat"
            messages={chat.messages}
            replyKeyboard={chat.replyKeyboard}
            onSend={(text) => dispatch({ type: "text", text }, { userText: text })}
            onInline={(_m, key) => {
              const event = inlineKeyEvent(key, randomId(12));
              if (event) dispatch(event);
            }}
            onReplyKey={(key) => {
              const { event, userText } = replyKeyEvent(key);
              dispatch(event, { userText });
            }}
            onBubbleClick={(m) => m.stepId && onShowStep(m.stepId)}
            placeholder={placeholder(chat)}
          />
        </>
      )}
    </div>
  );
}

/** A half-built flow runs up to where it is broken; says so, so the stop isn't a surprise. */
function HalfBuiltNotice({ errorCount, onShowProblems }: { errorCount: number; onShowProblems: () => void }) {
  return (
    <p
      className="flex items-center gap-2 border-b border-amber-100 bg-amber-50 px-4 py-2 text-[11px] text-amber-800"
      data-testid="test-chat-half-built"
    >
      <AlertIcon size={12} className="shrink-0" />
      <span className="min-w-0 flex-1">
        {errorCount === 1 ? "1 error" : `${errorCount} errors`} in the flow: the test stops where it is
        broken.
      </span>
      <button type="button" onClick={onShowProblems} className="font-medium underline underline-offset-2">
        Problems
      </button>
    </p>
  );
}

function placeholder(chat: ChatState): string {
  if (chat.ended) return "The flow ended — type /start or restart";
  if (chat.status === "operator") return "Write to the operator… (/end to finish)";
  return "Type a reply…";
}

export const TestChat = memo(TestChatComponent);
