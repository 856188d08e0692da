// The rule lives with the flow file (packages/flow: imports check it too); the input schemas import it here.
export { isStorableText } from "@switchboard/flow";
