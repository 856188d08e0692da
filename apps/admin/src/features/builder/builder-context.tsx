"use client";

import type { FlowDocument } from "@switchboard/flow";
import type {
  Connection,
  EdgeChange,
  NodeChange,
  OnSelectionChangeParams,
  Edge as RFEdge,
} from "@xyflow/react";
import {
  createContext,
  type Dispatch,
  type ReactNode,
  type RefObject,
  type SetStateAction,
  useCallback,
  useContext,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTRPCClient } from "@/lib/trpc";
import { allowCanvasDelete } from "./dialog-guard";
import type { DraftAction } from "./draft";
import { EnvironmentProvider } from "./environment-context";
import type { NodesStore } from "./nodes-store";
import type { StepNodeType } from "./step-node";
import { type AddStep, useAddStep } from "./use-add-step";
import { useArrange } from "./use-arrange";
import { type Autosave, useAutosave } from "./use-autosave";
import { useBuilderShortcuts } from "./use-builder-shortcuts";
import { type CanvasEdges, useCanvasEdges } from "./use-canvas-edges";
import { useCanvasNodes } from "./use-canvas-nodes";
import { useCanvasView } from "./use-canvas-view";
import { type CompiledDraft, useCompiledDraft } from "./use-compiled-draft";
import { useDraftHistory } from "./use-draft-history";
import { useLoadedDraft } from "./use-loaded-draft";
import { type Publish, usePublish } from "./use-publish";
import { type ReplaceDraft, useReplaceDraft } from "./use-replace-draft";
import { type Selection, useSelection } from "./use-selection";
import { useStepClipboard } from "./use-step-clipboard";
import { useWorkspaceEnvironment } from "./use-workspace-environment";
import { compileEnvironmentOf, UNKNOWN_ENVIRONMENT } from "./workspace-environment";

export interface BuilderFlow {
  id: string;
  name: string;
  draft: unknown;
  publishedVersion: number | null;
  /** The stored draft differs from the live version (the server compares their content). */
  unpublishedChanges: boolean;
}

type Toggle = { open: boolean; setOpen: Dispatch<SetStateAction<boolean>> };

/** What the builder's parts share: the draft and everything about it. */
export interface BuilderContextValue {
  flow: { id: string; name: string };
  draft: FlowDocument;
  getDraft: () => FlowDocument;
  dispatch: (action: DraftAction) => void;
  history: { undo: () => void; redo: () => void; canUndo: boolean; canRedo: boolean };
  compiled: CompiledDraft;
  autosave: Autosave;
  publish: Publish;
  selection: Omit<Selection, "selectedEdges" | "setSelectedEdges" | "onSelectionChange">;
  addStep: AddStep["addStep"];
  replaceDraft: ReplaceDraft;
  /** Auto-arrange (ELK), and whether it is running. */
  arrange: () => Promise<void>;
  arranging: boolean;
  testChat: Toggle;
  problemsMenu: Toggle;
  /** The Ctrl+K step search and the `?` shortcut sheet. */
  stepSearch: Toggle;
  shortcutSheet: Toggle;
}

