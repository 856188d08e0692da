"use client";

import { previewFormatted } from "@switchboard/flow";
import { useMemo } from "react";
import { TelegramText } from "@/components/chat/telegram-text";

/**
 * The message as a Telegram bubble, formatting applied, variables as written: shown once the text
 * has formatting or escapes, where the raw markup stops reading like the message.
 */
export function MessagePreview({ markup }: { markup: string }) {
  const preview = useMemo(() => previewFormatted(markup), [markup]);
  if (preview.entities.length === 0 && preview.text === markup) return null;
  return (
    <div className="mt-2 rounded-lg bg-[#d5e3ee] p-2" data-testid="message-preview">
      <p className="mb-1 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase">Preview</p>
      <div className="max-h-48 overflow-y-auto rounded-xl rounded-bl-md bg-white px-2.5 py-1.5 text-[13px] leading-snug whitespace-pre-wrap text-zinc-900 shadow-sm break-anywhere">
        <TelegramText text={preview.text} entities={preview.entities} />
      </div>
    </div>
  );
}
