import type { FlowDocument } from "../document";
import { flowOf, step } from "./build";

/**
 * Qualifies a lead by budget with a Condition: big budgets get a lead and a person right away,
 * small ones a self-serve answer. Shows number validation, branching and the hand-over to an operator.
 */
export function qualifyFlow(): FlowDocument {
  return flowOf(
    [
      step("text", "hello", "Hello", [0, 0], {
        text: 'Hi {{name | "there"}}! Two quick questions so we can point you to the right plan.',
      }),
      step("free_input", "team", "Team size", [0, 1], {
        text: "How many people are on your team?",
        variable: "team_size",
        validation: { kind: "number", min: 1, max: 100000 },
        retryText: "Please answer with a number, e.g. 12.",
      }),
      step("free_input", "budget", "Monthly budget", [0, 2], {
        text: "And your monthly budget in dollars?",
        variable: "budget",
        validation: { kind: "number", min: 0 },
        retryText: "Please answer with a number, e.g. 500.",
      }),
      step("condition", "qualified", "Qualified?", [0, 3], {
        branches: [
          {
            id: "hot",
            name: "Budget over $999",
            combine: "all",
            rules: [{ subject: "vars.budget", op: "greater", value: "999" }],
          },
        ],
      }),
      step("create_lead", "lead", "Hot lead", [-1, 4], {
        title: 'Team of {{vars.team_size}}, budget {{vars.budget}} USD/month — {{name | "Telegram"}}',
        owner: { kind: "contact_owner" },
        stageId: null,
        tags: ["qualified"],
        text: "",
      }),
      step("route_to_operator", "sales", "Sales", [-1, 5], {
        text: "You're a great fit for our Business plan — connecting you with our sales team now.",
      }),
      step("text", "self_serve", "Self-serve", [1, 4], {
        text: "Our Starter plan fits you best: start free at https://example.com/signup. 🚀",
      }),
      step("buttons", "more", "Anything else?", [0, 6], {
        text: "Anything else?",
        keyboard: "inline",
        columns: 1,
        retryText: "Please tap one of the buttons.",
        buttons: [
          { id: "again", kind: "goto", label: "🔁 Start over" },
          { id: "human", kind: "goto", label: "🙋 Talk to a person" },
        ],
      }),
      step("text", "busy", "Everyone is busy", [-2, 6], {
        text: "Everyone is busy right now; we'll write back here as soon as we can.",
      }),
    ],
    [
      ["hello", "next", "team"],
      ["team", "next", "budget"],
      ["budget", "next", "qualified"],
      ["qualified", "branch:hot", "lead"],
      ["qualified", "else", "self_serve"],
      ["lead", "next", "sales"],
      ["sales", "no_operator", "busy"],
      ["sales", "returned", "more"],
      ["busy", "next", "more"],
      ["self_serve", "next", "more"],
      ["more", "button:again", "team"],
      ["more", "button:human", "sales"],
    ],
  );
}
