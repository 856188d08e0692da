"use client";

import type { Media } from "@switchboard/flow";
import { useCallback, useEffect, useRef, useState } from "react";
import { readUploadAnswer, uploadLimitError } from "./media";

export const UPLOAD_URL = "/api/files";

export interface MediaUpload {
  upload: (file: File, asDocument: boolean) => void;
  uploading: boolean;
  error: string | null;
  clearError: () => void;
}

/**
 * Uploads a step's media (POST /api/files, multipart `file` and `asDocument`) after checking
 * Telegram's limits in the browser. `onUploaded` gets the stored file's media.
 */
export function useMediaUpload(onUploaded: (media: Media) => void): MediaUpload {
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const callback = useRef(onUploaded);
  callback.current = onUploaded;
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const upload = useCallback(async (file: File, asDocument: boolean) => {
    const tooBig = uploadLimitError(file, asDocument);
    if (tooBig) {
      setError(tooBig);
      return;
    }
    setError(null);
    setUploading(true);
    const form = new FormData();
    form.append("file", file);
    if (asDocument) form.append("asDocument", "true");
    let answer: ReturnType<typeof readUploadAnswer>;
    try {
      const res = await fetch(UPLOAD_URL, { method: "POST", body: form });
      const body = await res.json().catch(() => null);
      answer = readUploadAnswer(res.status, body);
    } catch {
      answer = { error: "The upload didn't reach the server. Check your connection and try again." };
    }
    // The step gets its media even if its panel was closed meanwhile (the update names the step).
    if ("media" in answer) callback.current(answer.media);
    if (!mounted.current) return;
    setUploading(false);
    if ("error" in answer) setError(answer.error);
  }, []);

  const clearError = useCallback(() => setError(null), []);
  return { upload: (file, asDocument) => void upload(file, asDocument), uploading, error, clearError };
}
