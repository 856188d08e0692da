"use client";

import type { FlowDocument } from "@switchboard/flow";
import { useReactFlow } from "@xyflow/react";
import {
  type Dispatch,
  type RefObject,
  type SetStateAction,
  useCallback,
  useEffect,
  useMemo,
  useRef,
} from "react";
import { newEdgeId, newStepId } from "@/lib/ids";
import { hasTextSelection, inTextField, recallCopied, rememberCopied } from "./clipboard-store";
import { behindDialog, modalDialogOpen } from "./dialog-guard";
import type { DraftAction } from "./draft";
import { copySteps, parsePayload, pasteSteps, type StepsPayload, serializePayload } from "./step-clipboard";
import type { StepNodeType } from "./step-node";

export interface StepClipboard {
  /** Ctrl+C: puts the selected steps on the clipboard. */
  copy: () => void;
  /** Ctrl+V: the browser's paste event brings the clipboard; without one, the last copied steps. */
  expectPaste: () => void;
  /** Ctrl+D: copies and pastes the selected steps in one go, leaving the clipboard alone. */
  duplicate: () => void;
}

/** How long to wait for the browser's paste event after Ctrl+V before using the remembered copy. */
const PASTE_EVENT_WAIT_MS = 120;

/** Copy, paste and duplicate of the selected steps; a paste or a duplicate is one undo step. */
export function useStepClipboard({
  getDraft,
  dispatch,
  setNodes,
  canvasRef,
}: {
  getDraft: () => FlowDocument;
  dispatch: (action: DraftAction) => void;
  setNodes: Dispatch<SetStateAction<StepNodeType[]>>;
  canvasRef: RefObject<HTMLDivElement | null>;
}): StepClipboard {
  const rf = useReactFlow<StepNodeType>();
  const pasteHandled = useRef(false);

  const selectedPayload = useCallback((): StepsPayload | null => {
    const ids = rf
      .getNodes()
      .filter((n) => n.selected)
      .map((n) => n.id);
    return copySteps(getDraft(), ids);
  }, [rf, getDraft]);

  /** Selects the pasted steps once their nodes exist, and brings them into view if they're not. */
  const selectPasted = useCallback(
    (ids: string[], tries = 5) => {
      requestAnimationFrame(() => {
        const wanted = new Set(ids);
        if (!ids.every((id) => rf.getNode(id)) && tries > 0) return selectPasted(ids, tries - 1);
        setNodes((prev) =>
          prev.map((n) => (n.selected === wanted.has(n.id) ? n : { ...n, selected: wanted.has(n.id) })),
        );
        const rect = canvasRef.current?.getBoundingClientRect();
        const nodes = ids.map((id) => rf.getNode(id)).filter((n) => n !== undefined);
        if (!rect || nodes.length === 0) return;
        const x = Math.min(...nodes.map((n) => n.position.x));
        const y = Math.min(...nodes.map((n) => n.position.y));
        const topLeft = rf.flowToScreenPosition({ x, y });
        const visible =
          topLeft.x >= rect.left &&
          topLeft.y >= rect.top &&
          topLeft.x < rect.right - 100 &&
          topLeft.y < rect.bottom - 60;
        if (!visible)
          void rf.setCenter(x + 128, y + 70, { zoom: Math.max(rf.getZoom(), 0.6), duration: 300 });
      });
    },
    [rf, setNodes, canvasRef],
  );

  const paste = useCallback(
    (payload: StepsPayload) => {
      const sizeOf = (id: string) => {
        const measured = rf.getInternalNode(id)?.measured;
        return measured?.width && measured.height
          ? { width: measured.width, height: measured.height }
          : undefined;
      };
      const { document, pastedIds } = pasteSteps(getDraft(), payload, { newStepId, newEdgeId, sizeOf });
      dispatch({ type: "replace", document });
      selectPasted(pastedIds);
    },
    [rf, getDraft, dispatch, selectPasted],
  );

  const copy = useCallback(() => {
    if (hasTextSelection()) return; // the person copies text
    const payload = selectedPayload();
    if (!payload) return;
    const text = serializePayload(payload);
    rememberCopied(text);
    // The copy event below puts it on the system clipboard too; this is for browsers that don't fire one.
    navigator.clipboard?.writeText(text).catch(() => undefined);
  }, [selectedPayload]);

  const expectPaste = useCallback(() => {
    pasteHandled.current = false;
    setTimeout(() => {
      if (pasteHandled.current) return;
      const remembered = recallCopied();
      const payload = remembered ? parsePayload(remembered) : null;
      if (payload) paste(payload);
    }, PASTE_EVENT_WAIT_MS);
  }, [paste]);

  const duplicate = useCallback(() => {
    const payload = selectedPayload();
    if (payload) paste(payload);
  }, [selectedPayload, paste]);

  // The browser's own copy and paste events carry the system clipboard, without asking permission.
  // Not behind a dialog: Ctrl+C/V there are the dialog's (or nobody's), not the canvas'.
  useEffect(() => {
    const onCopy = (e: ClipboardEvent) => {
      if (inTextField(e.target) || hasTextSelection() || !e.clipboardData) return;
      if (behindDialog(e.target, modalDialogOpen())) return;
      const payload = selectedPayload();
      if (!payload) return;
      const text = serializePayload(payload);
      e.clipboardData.setData("text/plain", text);
      e.preventDefault();
      rememberCopied(text);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (inTextField(e.target) || behindDialog(e.target, modalDialogOpen())) return;
      const text = e.clipboardData?.getData("text/plain") ?? "";
      if (!text) return; // nothing readable: the remembered copy is used
      pasteHandled.current = true;
      const payload = parsePayload(text);
      if (!payload) return; // something else is on the clipboard: nothing to paste on the canvas
      e.preventDefault();
      paste(payload);
    };
    document.addEventListener("copy", onCopy);
    document.addEventListener("paste", onPaste);
    return () => {
      document.removeEventListener("copy", onCopy);
      document.removeEventListener("paste", onPaste);
    };
  }, [selectedPayload, paste]);

  return useMemo(() => ({ copy, expectPaste, duplicate }), [copy, expectPaste, duplicate]);
}
