import { makeIcon } from "@/components/ui/icons";

/** "x =": a variable being set. */
export const SetValuesIcon = makeIcon(
  "SetValuesIcon",
  <>
    <path d="M4 7l5 10M9 7l-5 10" />
    <path d="M13 10h7M13 14h7" />
  </>,
);
