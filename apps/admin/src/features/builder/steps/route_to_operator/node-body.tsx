"use client";

import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";

export function RouteToOperatorNodeBody({ step }: NodeBodyProps<"route_to_operator">) {
  return step.config.text.trim() ? (
    <NodeText text={step.config.text} />
  ) : (
    <p className="text-xs text-zinc-400 italic">Hands over without a message</p>
  );
}
