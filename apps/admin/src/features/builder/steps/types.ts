import type { Problem, StepOf, StepType } from "@switchboard/flow";
import type { ComponentType } from "react";
import type { WorkspaceEnvironment } from "../workspace-environment";

export interface EditorProps<T extends StepType> {
  step: StepOf<T>;
  onChange: (config: StepOf<T>["config"]) => void;
  /** This step's compile problems, for messages next to the fields they are about. */
  problems: Problem[];
  /** Variables (`vars.*`) that steps upstream of this one write: the picker's "This flow" group. */
  variables: string[];
  /** The workspace's custom fields, members, stages, time zone and schedule runs, as far as known. */
  environment: WorkspaceEnvironment;
}

export interface NodeBodyProps<T extends StepType> {
  step: StepOf<T>;
  /** The step's output handles that have a connection. */
  connected: ReadonlySet<string>;
  environment: WorkspaceEnvironment;
}

/**
 * The builder's UI for one step type, beside the flow package's model of it (`stepRegistry`):
 * its look, its side-panel editor and the type-specific part of its canvas node.
 */
export interface BuilderStepUI<T extends StepType> {
  icon: ComponentType<{ size?: number; className?: string }>;
  /** Icon tile in the palette, the node header and the side panel. */
  tile: string;
  /** Accent strip at the top of a node. */
  accent: string;
  /** The node's colour on the minimap. */
  minimap: string;
  /** The step's settings in the side panel (the title and aliases are common to all steps). */
  Editor: ComponentType<EditorProps<T>>;
  /** What the node shows under its header: a preview of the step. */
  NodeBody: ComponentType<NodeBodyProps<T>>;
  /** The node's output rows, when one row per `stepOutputs` handle isn't enough (e.g. link buttons). */
  NodeOutputs?: ComponentType<NodeBodyProps<T>>;
}
