"use client";

import { type ReactFlowState, type Edge as RFEdge, useStore } from "@xyflow/react";
import { useMemo, useRef } from "react";
import { areaBox, bundleEdges, bundlingArea, stepsInArea } from "./edge-bundles";
import type { StepNodeType } from "./step-node";

const areaOf = (s: ReactFlowState) => (s.width > 0 ? bundlingArea(s.transform, s.width, s.height) : "");
const noArea = () => "";
const NONE: ReadonlySet<string> = new Set();

/**
 * The edges React Flow gets: on a large flow (`enabled`), edges into a busy step on screen from steps
 * off it are bundled (edge-bundles.ts). Re-bundles when the edges change, or the steps in the bundling
 * area do (the view moved to another area, a step was moved in or out of it), not on every frame of a
 * pan nor on a selection.
 */
export function useBundledEdges(edges: RFEdge[], nodes: StepNodeType[], enabled: boolean): RFEdge[] {
  const area = useStore(enabled ? areaOf : noArea);
  const lastOnScreen = useRef(NONE);
  const onScreen = useMemo(() => {
    if (!area) return NONE;
    lastOnScreen.current = stepsInArea(nodes, areaBox(area), lastOnScreen.current);
    return lastOnScreen.current;
  }, [nodes, area]);
  const last = useRef<RFEdge[]>([]);
  return useMemo(() => {
    if (!area) return edges;
    last.current = bundleEdges(edges, onScreen, last.current);
    return last.current;
  }, [edges, onScreen, area]);
}
