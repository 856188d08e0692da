/**
 * The step types the product knows. Adding one here makes every `Record<StepType, …>`
 * (model registry, engine handlers, admin editors) fail to compile until it is filled in.
 * docs/engine.md shows how the rest of the catalogue fits the engine.
 */
export const STEP_TYPES = ["text", "buttons", "free_input"] as const;
export type StepType = (typeof STEP_TYPES)[number];
