import type { ElkLike } from "./elk-layout";

export interface ElkOptions {
  workerFactory?: (url?: string) => Worker;
}
export type ElkClass = new (options?: ElkOptions) => ElkLike & { terminateWorker?: () => void };

/**
 * elkjs's ELK class out of what a bundler made of its CommonJS module: the class itself, or an object
 * holding it as `default` (once or twice over).
 */
export function elkClassOf(imported: unknown): ElkClass {
  let value = imported;
  for (let i = 0; i < 3 && typeof value !== "function"; i++)
    value = (value as { default?: unknown } | null)?.default;
  if (typeof value !== "function") throw new Error("elkjs didn't load");
  return value as ElkClass;
}
