"use client";

import { useQuery } from "@tanstack/react-query";
import type { RefObject } from "react";
import { Input, Select } from "@/components/ui/field";
import { SearchIcon, XIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { useTRPC } from "@/lib/trpc";

/** The search box (`/` focuses it) and the bot filter. */
export function ListFilters({
  search,
  onSearch,
  botId,
  onBot,
  searching,
  inputRef,
}: {
  search: string;
  onSearch: (value: string) => void;
  botId: string;
  onBot: (botId: string) => void;
  /** The server is answering a new search. */
  searching: boolean;
  inputRef: RefObject<HTMLInputElement | null>;
}) {
  const trpc = useTRPC();
  const bots = useQuery(trpc.bots.list.queryOptions());
  const many = (bots.data?.length ?? 0) > 1;

  return (
    <div className="flex gap-2 border-b border-zinc-200 p-2">
      <div className="relative min-w-0 flex-1">
        <SearchIcon size={14} className="pointer-events-none absolute top-2.5 left-2.5 text-zinc-400" />
        <Input
          ref={inputRef}
          value={search}
          onChange={(e) => onSearch(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              if (search) onSearch("");
              else e.currentTarget.blur();
            }
          }}
          placeholder="Search people and messages"
          aria-label="Search conversations"
          maxLength={100}
          data-testid="inbox-search"
          className="h-8 pr-7 pl-8 text-xs"
        />
        {searching ? (
          <Spinner className="absolute top-2.5 right-2.5 size-3.5" />
        ) : (
          search && (
            <button
              type="button"
              onClick={() => onSearch("")}
              aria-label="Clear the search"
              className="absolute top-2 right-2 rounded p-0.5 text-zinc-400 hover:text-zinc-700"
            >
              <XIcon size={12} />
            </button>
          )
        )}
      </div>
      {many && (
        <Select
          aria-label="Filter by bot"
          value={botId}
          onChange={(e) => onBot(e.target.value)}
          className="h-8 w-28 shrink-0 text-xs"
          data-testid="inbox-bot-filter"
        >
          <option value="">All bots</option>
          {(bots.data ?? []).map((b) => (
            <option key={b.id} value={b.id}>
              @{b.username}
            </option>
          ))}
        </Select>
      )}
    </div>
  );
}
