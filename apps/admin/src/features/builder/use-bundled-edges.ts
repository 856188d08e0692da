"use client";

import { type ReactFlowState, type Edge as RFEdge, useStore } from "@xyflow/react";
import { useMemo, useRef } from "react";
import { NODE_WIDTH } from "./canvas-model";
import { areaBox, type Box, bundleEdges, bundlingArea } from "./edge-bundles";
import type { StepNodeType } from "./step-node";

/** A step's height before React Flow has measured it (only for telling whether it is on screen). */
const UNMEASURED_HEIGHT = 200;

const areaOf = (s: ReactFlowState) => (s.width > 0 ? bundlingArea(s.transform, s.width, s.height) : "");

/**
 * The edges React Flow gets: on a large flow (`enabled`), edges into a busy step on screen from steps
 * off it are bundled (edge-bundles.ts). Re-bundles when the edges or nodes change, or the view moves
 * to another bundling area (not on every frame of a pan).
 */
export function useBundledEdges(edges: RFEdge[], nodes: StepNodeType[], enabled: boolean): RFEdge[] {
  const area = useStore(enabled ? areaOf : noArea);
  const last = useRef<RFEdge[]>([]);
  return useMemo(() => {
    if (!enabled || !area) return edges;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const boxOf = (id: string): Box | undefined => {
      const n = byId.get(id);
      if (!n) return undefined;
      return {
        x: n.position.x,
        y: n.position.y,
        width: n.measured?.width ?? NODE_WIDTH,
        height: n.measured?.height ?? UNMEASURED_HEIGHT,
      };
    };
    last.current = bundleEdges(edges, boxOf, areaBox(area), last.current);
    return last.current;
  }, [edges, nodes, area, enabled]);
}

const noArea = () => "";
