"use client";

import { Button } from "@/components/ui/button";
import { PlayIcon } from "@/components/ui/icons";
import { useBuilder } from "../builder-context";

/** Opens and closes the test chat over the canvas. */
export function TestChatToggle() {
  const { testChat } = useBuilder();
  return (
    <Button
      size="sm"
      variant={testChat.open ? "subtle" : "secondary"}
      onClick={() => testChat.setOpen((o) => !o)}
      data-testid="test-chat-toggle"
      aria-pressed={testChat.open}
    >
      <PlayIcon size={12} /> Test chat
    </Button>
  );
}
