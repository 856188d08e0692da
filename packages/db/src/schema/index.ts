export * from "./auth";
export * from "./bots";
export * from "./contacts";
export * from "./conversations";
export * from "./flows";
export * from "./workspaces";
