import type { FlowDocument } from "../document";
import { flowOf, step } from "./build";

/**
 * A one-tap rating, then a follow-up that fits it. Happy customers go through a Random split that
 * A/B-tests two asks (a public review or a referral); unhappy ones are asked what to improve and
 * their answer goes to the team as a lead.
 */
export function feedbackFlow(): FlowDocument {
  return flowOf(
    [
      step(
        "buttons",
        "rating",
        "Rating",
        [0, 0],
        {
          text: 'Hi {{name | "there"}}! How was your experience with us?',
          keyboard: "inline",
          columns: 3,
          saveAs: "rating",
          retryText: "Please tap one of the faces.",
          buttons: [
            { id: "great", kind: "goto", label: "😍 Great" },
            { id: "ok", kind: "goto", label: "🙂 OK" },
            { id: "bad", kind: "goto", label: "😞 Bad" },
          ],
        },
        ["/feedback", "feedback"],
      ),
      step("random_split", "ask_test", "Which ask works?", [-1, 1], {
        branches: [
          { id: "review", label: "Review", weight: 1 },
          { id: "referral", label: "Referral", weight: 1 },
        ],
      }),
      step("buttons", "review", "Ask for a review", [-2, 2], {
        text: "Wonderful! Would you tell others in a short review? It helps us a lot. ⭐",
        keyboard: "inline",
        columns: 1,
        retryText: "Tap a button below.",
        buttons: [
          { id: "write", kind: "url", label: "✍️ Write a review", url: "https://example.com/review" },
          { id: "done", kind: "goto", label: "Maybe later" },
        ],
      }),
      step("buttons", "referral", "Ask for a referral", [-1, 2], {
        text: "So glad to hear it! Know someone who'd like us too? Share this link: https://example.com/invite 🎁",
        keyboard: "inline",
        columns: 1,
        retryText: "Tap a button below.",
        buttons: [{ id: "done", kind: "goto", label: "👍 Will do" }],
      }),
      step("free_input", "improve", "What to improve", [1, 1], {
        text: "Sorry it wasn't perfect. What could we do better?",
        variable: "improvement",
        validation: { kind: "text", min: 2, max: 1000 },
        retryText: "A few words are enough — what could we do better?",
      }),
      step("create_lead", "follow_up", "Follow-up for the team", [1, 2], {
        title: "Feedback ({{vars.rating}}): {{vars.improvement}}",
        owner: { kind: "contact_owner" },
        stageId: null,
        tags: ["feedback"],
        text: "",
      }),
      step("text", "thanks", "Thanks", [0, 3], {
        text: "Thank you for your feedback! 💛 Type /feedback any time to tell us more.",
      }),
    ],
    [
      ["rating", "button:great", "ask_test"],
      ["rating", "button:ok", "improve"],
      ["rating", "button:bad", "improve"],
      ["ask_test", "branch:review", "review"],
      ["ask_test", "branch:referral", "referral"],
      ["review", "button:done", "thanks"],
      ["referral", "button:done", "thanks"],
      ["improve", "next", "follow_up"],
      ["follow_up", "next", "thanks"],
      // Back to the rating, which waits: a new answer updates the feedback.
      ["thanks", "next", "rating"],
    ],
  );
}
