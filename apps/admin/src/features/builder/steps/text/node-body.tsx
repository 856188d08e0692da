"use client";

import { NodeText } from "../../node-parts";
import type { NodeBodyProps } from "../types";

export function TextNodeBody({ step }: NodeBodyProps<"text">) {
  return <NodeText text={step.config.text} />;
}
