// The templates live in @switchboard/flow (one place, compiled by its unit test); the API re-exports them.
export { FLOW_TEMPLATES, type FlowTemplate, flowFromTemplate, welcomeFlow } from "@switchboard/flow";
