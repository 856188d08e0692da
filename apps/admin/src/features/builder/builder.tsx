"use client";

import "@xyflow/react/dist/style.css";

import {
  compileDraft,
  type FlowDocument,
  type Problem,
  STEP_TYPES,
  type Step,
  type StepType,
  stepOutputs,
  stepWrites,
} from "@switchboard/flow";
import { useQueryClient } from "@tanstack/react-query";
import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionLineType,
  Controls,
  type EdgeChange,
  MarkerType,
  MiniMap,
  type NodeChange,
  type OnSelectionChangeParams,
  Panel,
  ReactFlow,
  type Edge as RFEdge,
  useNodesInitialized,
  useReactFlow,
} from "@xyflow/react";
import {
  type DragEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from "react";
import { useFeedback } from "@/components/ui/feedback";
import { RedoIcon, UndoIcon } from "@/components/ui/icons";
import { errorMessage } from "@/lib/errors";
import { newStepId } from "@/lib/ids";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import type { DraftAction, StepPatch } from "./draft";
import { historyReducer, initialHistory } from "./history";
import { autoLayout } from "./layout";
import { loadDraft } from "./load";
import { DRAG_MIME, Palette } from "./palette";
import { StepNode, type StepNodeData, type StepNodeType } from "./step-node";
import { StepPanel } from "./step-panel";
import { builderSteps } from "./steps";
import { TestChat } from "./test-chat";
import { TopBar } from "./top-bar";
import { useAutosave } from "./use-autosave";
import { NO_PROBLEMS, useProblemsByStep } from "./use-stable-problems";

const nodeTypes = { step: StepNode };
const defaultEdgeOptions = {
  type: "smoothstep",
  pathOptions: { borderRadius: 14, offset: 20 },
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#a1a1aa" },
  interactionWidth: 24,
};
const NODE_WIDTH = 256;

export interface BuilderFlow {
  id: string;
  name: string;
  draft: unknown;
  publishedVersion: number | null;
}

export type PublishResult =
  | { ok: true; version: number; warnings: number /** The draft changed since. */; stale?: boolean }
  | { ok: false; message: string; problems?: Problem[] };

export function Builder({ flow }: { flow: BuilderFlow }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const { toast, confirm } = useFeedback();
  const rf = useReactFlow<StepNodeType>();

  const loaded = useMemo(() => loadDraft(flow.draft), [flow.draft]);
  const [history, dispatchHistory] = useReducer(historyReducer, loaded.document, initialHistory);
  const draft = history.present;
  const dispatch = useCallback(
    (action: DraftAction) => dispatchHistory({ type: "do", action, at: Date.now() }),
    [],
  );
  const undo = useCallback(() => dispatchHistory({ type: "undo" }), []);
  const redo = useCallback(() => dispatchHistory({ type: "redo" }), []);
  const draftRef = useRef(draft);
  draftRef.current = draft;

  useEffect(() => {
    if (loaded.error)
      toast({ tone: "error", title: "The saved draft couldn't be read", message: loaded.error });
    else if (loaded.dropped > 0)
      toast({
        tone: "info",
        title: "Some parts of the draft were unreadable",
        message: `${loaded.dropped} unreadable step(s) or connection(s) were left out.`,
      });
  }, [loaded, toast]);

  // ---- compile (client-side, on the deferred draft so typing stays smooth) ----
  const deferredDraft = useDeferredValue(draft);
  const compiled = useMemo(() => compileDraft(deferredDraft), [deferredDraft]);
  const problemsByStep = useProblemsByStep(compiled.problems);
  const errorCount = compiled.problems.filter((p) => p.severity === "error").length;
  const warningCount = compiled.problems.length - errorCount;

  const variables = useMemo(() => {
    const set = new Set<string>();
    for (const s of draft.steps) {
      try {
        for (const v of stepWrites(s)) if (v) set.add(v);
      } catch {
        // a half-edited step may not have its fields yet
      }
    }
    return [...set].sort();
  }, [draft.steps]);

  // ---- autosave ----
  const saveDraft = useCallback(
    (doc: FlowDocument) => client.flows.saveDraft.mutate({ id: flow.id, draft: doc }),
    [client, flow.id],
  );
  const autosave = useAutosave(draft, saveDraft);

  // ---- nodes (React Flow owns positions while dragging; the draft gets them on drop) ----
  const connectedByStep = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of draft.edges) {
      const list = map.get(e.source) ?? [];
      list.push(e.sourceHandle);
      map.set(e.source, list);
    }
    return new Map([...map].map(([k, v]) => [k, v.sort().join("\n")]));
  }, [draft.edges]);

  const dataCache = useRef(new Map<string, StepNodeData>());
  const dataFor = useCallback(
    (step: Step, entryStepId: string | null): StepNodeData => {
      const isEntry = entryStepId === step.id;
      const problems = problemsByStep.get(step.id) ?? NO_PROBLEMS;
      const connected = connectedByStep.get(step.id) ?? "";
      const cached = dataCache.current.get(step.id);
      if (
        cached &&
        cached.step === step &&
        cached.isEntry === isEntry &&
        cached.problems === problems &&
        cached.connected === connected
      )
        return cached;
      const data: StepNodeData = { step, isEntry, problems, connected };
      dataCache.current.set(step.id, data);
      return data;
    },
    [problemsByStep, connectedByStep],
  );

  const [nodes, setNodes] = useState<StepNodeType[]>(() =>
    loaded.document.steps.map((s) => ({
      id: s.id,
      type: "step",
      position: s.position,
      data: dataFor(s, loaded.document.entryStepId),
    })),
  );

  useEffect(() => {
    setNodes((prev) => {
      const prevById = new Map(prev.map((n) => [n.id, n]));
      let changed = prev.length !== draft.steps.length;
      const next = draft.steps.map((step, i) => {
        const data = dataFor(step, draft.entryStepId);
        const old = prevById.get(step.id);
        if (old && prev[i] !== old) changed = true;
        if (old && old.data === data) return old;
        changed = true;
        if (!old) return { id: step.id, type: "step" as const, position: step.position, data };
        const moved =
          old.data.step.position !== step.position &&
          (Math.abs(old.position.x - step.position.x) >= 1 ||
            Math.abs(old.position.y - step.position.y) >= 1);
        return { ...old, data, ...(moved ? { position: step.position } : {}) };
      });
      if (!changed) return prev;
      for (const id of dataCache.current.keys())
        if (!draft.steps.some((s) => s.id === id)) dataCache.current.delete(id);
      return next;
    });
  }, [draft.steps, draft.entryStepId, dataFor]);

  // Fit the whole flow once every node has been measured.
  const nodesInitialized = useNodesInitialized();
  const fitted = useRef(false);
  const [viewReady, setViewReady] = useState(loaded.document.steps.length === 0);
  useEffect(() => {
    if (!nodesInitialized || fitted.current) return;
    fitted.current = true;
    void rf.fitView({ padding: 0.15, maxZoom: 1 }).then(() => setViewReady(true));
  }, [nodesInitialized, rf]);

  // ---- edges ----
  const [selectedEdges, setSelectedEdges] = useState<ReadonlySet<string>>(new Set());
  const edges = useMemo<RFEdge[]>(() => {
    const handles = new Map<string, Set<string>>();
    for (const s of draft.steps) {
      try {
        handles.set(s.id, new Set(stepOutputs(s).map((o) => o.handle)));
      } catch {
        handles.set(s.id, new Set());
      }
    }
    return draft.edges
      .filter((e) => handles.get(e.source)?.has(e.sourceHandle) && handles.has(e.target))
      .map((e) => ({
        id: e.id,
        source: e.source,
        sourceHandle: e.sourceHandle,
        target: e.target,
        targetHandle: "in",
        selected: selectedEdges.has(e.id),
      }));
  }, [draft.edges, draft.steps, selectedEdges]);

  // ---- selection ----
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const onSelectionChange = useCallback(({ nodes: n, edges: e }: OnSelectionChangeParams) => {
    setSelectedIds((prev) => {
      const ids = n.map((x) => x.id);
      return prev.length === ids.length && prev.every((id, i) => id === ids[i]) ? prev : ids;
    });
    setSelectedEdges((prev) => {
      const ids = new Set(e.map((x) => x.id));
      return prev.size === ids.size && [...ids].every((id) => prev.has(id)) ? prev : ids;
    });
  }, []);

  const selectStep = useCallback(
    (stepId: string | null, center = false) => {
      setNodes((prev) =>
        prev.map((n) => {
          const selected = n.id === stepId;
          return n.selected === selected ? n : { ...n, selected };
        }),
      );
      setSelectedEdges(new Set());
      if (stepId && center) {
        const node = rf.getNode(stepId);
        if (node) {
          const w = node.measured?.width ?? NODE_WIDTH;
          const h = node.measured?.height ?? 140;
          rf.setCenter(node.position.x + w / 2, node.position.y + h / 2, {
            zoom: Math.max(rf.getZoom(), 0.9),
            duration: 350,
          });
        }
      }
    },
    [rf],
  );

  // ---- change handlers ----
  const onNodesChange = useCallback(
    (changes: NodeChange<StepNodeType>[]) => {
      setNodes((prev) => applyNodeChanges(changes, prev));
      const removed: string[] = [];
      const positions: Record<string, { x: number; y: number }> = {};
      let moved = false;
      for (const c of changes) {
        if (c.type === "remove") removed.push(c.id);
        else if (c.type === "position" && c.position && !c.dragging) {
          positions[c.id] = c.position;
          moved = true;
        }
      }
      if (removed.length) dispatch({ type: "remove", stepIds: removed });
      if (moved) dispatch({ type: "move", positions });
    },
    [dispatch],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const removed = changes.filter((c) => c.type === "remove").map((c) => c.id);
      if (removed.length) dispatch({ type: "remove", edgeIds: removed });
      const selects = changes.filter((c) => c.type === "select");
      if (selects.length)
        setSelectedEdges((prev) => {
          const next = new Set(prev);
          for (const c of selects) {
            if (c.selected) next.add(c.id);
            else next.delete(c.id);
          }
          return next;
        });
    },
    [dispatch],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || !c.sourceHandle) return;
      dispatch({ type: "connect", source: c.source, sourceHandle: c.sourceHandle, target: c.target });
    },
    [dispatch],
  );

  // ---- adding steps ----
  const canvasRef = useRef<HTMLDivElement>(null);
  const addCount = useRef(0);
  const addStep = useCallback(
    (type: StepType, at?: { x: number; y: number }) => {
      let position = at;
      if (!position) {
        const rect = canvasRef.current?.getBoundingClientRect();
        const center = rect
          ? rf.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
          : { x: 0, y: 0 };
        const jitter = (addCount.current++ % 6) * 28;
        position = { x: center.x - NODE_WIDTH / 2 + jitter, y: center.y - 60 + jitter };
      }
      const id = newStepId();
      dispatch({ type: "add_step", id, stepType: type, position });
      // Select the new step once its node exists.
      requestAnimationFrame(() => selectStep(id));
      return id;
    },
    [rf, selectStep, dispatch],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(DRAG_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(DRAG_MIME) as StepType;
      if (!STEP_TYPES.includes(type)) return;
      e.preventDefault();
      const p = rf.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      addStep(type, { x: p.x - NODE_WIDTH / 2, y: p.y - 30 });
    },
    [rf, addStep],
  );

  // ---- panel callbacks ----
  const onPatch = useCallback(
    (id: string, patch: StepPatch) => dispatch({ type: "update_step", id, patch }),
    [dispatch],
  );
  const onMakeEntry = useCallback((id: string) => dispatch({ type: "set_entry", id }), [dispatch]);
  const onDeleteStep = useCallback((id: string) => dispatch({ type: "remove", stepIds: [id] }), [dispatch]);
  const onDuplicate = useCallback(
    (id: string) => {
      const newId = newStepId();
      dispatch({ type: "duplicate_step", id, newId });
      requestAnimationFrame(() => selectStep(newId));
    },
    [selectStep, dispatch],
  );
  const closePanel = useCallback(() => selectStep(null), [selectStep]);

  const selectedStep =
    selectedIds.length === 1 ? (draft.steps.find((s) => s.id === selectedIds[0]) ?? null) : null;

  // ---- test chat, problems, publish ----
  const [testOpen, setTestOpen] = useState(false);
  const [problemsOpen, setProblemsOpen] = useState(false);
  const [publishedVersion, setPublishedVersion] = useState(flow.publishedVersion);
  const [publishResult, setPublishResult] = useState<PublishResult | null>(null);
  const [publishing, setPublishing] = useState(false);

  const focusProblem = useCallback(
    (p: Problem) => {
      const stepId =
        p.stepId ?? (p.edgeId ? draftRef.current.edges.find((e) => e.id === p.edgeId)?.source : undefined);
      if (stepId && draftRef.current.steps.some((s) => s.id === stepId)) {
        selectStep(stepId, true);
        setProblemsOpen(false);
      }
    },
    [selectStep],
  );
  const showStep = useCallback((stepId: string) => selectStep(stepId, true), [selectStep]);

  const publish = useCallback(async () => {
    setPublishing(true);
    setPublishResult(null);
    try {
      await autosave.flush();
      const result = await client.flows.publish.mutate({ id: flow.id });
      if (result.ok) {
        setPublishedVersion(result.version);
        const warnings = result.problems.filter((p: Problem) => p.severity === "warning").length;
        setPublishResult({ ok: true, version: result.version, warnings });
        toast({
          tone: "success",
          title: `Version ${result.version} is live`,
          message: "Bots that run this flow use it for new messages from now on.",
        });
      } else {
        const errors = result.problems.filter((p: Problem) => p.severity === "error").length;
        setPublishResult({
          ok: false,
          message: `Fix ${errors === 1 ? "1 error" : `${errors} errors`} to publish`,
          problems: result.problems,
        });
        setProblemsOpen(true);
      }
      void queryClient.invalidateQueries({ queryKey: trpc.flows.list.queryKey() });
      void queryClient.invalidateQueries({ queryKey: trpc.flows.versions.queryKey({ id: flow.id }) });
    } catch (e) {
      setPublishResult({ ok: false, message: errorMessage(e, "Couldn't publish. Try again.") });
    } finally {
      setPublishing(false);
    }
  }, [autosave, client, flow.id, queryClient, toast, trpc]);

  // The result pill describes the draft it was published from; editing makes it stale.
  const publishedDraft = useRef<FlowDocument | null>(null);
  useEffect(() => {
    if (publishResult && !(publishResult.ok && publishResult.stale))
      publishedDraft.current = draftRef.current;
  }, [publishResult]);
  useEffect(() => {
    if (publishedDraft.current && publishedDraft.current !== draft) {
      publishedDraft.current = null;
      setPublishResult((r) => (r?.ok ? { ...r, stale: true } : null));
    }
  }, [draft]);

  const replaceDraft = useCallback(
    async (doc: FlowDocument, opts: { alreadySaved?: boolean } = {}) => {
      if (opts.alreadySaved) autosave.markSaved(doc);
      dispatch({ type: "replace", document: doc });
      selectStep(null);
      requestAnimationFrame(() => rf.fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
    },
    [autosave, rf, selectStep, dispatch],
  );

  const arrange = useCallback(() => {
    const next = autoLayout(draftRef.current);
    dispatch({ type: "replace", document: next });
    requestAnimationFrame(() => rf.fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
  }, [rf, dispatch]);

  // Ctrl/Cmd+S saves now; Ctrl/Cmd+Z undoes and Shift+Ctrl/Cmd+Z (or Ctrl+Y) redoes outside text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.metaKey || e.ctrlKey)) return;
      const key = e.key.toLowerCase();
      if (key === "s") {
        e.preventDefault();
        autosave.flush().catch(() => undefined);
        return;
      }
      const target = e.target as HTMLElement | null;
      const editing =
        target?.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target?.tagName ?? "");
      if (editing) return; // the field's own undo
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        redo();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [autosave, undo, redo]);

  const many = draft.steps.length > 200;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="builder">
      <TopBar
        flowId={flow.id}
        initialName={flow.name}
        saveState={autosave.state}
        saveError={autosave.error}
        onRetrySave={() => autosave.flush().catch(() => undefined)}
        problems={compiled.problems}
        errorCount={errorCount}
        warningCount={warningCount}
        problemsOpen={problemsOpen}
        setProblemsOpen={setProblemsOpen}
        onSelectProblem={focusProblem}
        publishedVersion={publishedVersion}
        publishing={publishing}
        publishResult={publishResult}
        onPublish={publish}
        testOpen={testOpen}
        onToggleTest={() => setTestOpen((o) => !o)}
        getDraft={() => draftRef.current}
        flush={autosave.flush}
        onReplaceDraft={replaceDraft}
        onRolledBack={(v) => setPublishedVersion(v)}
        confirm={confirm}
      />
      <div className="flex min-h-0 flex-1">
        <Palette onAdd={addStep} />
        <div className="relative min-w-0 flex-1" ref={canvasRef} onDragOver={onDragOver} onDrop={onDrop}>
          <ReactFlow<StepNodeType>
            data-testid="builder-canvas"
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            defaultEdgeOptions={defaultEdgeOptions}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onSelectionChange={onSelectionChange}
            deleteKeyCode={["Delete", "Backspace"]}
            multiSelectionKeyCode={["Meta", "Control", "Shift"]}
            connectionLineType={ConnectionLineType.SmoothStep}
            connectionRadius={28}
            minZoom={0.1}
            maxZoom={2}
            onlyRenderVisibleElements={many}
            proOptions={{ hideAttribution: true }}
            className={viewReady ? "bg-zinc-50" : "sb-fitting bg-zinc-50"}
          >
            <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
            <Controls showInteractive={false} className="!rounded-lg !shadow-sm" />
            {!many && (
              <MiniMap
                pannable
                zoomable
                className="!rounded-lg !shadow-sm ring-1 ring-zinc-200"
                nodeColor={(n) => builderSteps[(n.data as StepNodeData).step.type]?.minimap ?? "#a1a1aa"}
                nodeStrokeWidth={0}
                maskColor="rgba(244,244,245,0.7)"
              />
            )}
            <Panel position="top-left" className="flex gap-1.5">
              <div className="flex overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-zinc-200">
                <button
                  type="button"
                  onClick={undo}
                  disabled={history.past.length === 0}
                  className="px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-300 disabled:hover:bg-white"
                  title="Undo (Ctrl+Z)"
                  aria-label="Undo"
                  data-testid="undo"
                >
                  <UndoIcon size={14} />
                </button>
                <button
                  type="button"
                  onClick={redo}
                  disabled={history.future.length === 0}
                  className="border-l border-zinc-200 px-2 py-1.5 text-zinc-600 hover:bg-zinc-50 hover:text-zinc-900 disabled:text-zinc-300 disabled:hover:bg-white"
                  title="Redo (Ctrl+Shift+Z)"
                  aria-label="Redo"
                  data-testid="redo"
                >
                  <RedoIcon size={14} />
                </button>
              </div>
              {draft.steps.length > 1 && (
                <button
                  type="button"
                  onClick={arrange}
                  className="rounded-lg bg-white px-2.5 py-1.5 text-xs font-medium text-zinc-600 shadow-sm ring-1 ring-zinc-200 hover:bg-zinc-50 hover:text-zinc-900"
                  data-testid="auto-arrange"
                  title="Lay the steps out from left to right"
                >
                  Auto-arrange
                </button>
              )}
            </Panel>
          </ReactFlow>
          {draft.steps.length === 0 && (
            <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
              <div className="max-w-sm rounded-2xl bg-white/90 p-6 text-center shadow-sm ring-1 ring-zinc-200 backdrop-blur">
                <p className="text-sm font-semibold text-zinc-900">Start drawing your bot</p>
                <p className="mt-1 text-sm text-zinc-500">
                  Drag a step from the left onto the canvas — or click one. The first step becomes the start
                  step.
                </p>
              </div>
            </div>
          )}
          {testOpen && (
            <div className="animate-fade-in absolute right-4 bottom-4 z-10 flex h-[min(640px,calc(100%-2rem))] w-[380px] max-w-[calc(100%-2rem)] flex-col overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-zinc-200">
              <TestChat
                flow={compiled.ok ? compiled.flow : null}
                errorCount={errorCount}
                onShowProblems={() => setProblemsOpen(true)}
                onShowStep={showStep}
                onClose={() => setTestOpen(false)}
              />
            </div>
          )}
        </div>
        {selectedStep && (
          <aside className="w-[360px] shrink-0 border-l border-zinc-200 bg-white" key={selectedStep.id}>
            <StepPanel
              step={selectedStep}
              isEntry={draft.entryStepId === selectedStep.id}
              problems={problemsByStep.get(selectedStep.id) ?? NO_PROBLEMS}
              variables={variables}
              onPatch={onPatch}
              onMakeEntry={onMakeEntry}
              onDelete={onDeleteStep}
              onDuplicate={onDuplicate}
              onClose={closePanel}
            />
          </aside>
        )}
        {!selectedStep && selectedIds.length > 1 && (
          <aside className="w-[300px] shrink-0 border-l border-zinc-200 bg-white p-4">
            <p className="text-sm font-semibold text-zinc-900">{selectedIds.length} steps selected</p>
            <p className="mt-1 text-xs text-zinc-500">
              Drag to move them together, or press Delete to remove them.
            </p>
            <button
              type="button"
              onClick={() => dispatch({ type: "remove", stepIds: selectedIds })}
              className="mt-4 rounded-lg bg-red-50 px-3 py-1.5 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-100"
            >
              Delete {selectedIds.length} steps
            </button>
          </aside>
        )}
      </div>
    </div>
  );
}
