"use client";

import { useState } from "react";
import { cn } from "@/lib/cn";
import { type EntityLike, entityRuns, type RunStyle, type TextRun } from "./telegram-entities";

const STYLE_CLASS: Record<RunStyle, string> = {
  bold: "font-semibold",
  italic: "italic",
  underline: "underline",
  strikethrough: "line-through",
  spoiler: "",
  code: "rounded bg-black/5 px-0.5 font-mono text-[0.92em] text-rose-700",
  pre: "block rounded bg-black/5 px-1.5 py-1 font-mono text-[0.92em]",
};

/** A message text with its Telegram entities rendered as Telegram's apps show them. */
export function TelegramText({
  text,
  entities,
}: {
  text: string;
  entities?: readonly EntityLike[] | undefined;
}) {
  return (
    <>
      {entityRuns(text, entities).map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </>
  );
}

function Run({ run }: { run: TextRun }) {
  const className = cn(...run.styles.map((s) => STYLE_CLASS[s]));
  const content = run.styles.includes("spoiler") ? <Spoiler>{run.text}</Spoiler> : run.text;
  if (run.url)
    return (
      <a
        href={run.url}
        target="_blank"
        rel="noreferrer noopener"
        className={cn("text-sky-600 hover:underline", className)}
      >
        {content}
      </a>
    );
  return className ? (
    <span className={className} data-entity={run.styles.join(" ")}>
      {content}
    </span>
  ) : (
    content
  );
}

/** Hidden under a veil until clicked, as in Telegram. */
function Spoiler({ children }: { children: string }) {
  const [shown, setShown] = useState(false);
  return (
    <button
      type="button"
      title={shown ? undefined : "Spoiler: click to show"}
      data-spoiler={shown ? "shown" : "hidden"}
      onClick={(e) => {
        e.stopPropagation();
        setShown(true);
      }}
      className={cn(
        "inline cursor-text rounded-sm p-0 text-left whitespace-pre-wrap transition",
        shown ? "" : "cursor-pointer bg-zinc-300 text-transparent blur-[1px] select-none",
      )}
    >
      {children}
    </button>
  );
}
