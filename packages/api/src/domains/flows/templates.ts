import { emptyFlowDocument, type FlowDocument } from "@switchboard/flow";

export const FLOW_TEMPLATES = ["empty", "welcome"] as const;
export type FlowTemplate = (typeof FLOW_TEMPLATES)[number];

/** A small flow that shows every implemented step type: greeting, a choice, a validated question. */
export function welcomeFlow(): FlowDocument {
  return {
    ...emptyFlowDocument(),
    entryStepId: "welcome",
    steps: [
      {
        id: "welcome",
        type: "text",
        title: "Welcome",
        position: { x: 0, y: 0 },
        aliases: ["/start"],
        config: { text: 'Hi {{name | "there"}}! I\'m the Switchboard demo bot.' },
      },
      {
        id: "menu",
        type: "buttons",
        title: "Main menu",
        position: { x: 0, y: 180 },
        aliases: ["/menu", "menu"],
        config: {
          text: "What would you like to do?",
          keyboard: "inline",
          columns: 1,
          retryText: "Please choose one of the options.",
          buttons: [
            { id: "pricing", kind: "goto", label: "💰 Pricing" },
            { id: "contact", kind: "goto", label: "✉️ Leave my email" },
          ],
        },
      },
      {
        id: "pricing",
        type: "text",
        title: "Pricing",
        position: { x: -220, y: 400 },
        aliases: ["/pricing"],
        config: { text: "Switchboard is free while in beta." },
      },
      {
        id: "ask_email",
        type: "free_input",
        title: "Ask email",
        position: { x: 220, y: 400 },
        aliases: [],
        config: {
          text: "What's your email?",
          variable: "email",
          validation: { kind: "email" },
          retryText: "That doesn't look like an email. Try again, e.g. name@example.com",
        },
      },
      {
        id: "thanks",
        type: "text",
        title: "Thanks",
        position: { x: 220, y: 600 },
        aliases: [],
        config: { text: "Thanks! We'll write to {{vars.email}}." },
      },
    ],
    edges: [
      { id: "e_welcome_menu", source: "welcome", sourceHandle: "next", target: "menu" },
      { id: "e_menu_pricing", source: "menu", sourceHandle: "button:pricing", target: "pricing" },
      { id: "e_menu_contact", source: "menu", sourceHandle: "button:contact", target: "ask_email" },
      { id: "e_email_thanks", source: "ask_email", sourceHandle: "next", target: "thanks" },
      // Both answers lead back to the menu, so the conversation never dead-ends.
      { id: "e_pricing_menu", source: "pricing", sourceHandle: "next", target: "menu" },
      { id: "e_thanks_menu", source: "thanks", sourceHandle: "next", target: "menu" },
    ],
  };
}

export function flowFromTemplate(template: FlowTemplate): FlowDocument {
  return template === "welcome" ? welcomeFlow() : emptyFlowDocument();
}
