"use client";

import "@xyflow/react/dist/style.css";

import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
} from "@xyflow/react";
import { type ReactNode, useCallback, useMemo } from "react";
import { CanvasAnalytics } from "./analytics/canvas-analytics";
import { useBuilder, useBuilderCanvas } from "./builder-context";
import { BundleEdge } from "./bundle-edge";
import { MANY_STEPS } from "./canvas-model";
import { CanvasToolbar } from "./canvas-toolbar";
import { SMOOTH_STEP } from "./edge-route";
import { useCanvasNodeList } from "./nodes-store";
import { RoutedEdge } from "./routed-edge";
import { canvasKeys } from "./shortcuts";
import { controlsFitView, rightOfCanvas, sidePanelOpen } from "./side-panel-layout";
import { StepNode, type StepNodeData, type StepNodeType } from "./step-node";
import { builderSteps } from "./steps";
import { TestChat } from "./test-chat";
import { useBundledEdges } from "./use-bundled-edges";
import { CANVAS_ZOOM } from "./use-canvas-view";
import { useTestRun } from "./use-test-run";

const nodeTypes = { step: StepNode };
const edgeTypes = { routed: RoutedEdge, bundle: BundleEdge };
/** From the one shortcut list, so the shortcut sheet shows what the canvas does. */
const deleteKeys = canvasKeys("delete");
const defaultEdgeOptions = {
  type: "smoothstep",
  pathOptions: SMOOTH_STEP,
  markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16, color: "#a1a1aa" },
  interactionWidth: 24,
};

const minimapColor = (n: { data: unknown }) =>
  builderSteps[(n.data as StepNodeData).step.type]?.minimap ?? "#a1a1aa";

/**
 * The flow's canvas, with the test chat and `panel` (the side panel) floating over it. The panel is
 * made by the builder, so the canvas' re-render on every frame of a drag doesn't re-render it.
 */
export function Canvas({ panel }: { panel: ReactNode }) {
  const { draft, testChat, selection } = useBuilder();
  const panelOpen = sidePanelOpen(selection);
  const canvas = useBuilderCanvas();
  const nodes = useCanvasNodeList(canvas.nodes);
  // Above MANY_STEPS, only what is on screen is rendered, and there is no minimap.
  const many = draft.steps.length > MANY_STEPS;
  const edges = useBundledEdges(canvas.edges, nodes, many);
  // Made once: they read the builder themselves, so the canvas' re-render on every frame of a drag
  // doesn't re-render them.
  const overlays = useMemo(
    () => (
      <>
        <CanvasToolbar />
        <CanvasAnalytics />
      </>
    ),
    [],
  );

  return (
    <div
      className="relative min-w-0 flex-1"
      ref={canvas.canvasRef}
      onDragOver={canvas.onDragOver}
      onDrop={canvas.onDrop}
    >
      <ReactFlow<StepNodeType>
        data-testid="builder-canvas"
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={canvas.onNodesChange}
        onEdgesChange={canvas.onEdgesChange}
        onConnect={canvas.onConnect}
        onConnectEnd={canvas.onConnectEnd}
        onSelectionChange={canvas.onSelectionChange}
        deleteKeyCode={deleteKeys}
        onBeforeDelete={canvas.onBeforeDelete}
        multiSelectionKeyCode={["Meta", "Control", "Shift"]}
        connectionLineType={ConnectionLineType.SmoothStep}
        connectionRadius={28}
        minZoom={CANVAS_ZOOM.minZoom}
        maxZoom={CANVAS_ZOOM.maxZoom}
        onlyRenderVisibleElements={many}
        proOptions={{ hideAttribution: true }}
        className={canvas.viewReady ? "bg-zinc-50" : "sb-fitting bg-zinc-50"}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.2} color="#d4d4d8" />
        <Controls
          showInteractive={false}
          fitViewOptions={controlsFitView(panelOpen)}
          className="!rounded-lg !shadow-sm"
        />
        {!many && (
          <MiniMap
            pannable
            zoomable
            className="!rounded-lg !shadow-sm ring-1 ring-zinc-200"
            style={panelOpen ? { right: rightOfCanvas(true, 0) } : undefined}
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            maskColor="rgba(244,244,245,0.7)"
          />
        )}
        {overlays}
      </ReactFlow>
      {draft.steps.length === 0 && <EmptyCanvasHint />}
      {testChat.open && <TestChatOverlay panelOpen={panelOpen} />}
      {panel}
    </div>
  );
}

function EmptyCanvasHint() {
  return (
    <div className="pointer-events-none absolute inset-0 flex items-center justify-center">
      <div className="max-w-sm rounded-2xl bg-white/90 p-6 text-center shadow-sm ring-1 ring-zinc-200 backdrop-blur">
        <p className="text-sm font-semibold text-zinc-900">Start drawing your bot</p>
        <p className="mt-1 text-sm text-zinc-500">
          Drag a step from the left onto the canvas — or click one. The first step becomes the start step.
        </p>
      </div>
    </div>
  );
}

function TestChatOverlay({ panelOpen }: { panelOpen: boolean }) {
  const { compiled, problemsMenu, testChat, selection } = useBuilder();
  const { setOpen: setProblemsOpen } = problemsMenu;
  const { setOpen: setTestOpen } = testChat;
  const showProblems = useCallback(() => setProblemsOpen(true), [setProblemsOpen]);
  const close = useCallback(() => setTestOpen(false), [setTestOpen]);
  const testRun = useTestRun(compiled);
  return (
    <div
      data-canvas-cover=""
      style={{ right: rightOfCanvas(panelOpen, 16) }}
      className="animate-fade-in absolute bottom-4 z-10 flex h-[min(640px,calc(100%-2rem))] w-[380px] max-w-[calc(100%-2rem)] flex-col overflow-hidden rounded-2xl bg-white shadow-2xl ring-1 ring-zinc-200"
    >
      <TestChat
        run={testRun}
        errorCount={compiled.errorCount}
        onShowProblems={showProblems}
        onShowStep={selection.showStep}
        onClose={close}
      />
    </div>
  );
}