/** What only the canvas needs, in a context of its own. */
export interface BuilderCanvasValue {
  /** The nodes change on every frame of a drag: only the canvas subscribes (useCanvasNodeList). */
  nodes: NodesStore;
  edges: RFEdge[];
  onNodesChange: (changes: NodeChange<StepNodeType>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  onConnect: (c: Connection) => void;
  onConnectEnd: CanvasEdges["onConnectEnd"];
  onSelectionChange: (params: OnSelectionChangeParams) => void;
  /** Vetoes React Flow's Delete/Backspace while a dialog covers the canvas. */
  onBeforeDelete: () => Promise<boolean>;
  viewReady: boolean;
  canvasRef: RefObject<HTMLDivElement | null>;
  onDragOver: AddStep["onDragOver"];
  onDrop: AddStep["onDrop"];
}

const BuilderContext = createContext<BuilderContextValue | null>(null);
const BuilderCanvasContext = createContext<BuilderCanvasValue | null>(null);

export function useBuilder(): BuilderContextValue {
  const value = useContext(BuilderContext);
  if (!value) throw new Error("useBuilder() outside <BuilderProvider>");
  return value;
}

export function useBuilderCanvas(): BuilderCanvasValue {
  const value = useContext(BuilderCanvasContext);
  if (!value) throw new Error("useBuilderCanvas() outside <BuilderProvider>");
  return value;
}

/** Owns one flow's draft in the builder. Needs a ReactFlowProvider around it. */
export function BuilderProvider({ flow, children }: { flow: BuilderFlow; children: ReactNode }) {
  const client = useTRPCClient();
  const loaded = useLoadedDraft(flow.draft);
  const { draft, getDraft, dispatch, moveLater, undo, redo, canUndo, canRedo } = useDraftHistory(
    loaded.document,
  );
  const environment = useWorkspaceEnvironment(flow.id);
  const { customFields, members, stages, botVariables } = environment;
  const compileEnvironment = useMemo(
    () => compileEnvironmentOf({ ...UNKNOWN_ENVIRONMENT, customFields, members, stages, botVariables }),
    [customFields, members, stages, botVariables],
  );
  const compiled = useCompiledDraft(draft, compileEnvironment);

  // Each save's answer says whether the draft now differs from the live version (publish owns that state).
  const storedRef = useRef<Publish["stored"]>(() => undefined);
  const saveDraft = useCallback(
    async (doc: FlowDocument) => {
      const saved = await client.flows.saveDraft.mutate({ id: flow.id, draft: doc });
      storedRef.current(doc, saved.unpublishedChanges);
      return saved;
    },
    [client, flow.id],
  );
  const autosave = useAutosave(draft, saveDraft);

  const [testOpen, setTestOpen] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const showProblems = useCallback(() => setProblemsOpen(true), []);

  const canvasRef = useRef<HTMLDivElement>(null);
  const canvasView = useCanvasView(canvasRef);
  const nodes = useCanvasNodes({
    initial: loaded.document,
    draft,
    problemsByStep: compiled.problemsByStep,
    dispatch,
    moveLater,
  });
  const { selectedEdges, setSelectedEdges, onSelectionChange, ...selection } = useSelection({
    draft,
    getDraft,
    setNodes: nodes.setNodes,
    canvasView,
  });
  const { addStep, onDragOver, onDrop } = useAddStep({
    dispatch,
    selectStep: selection.selectStep,
    canvasView,
  });
  const { arrange, arranging } = useArrange({
    getDraft,
    dispatch,
    freeScreenArea: canvasView.freeScreenArea,
  });
  const clipboard = useStepClipboard({ getDraft, dispatch, setNodes: nodes.setNodes, canvasRef });
  useBuilderShortcuts({
    save: () => void autosave.flush().catch(() => undefined),
    undo,
    redo,
    copy: clipboard.copy,
    paste: clipboard.expectPaste,
    duplicate: clipboard.duplicate,
    search: () => setSearchOpen(true),
    shortcuts: () => setSheetOpen(true),
  });
  const edges = useCanvasEdges({ draft, selectedEdges, setSelectedEdges, dispatch });
  const { replaceDraft } = useReplaceDraft({
    dispatch,
    markSaved: autosave.markSaved,
    selectStep: selection.selectStep,
  });
  const publish = usePublish({
    flowId: flow.id,
    initial: { liveVersion: flow.publishedVersion, unpublishedChanges: flow.unpublishedChanges },
    initialDraft: loaded.document,
    draft,
    getDraft,
    flush: autosave.flush,
    showProblems,
  });
  storedRef.current = publish.stored;

  const { selectedIds, selectedStep, selectStep, showStep, focusProblem } = selection;
  const value = useMemo<BuilderContextValue>(
    () => ({
      flow: { id: flow.id, name: flow.name },
      draft,
      getDraft,
      dispatch,
      history: { undo, redo, canUndo, canRedo },
      compiled,
      autosave,
      publish,
      selection: { selectedIds, selectedStep, selectStep, showStep, focusProblem },
      addStep,
      replaceDraft,
      arrange,
      arranging,
      testChat: { open: testOpen, setOpen: setTestOpen },
      problemsMenu: { open: problemsOpen, setOpen: setProblemsOpen },
      stepSearch: { open: searchOpen, setOpen: setSearchOpen },
      shortcutSheet: { open: sheetOpen, setOpen: setSheetOpen },
    }),
    [
      flow.id,
      flow.name,
      draft,
      getDraft,
      dispatch,
      undo,
      redo,
      canUndo,
      canRedo,
      compiled,
      autosave,
      publish,
      selectedIds,
      selectedStep,
      selectStep,
      showStep,
      focusProblem,
      addStep,
      replaceDraft,
      arrange,
      arranging,
      testOpen,
      problemsOpen,
      searchOpen,
      sheetOpen,
    ],
  );

  const canvas = useMemo<BuilderCanvasValue>(
    () => ({
      nodes: nodes.store,
      edges: edges.edges,
      onNodesChange: nodes.onNodesChange,
      onEdgesChange: edges.onEdgesChange,
      onConnect: edges.onConnect,
      onConnectEnd: edges.onConnectEnd,
      onSelectionChange,
      onBeforeDelete: allowCanvasDelete,
      viewReady: nodes.viewReady,
      canvasRef,
      onDragOver,
      onDrop,
    }),
    [nodes, edges, onSelectionChange, onDragOver, onDrop],
  );

  return (
    <EnvironmentProvider value={environment}>
      <BuilderContext.Provider value={value}>
        <BuilderCanvasContext.Provider value={canvas}>{children}</BuilderCanvasContext.Provider>
      </BuilderContext.Provider>
    </EnvironmentProvider>
  );
}
