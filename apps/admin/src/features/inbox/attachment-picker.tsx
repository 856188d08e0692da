"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { PaperclipIcon, XIcon } from "@/components/ui/icons";
import { fileSize } from "./upload-attachment";

/** The paperclip button (photo or document) and, once chosen, the file with "send as a file". */
export function AttachmentPicker({
  file,
  asDocument,
  disabled,
  onFile,
  onAsDocument,
}: {
  file: File | null;
  asDocument: boolean;
  disabled: boolean;
  onFile: (file: File | null) => void;
  onAsDocument: (value: boolean) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const image = file?.type.startsWith("image/") ?? false;
  return (
    <>
      <input
        ref={input}
        type="file"
        className="hidden"
        data-testid="reply-file-input"
        onChange={(e) => {
          onFile(e.target.files?.[0] ?? null);
          e.target.value = "";
        }}
      />
      {file ? (
        <span
          className="inline-flex max-w-full items-center gap-2 rounded-md bg-zinc-100 px-2 py-1 text-xs text-zinc-700"
          data-testid="reply-attachment"
        >
          <PaperclipIcon size={12} className="shrink-0" />
          <span className="max-w-56 truncate font-medium">{file.name}</span>
          <span className="text-zinc-500">{fileSize(file.size)}</span>
          {image && (
            <label className="flex items-center gap-1 text-zinc-600">
              <input
                type="checkbox"
                checked={asDocument}
                onChange={(e) => onAsDocument(e.target.checked)}
                className="size-3"
              />
              as a file
            </label>
          )}
          <button
            type="button"
            onClick={() => onFile(null)}
            className="rounded p-0.5 text-zinc-400 hover:text-zinc-700"
            aria-label="Remove the attachment"
          >
            <XIcon size={12} />
          </button>
        </span>
      ) : (
        <Button
          size="icon"
          variant="ghost"
          disabled={disabled}
          onClick={() => input.current?.click()}
          aria-label="Attach a photo or file"
          title="Attach a photo or file (photos up to 10 MB, files up to 50 MB)"
          data-testid="reply-attach"
        >
          <PaperclipIcon size={15} />
        </Button>
      )}
    </>
  );
}
