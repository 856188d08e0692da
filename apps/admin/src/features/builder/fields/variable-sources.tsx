"use client";

import { createContext, useContext } from "react";

/**
 * For the edited step: each variable in scope → the names of the steps before it that set it. The
 * side panel provides it; the variable picker shows it as the variable's hint ("Set by Ask email").
 */
export const VariableSourcesContext = createContext<Readonly<Record<string, string>>>({});

export const useVariableSources = () => useContext(VariableSourcesContext);
