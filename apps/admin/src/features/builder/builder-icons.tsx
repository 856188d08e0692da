import { makeIcon as make } from "@/components/ui/icons";

/*
 * The builder's own icons (step types, media, audience, timers), in the style of components/ui/icons:
 * 24x24 strokes in currentColor. Kept here so the shared icon set only grows with what several pages use.
 */
export const ContactCardIcon = make(
  "ContactCardIcon",
  <>
    <rect x="2" y="4" width="20" height="16" rx="2" />
    <circle cx="9" cy="10" r="2.5" />
    <path d="M5 17a4 4 0 0 1 8 0M15 9h4M15 13h3" />
  </>,
);
export const HeadsetIcon = make(
  "HeadsetIcon",
  <>
    <path d="M3 14v-2a9 9 0 0 1 18 0v2" />
    <path d="M21 16a2 2 0 0 1-2 2h-1v-6h1a2 2 0 0 1 2 2ZM3 16a2 2 0 0 0 2 2h1v-6H5a2 2 0 0 0-2 2Z" />
    <path d="M18 18v.5a3.5 3.5 0 0 1-3.5 3.5H12" />
  </>,
);
export const BriefcaseIcon = make(
  "BriefcaseIcon",
  <>
    <rect x="2" y="7" width="20" height="14" rx="2" />
    <path d="M16 7V5a2 2 0 0 0-2-2h-4a2 2 0 0 0-2 2v2M2 13h20" />
  </>,
);
export const CalendarIcon = make(
  "CalendarIcon",
  <>
    <rect x="3" y="4" width="18" height="18" rx="2" />
    <path d="M16 2v4M8 2v4M3 10h18" />
  </>,
);
export const FunnelIcon = make("FunnelIcon", <path d="M22 3H2l8 9.46V19l4 2v-8.54Z" />);
export const TagIcon = make(
  "TagIcon",
  <>
    <path d="M12.6 2.6A2 2 0 0 0 11.2 2H4a2 2 0 0 0-2 2v7.2a2 2 0 0 0 .6 1.4l8.7 8.7a2.4 2.4 0 0 0 3.4 0l6.6-6.6a2.4 2.4 0 0 0 0-3.4Z" />
    <circle cx="7.5" cy="7.5" r="1" />
  </>,
);
export const ImageIcon = make(
  "ImageIcon",
  <>
    <rect x="3" y="3" width="18" height="18" rx="2" />
    <circle cx="9" cy="9" r="2" />
    <path d="m21 15-3.1-3.1a2 2 0 0 0-2.8 0L6 21" />
  </>,
);
export const VideoIcon = make(
  "VideoIcon",
  <>
    <rect x="2" y="6" width="14" height="12" rx="2" />
    <path d="m22 8-6 4 6 4Z" />
  </>,
);
export const MusicIcon = make(
  "MusicIcon",
  <>
    <path d="M9 18V5l12-2v13" />
    <circle cx="6" cy="18" r="3" />
    <circle cx="18" cy="16" r="3" />
  </>,
);
export const FileIcon = make(
  "FileIcon",
  <>
    <path d="M15 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V7Z" />
    <path d="M14 2v5h6" />
  </>,
);
export const HourglassIcon = make(
  "HourglassIcon",
  <>
    <path d="M6 2h12M6 22h12" />
    <path d="M7 2v4l5 6-5 6v4M17 2v4l-5 6 5 6v4" />
  </>,
);
export const FlowJumpIcon = make(
  "FlowJumpIcon",
  <>
    <path d="M4 12h11" />
    <path d="m11 7 5 5-5 5" />
    <path d="M20 4v16" />
  </>,
);
export const WebhookIcon = make(
  "WebhookIcon",
  <>
    <path d="M18 16.98h-5.99c-1.1 0-1.95.94-2.48 1.9A4 4 0 0 1 2 17c.01-.7.2-1.4.57-2" />
    <path d="m6 17 3.13-5.78c.53-.97.1-2.18-.5-3.1a4 4 0 1 1 6.89-4.06" />
    <path d="m12 6 3.13 5.73C15.66 12.7 16.9 13 18 13a4 4 0 0 1 0 8" />
  </>,
);
export const GlobeIcon = make(
  "GlobeIcon",
  <>
    <circle cx="12" cy="12" r="10" />
    <path d="M2 12h20M12 2a15.3 15.3 0 0 1 4 10 15.3 15.3 0 0 1-4 10 15.3 15.3 0 0 1-4-10 15.3 15.3 0 0 1 4-10Z" />
  </>,
);
