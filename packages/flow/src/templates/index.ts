import { emptyFlowDocument, type FlowDocument } from "../document";
import { type StepType, stepRegistry } from "../steps/registry";
import { appointmentFlow } from "./appointment";
import { faqFlow } from "./faq";
import { feedbackFlow } from "./feedback";
import { leadCaptureFlow } from "./lead-capture";
import { qualifyFlow } from "./qualify";
import { welcomeFlow } from "./welcome";

export { appointmentFlow, faqFlow, feedbackFlow, leadCaptureFlow, qualifyFlow, welcomeFlow };

/*
 * The one place flow templates live: the new-flow gallery shows them, the API creates flows from them,
 * and a unit test compiles each and requires zero problems, so every template publishes as it is.
 */

export const FLOW_TEMPLATES = [
  "empty",
  "lead_capture",
  "faq",
  "appointment",
  "feedback",
  "qualify",
  "welcome",
] as const;
export type FlowTemplate = (typeof FLOW_TEMPLATES)[number];

export interface FlowTemplateInfo {
  id: FlowTemplate;
  name: string;
  description: string;
  build: () => FlowDocument;
}

export const FLOW_TEMPLATE_INFO: readonly FlowTemplateInfo[] = [
  {
    id: "empty",
    name: "Blank flow",
    description: "Start from an empty canvas.",
    build: emptyFlowDocument,
  },
  {
    id: "lead_capture",
    name: "Lead capture",
    description: "Asks whether they want a quote, saves email and phone to the contact and opens a lead.",
    build: leadCaptureFlow,
  },
  {
    id: "faq",
    name: "FAQ with keywords",
    description: "A menu of answers that also open when someone types “prices” or “/hours”.",
    build: faqFlow,
  },
  {
    id: "appointment",
    name: "Appointment request",
    description: "Service, preferred time and phone; a lead for the team and a weekday 9:00 confirmation.",
    build: appointmentFlow,
  },
  {
    id: "feedback",
    name: "Feedback survey",
    description: "A one-tap rating; happy customers get an A/B-tested ask, unhappy ones a follow-up.",
    build: feedbackFlow,
  },
  {
    id: "qualify",
    name: "Lead qualification",
    description: "Team size and budget; big budgets go to sales as a lead, small ones to self-serve.",
    build: qualifyFlow,
  },
  {
    id: "welcome",
    name: "Welcome menu",
    description: "A greeting and a menu: pricing, leave an email, or talk to a person.",
    build: welcomeFlow,
  },
];

export function flowFromTemplate(template: FlowTemplate): FlowDocument {
  return (FLOW_TEMPLATE_INFO.find((t) => t.id === template) ?? FLOW_TEMPLATE_INFO[0]!).build();
}

/** What a gallery card shows about a template: its size and the kinds of steps it uses. */
export interface TemplatePreview {
  id: FlowTemplate;
  name: string;
  description: string;
  stepCount: number;
  /** Labels of the step types it uses, most used first ("Buttons", "Free input"…). */
  stepKinds: string[];
}

export function templatePreview(info: FlowTemplateInfo): TemplatePreview {
  const doc = info.build();
  const counts = new Map<StepType, number>();
  for (const s of doc.steps) counts.set(s.type, (counts.get(s.type) ?? 0) + 1);
  const stepKinds = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([type]) => stepRegistry[type].label);
  return {
    id: info.id,
    name: info.name,
    description: info.description,
    stepCount: doc.steps.length,
    stepKinds,
  };
}

export const TEMPLATE_PREVIEWS: readonly TemplatePreview[] = FLOW_TEMPLATE_INFO.map(templatePreview);
