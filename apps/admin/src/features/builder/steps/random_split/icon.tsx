import { makeIcon } from "@/components/ui/icons";

/** Shuffle arrows. */
export const RandomSplitIcon = makeIcon(
  "RandomSplitIcon",
  <>
    <path d="M16 3h5v5M4 20L21 3" />
    <path d="M21 16v5h-5M15 15l6 6M4 4l5 5" />
  </>,
);
