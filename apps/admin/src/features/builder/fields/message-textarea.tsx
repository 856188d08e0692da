"use client";

import type { FormatType } from "@switchboard/flow";
import { Textarea } from "@/components/ui/field";
import { FORMAT_SHORTCUTS, telegramLength, toggleFormat } from "./format-markup";
import { FormatToolbar } from "./format-toolbar";
import { MessagePreview } from "./message-preview";
import { useCaretInsert } from "./use-caret-insert";
import { templateToken } from "./variable-picker";
import { VariablePickerMenu } from "./variable-picker-menu";

const TEXT_LIMIT = 4096;

/**
 * The editor of a text the bot sends: a formatting toolbar (and Ctrl+B/I/U) writing the flow's
 * markup, an emoji picker, the variable picker with fallbacks, the length as Telegram counts it, and
 * a preview of the message as Telegram will show it.
 */
export function MessageTextarea({
  value,
  onChange,
  variables,
  invalid,
  id,
  placeholder,
  rows = 5,
  maxLength = 20_000,
  ...rest
}: {
  value: string;
  onChange: (value: string) => void;
  /** `vars.*` written by steps upstream of this one. */
  variables: string[];
  invalid?: boolean;
  id?: string;
  placeholder?: string;
  rows?: number;
  maxLength?: number;
  "data-testid"?: string;
}) {
  const { ref, selection, apply, insert } = useCaretInsert<HTMLTextAreaElement>({
    value,
    onChange,
    maxLength,
  });
  const format = (type: FormatType, url?: string) => apply(toggleFormat(value, ...selection(), type, url));
  const insertVariable = (path: string, fallback?: string) => insert(templateToken(path, fallback));

  const length = telegramLength(value);
  return (
    <div>
      <FormatToolbar onFormat={format} onEmoji={insert} />
      <Textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        invalid={invalid}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          const shortcut = (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && FORMAT_SHORTCUTS[e.key];
          if (!shortcut) return;
          e.preventDefault();
          e.stopPropagation();
          format(shortcut);
        }}
        className="text-[13px] leading-relaxed"
        {...rest}
      />
      <div className="mt-1 flex items-center justify-between">
        <VariablePickerMenu variables={variables} onPick={insertVariable} />
        <span
          className="text-[10px] text-zinc-400 tabular-nums"
          title="Characters as Telegram counts them (UTF-16: most emoji count 2), without formatting tags"
          data-testid="message-length"
        >
          {length > TEXT_LIMIT ? (
            <span className="text-amber-600">{length.toLocaleString()} / 4,096 · will be split</span>
          ) : (
            `${length.toLocaleString()} / 4,096`
          )}
        </span>
      </div>
      <MessagePreview markup={value} />
    </div>
  );
}
