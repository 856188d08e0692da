import type { FlowDocument } from "../document";
import { flowOf, step } from "./build";

/**
 * Answers the usual questions from a menu, and from anywhere by keyword: each answer has aliases
 * ("/hours", "opening hours"…), so typing a question jumps straight to its answer.
 */
export function faqFlow(): FlowDocument {
  return flowOf(
    [
      step("text", "hello", "Hello", [0, 0], {
        text: "Hi! I can answer the most common questions. Tap one, or just type it (e.g. “prices”).",
      }),
      step(
        "buttons",
        "menu",
        "Questions",
        [0, 1],
        {
          text: "What would you like to know?",
          keyboard: "inline",
          columns: 2,
          retryText: "Tap a question, or type /menu to see them again.",
          buttons: [
            { id: "hours", kind: "goto", label: "🕘 Opening hours" },
            { id: "prices", kind: "goto", label: "💰 Prices" },
            { id: "delivery", kind: "goto", label: "🚚 Delivery" },
            { id: "human", kind: "goto", label: "🙋 Ask a person" },
          ],
        },
        ["/menu", "menu", "help", "/help"],
      ),
      step(
        "text",
        "hours",
        "Opening hours",
        [-2, 2],
        { text: "We're open Monday to Friday, 9:00–18:00, and Saturday 10:00–14:00." },
        ["/hours", "hours", "opening hours", "open"],
      ),
      step(
        "text",
        "prices",
        "Prices",
        [-1, 2],
        { text: "Plans start at $19 a month; every plan has a free 14-day trial." },
        ["/prices", "prices", "price", "cost"],
      ),
      step(
        "text",
        "delivery",
        "Delivery",
        [0, 2],
        { text: "We deliver in 2–3 business days; orders over $50 ship free." },
        ["/delivery", "delivery", "shipping"],
      ),
      step(
        "route_to_operator",
        "operator",
        "Ask a person",
        [1, 2],
        { text: "Connecting you with a person — one moment, please." },
        ["/human", "human", "operator"],
      ),
      step("text", "busy", "Everyone is busy", [1, 3], {
        text: "Everyone is busy right now. Leave your question here and we'll answer soon.",
      }),
    ],
    [
      ["hello", "next", "menu"],
      ["menu", "button:hours", "hours"],
      ["menu", "button:prices", "prices"],
      ["menu", "button:delivery", "delivery"],
      ["menu", "button:human", "operator"],
      // Every answer offers the menu again.
      ["hours", "next", "menu"],
      ["prices", "next", "menu"],
      ["delivery", "next", "menu"],
      ["operator", "no_operator", "busy"],
      ["operator", "returned", "menu"],
      ["busy", "next", "menu"],
    ],
  );
}
