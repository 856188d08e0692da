import type { FlowDocument } from "../document";
import { flowOf, step } from "./build";

/** Qualifies interest with one tap, then collects email and phone into the contact and opens a lead. */
export function leadCaptureFlow(): FlowDocument {
  return flowOf(
    [
      step("text", "hello", "Hello", [0, 0], { text: 'Hi {{name | "there"}}! 👋 Thanks for stopping by.' }, [
        "/start",
      ]),
      step(
        "buttons",
        "interest",
        "Interested?",
        [0, 1],
        {
          text: "Would you like a free quote for your project?",
          keyboard: "inline",
          columns: 1,
          retryText: "Please tap one of the buttons.",
          buttons: [
            { id: "quote", kind: "goto", label: "✅ Yes, send me a quote" },
            { id: "browse", kind: "goto", label: "👀 Just looking" },
          ],
        },
        ["/quote", "quote"],
      ),
      step("text", "browsing", "Just looking", [-1, 2], {
        text: "No problem! Type /quote whenever you're ready.",
      }),
      step("update_contact", "ask_email", "Ask email", [1, 2], {
        text: "Great! What's your email address?",
        field: { kind: "contact", key: "email" },
        shareButtonLabel: "📱 Share my phone number",
        retryText: "That doesn't look like an email. Try again, e.g. name@example.com",
        confirmText: "",
        addTags: [],
        removeTags: [],
      }),
      step("update_contact", "ask_phone", "Ask phone", [1, 3], {
        text: "And a phone number, in case it's quicker to call?",
        field: { kind: "contact", key: "phone" },
        shareButtonLabel: "📱 Share my phone number",
        retryText: "Tap the button below, or type your number like +1 555 123 4567.",
        confirmText: "",
        addTags: ["quote-request"],
        removeTags: [],
      }),
      step("create_lead", "lead", "Create lead", [1, 4], {
        title: 'Quote request from {{name | "Telegram"}}',
        owner: { kind: "contact_owner" },
        stageId: null,
        tags: ["telegram", "quote"],
        text: "",
      }),
      step("text", "thanks", "Thanks", [1, 5], {
        text: "Thank you! We'll send your quote within one business day. 🙌",
      }),
      step("buttons", "more", "Anything else?", [1, 6], {
        text: "Anything else I can help with?",
        keyboard: "inline",
        columns: 1,
        retryText: "Please tap one of the buttons.",
        buttons: [
          { id: "again", kind: "goto", label: "🔁 Another quote" },
          { id: "human", kind: "goto", label: "🙋 Talk to a person" },
        ],
      }),
      step("route_to_operator", "operator", "Operator", [2, 7], {
        text: "Connecting you with a person — one moment, please.",
      }),
      step("text", "busy", "Everyone is busy", [1, 8], {
        text: "Everyone is busy right now; we'll write back here as soon as we can.",
      }),
    ],
    [
      ["hello", "next", "interest"],
      ["interest", "button:quote", "ask_email"],
      ["interest", "button:browse", "browsing"],
      // Both ends go back to the question, so the conversation never dead-ends.
      ["browsing", "next", "interest"],
      ["ask_email", "next", "ask_phone"],
      ["ask_phone", "next", "lead"],
      ["lead", "next", "thanks"],
      ["thanks", "next", "more"],
      ["more", "button:again", "ask_email"],
      ["more", "button:human", "operator"],
      ["operator", "no_operator", "busy"],
      ["operator", "returned", "more"],
      ["busy", "next", "more"],
    ],
  );
}
