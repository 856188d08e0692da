"use client";

import { createContext, useContext } from "react";
import { UNKNOWN_ENVIRONMENT, type WorkspaceEnvironment } from "./workspace-environment";

/*
 * The workspace's fields, members, stages, time zone and schedule runs. A context of its own (not the
 * builder's, which changes with every edit), so canvas nodes that read it re-render only when it changes.
 */
const EnvironmentContext = createContext<WorkspaceEnvironment>(UNKNOWN_ENVIRONMENT);

export const EnvironmentProvider = EnvironmentContext.Provider;

export const useBuilderEnvironment = (): WorkspaceEnvironment => useContext(EnvironmentContext);
