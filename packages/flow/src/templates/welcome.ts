import { emptyFlowDocument, type FlowDocument } from "../document";

/**
 * A small flow that shows the main card steps: a greeting, a menu, a validated question, and "talk to a
 * person": the phone (Update contact, merged by phone), a lead with the transcript, then an operator.
 */
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
            { id: "human", kind: "goto", label: "🙋 Talk to a person" },
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
      {
        id: "ask_phone",
        type: "update_contact",
        title: "Ask phone",
        position: { x: 660, y: 400 },
        aliases: ["/call"],
        config: {
          text: "Happy to connect you! Share your phone number so we can call back if we miss you.",
          field: { kind: "contact", key: "phone" },
          shareButtonLabel: "📱 Share my phone number",
          retryText: "Tap the button below, or type your number like +1 555 123 4567.",
          confirmText: "Thanks, {{name}}!",
          addTags: ["wants-a-call"],
          removeTags: [],
        },
      },
      {
        id: "lead",
        type: "create_lead",
        title: "Lead",
        position: { x: 660, y: 600 },
        aliases: [],
        config: {
          title: 'Call request from {{name | "Telegram"}}',
          owner: { kind: "contact_owner" },
          stageId: null,
          tags: ["telegram"],
          text: "",
        },
      },
      {
        id: "operator",
        type: "route_to_operator",
        title: "Operator",
        position: { x: 660, y: 800 },
        aliases: [],
        config: { text: "Connecting you with a person — one moment, please." },
      },
      {
        id: "callback",
        type: "text",
        title: "We'll call back",
        position: { x: 440, y: 1000 },
        aliases: [],
        config: { text: "We'll call you back as soon as someone is free." },
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
      { id: "e_menu_human", source: "menu", sourceHandle: "button:human", target: "ask_phone" },
      { id: "e_phone_lead", source: "ask_phone", sourceHandle: "next", target: "lead" },
      { id: "e_lead_operator", source: "lead", sourceHandle: "next", target: "operator" },
      { id: "e_operator_none", source: "operator", sourceHandle: "no_operator", target: "callback" },
      { id: "e_operator_back", source: "operator", sourceHandle: "returned", target: "menu" },
      { id: "e_callback_menu", source: "callback", sourceHandle: "next", target: "menu" },
    ],
  };
}
