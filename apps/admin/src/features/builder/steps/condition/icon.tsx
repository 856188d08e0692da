import { makeIcon } from "@/components/ui/icons";

/** A fork: one path in, two out. */
export const ConditionIcon = makeIcon(
  "ConditionIcon",
  <>
    <circle cx="6" cy="12" r="2" />
    <path d="M8 12h4l6-6M12 12l6 6" />
    <path d="M15 6h3v3M15 18h3v-3" />
  </>,
);
