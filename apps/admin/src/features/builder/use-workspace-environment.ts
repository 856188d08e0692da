"use client";

import { UNKNOWN_ENVIRONMENT, type WorkspaceEnvironment } from "./workspace-environment";

/** The workspace's environment for the builder (placeholder until the API has the procedures). */
export function useWorkspaceEnvironment(_flowId: string): WorkspaceEnvironment {
  return UNKNOWN_ENVIRONMENT;
}
