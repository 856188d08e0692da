import type { FlowDocument } from "../document";
import { flowOf, step } from "./build";

/**
 * Takes an appointment request (service, preferred time, phone), opens a lead for the team, and uses a
 * Schedule step to write back at the next weekday 9:00 round, when requests are confirmed.
 */
export function appointmentFlow(): FlowDocument {
  return flowOf(
    [
      step(
        "buttons",
        "service",
        "Which service?",
        [0, 0],
        {
          text: 'Hi {{name | "there"}}! Which appointment would you like to book?',
          keyboard: "inline",
          columns: 1,
          saveAs: "service",
          retryText: "Please tap one of the services.",
          buttons: [
            { id: "consult", kind: "goto", label: "💬 First consultation" },
            { id: "follow", kind: "goto", label: "🔁 Follow-up visit" },
          ],
        },
        ["/book", "book", "appointment"],
      ),
      step("free_input", "slot", "Preferred time", [0, 1], {
        text: "When would suit you? E.g. “Tuesday afternoon” or “12 May, 10:00”.",
        variable: "slot",
        validation: { kind: "text", min: 3, max: 120 },
        retryText: "Please tell us a day and a time, e.g. “Friday morning”.",
      }),
      step("update_contact", "phone", "Ask phone", [0, 2], {
        text: "What's the best number to confirm the appointment?",
        field: { kind: "contact", key: "phone" },
        shareButtonLabel: "📱 Share my phone number",
        retryText: "Tap the button below, or type your number like +1 555 123 4567.",
        confirmText: "",
        addTags: ["appointment"],
        removeTags: [],
      }),
      step("create_lead", "lead", "Create lead", [0, 3], {
        title: "{{vars.service}}: {{vars.slot}}",
        owner: { kind: "contact_owner" },
        stageId: null,
        tags: ["appointment"],
        text: "",
      }),
      step("text", "received", "Request received", [0, 4], {
        text: "Thanks! We confirm requests every weekday at 9:00 — you'll hear from us then.",
      }),
      step("schedule", "confirm_round", "Weekday 9:00 round", [0, 5], {
        text: "Good morning! We're confirming your {{vars.service}} for “{{vars.slot}}” now; expect a call shortly. 📅",
        startAt: "2026-01-05T09:00",
        repeat: { kind: "weekly", days: [1, 2, 3, 4, 5], time: "09:00" },
      }),
      step("buttons", "more", "Anything else?", [0, 6], {
        text: "Anything else?",
        keyboard: "inline",
        columns: 1,
        retryText: "Please tap one of the buttons.",
        buttons: [
          { id: "again", kind: "goto", label: "📅 Book another" },
          { id: "human", kind: "goto", label: "🙋 Talk to a person" },
        ],
      }),
      step("route_to_operator", "operator", "Operator", [1, 7], {
        text: "Connecting you with a person — one moment, please.",
      }),
      step("text", "busy", "Everyone is busy", [0, 8], {
        text: "Everyone is busy right now; we'll write back here as soon as we can.",
      }),
    ],
    [
      ["service", "button:consult", "slot"],
      ["service", "button:follow", "slot"],
      ["slot", "next", "phone"],
      ["phone", "next", "lead"],
      ["lead", "next", "received"],
      ["received", "next", "confirm_round"],
      ["confirm_round", "next", "more"],
      ["more", "button:again", "service"],
      ["more", "button:human", "operator"],
      ["operator", "no_operator", "busy"],
      ["operator", "returned", "more"],
      ["busy", "next", "more"],
    ],
  );
}
