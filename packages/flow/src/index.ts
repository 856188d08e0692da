export * from "./audience";
export * from "./bot-variables";
export * from "./compiler/compile";
export * from "./compiler/compile-for-test";
export * from "./compiler/compiled";
export * from "./compiler/environment";
export * from "./compiler/parse";
export * from "./compiler/problems";
export * from "./compiler/variable-scope";
export * from "./contact-fields";
export * from "./diff/flow-diff";
export * from "./document";
export * from "./engine/callback-data";
export * from "./engine/deep-link";
export { MAX_STEPS_PER_EVENT, runEngine } from "./engine/run";
export type {
  SideEffect,
  SliceStep,
  StepHandler,
  StepIO,
  StepSignal,
  Transition,
  UserInput,
} from "./engine/step-io";
export * from "./engine/types";
export * from "./file/flow-file";
export * from "./file/storable-text";
export * from "./format";
export * from "./split-text";
export * from "./step-label";
export * from "./steps/buttons";
export * from "./steps/common";
export * from "./steps/condition";
export * from "./steps/create_lead";
export * from "./steps/define-step";
export * from "./steps/delay";
export * from "./steps/free_input";
export * from "./steps/go_to_flow";
export * from "./steps/http_request";
export * from "./steps/http_request/json-path";
export * from "./steps/http_request/render";
export * from "./steps/login";
export * from "./steps/random_split";
export * from "./steps/registry";
export * from "./steps/route_to_operator";
export * from "./steps/schedule";
export * from "./steps/schedule/next-run";
export * from "./steps/send_webhook";
export * from "./steps/set_values";
export * from "./steps/text";
export * from "./steps/update_contact";
export * from "./template";
export * from "./templates";
export * from "./validate-answer";
