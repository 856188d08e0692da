/*
 * A compact emoji set for message editors: the ones marketers use in bot messages, grouped, each with
 * search words. Built in rather than a picker library: the full Unicode sets (emoji-mart and the like)
 * weigh hundreds of KB of data and UI for a side panel that needs a few dozen; the OS emoji keyboard
 * still works in the text field for anything else.
 */

export interface EmojiGroup {
  label: string;
  /** "emoji search words" pairs. */
  items: [emoji: string, words: string][];
}

export const EMOJI_GROUPS: EmojiGroup[] = [
  {
    label: "Smileys",
    items: [
      ["😀", "grin smile happy"],
      ["😃", "smile happy joy"],
      ["😊", "blush smile happy"],
      ["🙂", "slight smile"],
      ["😉", "wink"],
      ["😍", "heart eyes love"],
      ["🤩", "star struck wow"],
      ["😎", "cool sunglasses"],
      ["🤔", "thinking hmm question"],
      ["😅", "sweat smile relief"],
      ["😂", "joy tears laugh"],
      ["🥳", "party celebrate"],
      ["😇", "angel innocent"],
      ["🙃", "upside down"],
      ["😢", "cry sad"],
      ["😮", "wow surprised"],
      ["😴", "sleep tired"],
      ["🤗", "hug hugging"],
      ["🤝", "handshake deal agreement"],
      ["🙈", "see no evil oops"],
    ],
  },
  {
    label: "Hands",
    items: [
      ["👋", "wave hello hi bye"],
      ["👍", "thumbs up like yes ok"],
      ["👎", "thumbs down no dislike"],
      ["👌", "ok perfect"],
      ["✌️", "victory peace"],
      ["🤞", "fingers crossed luck"],
      ["👏", "clap applause bravo"],
      ["🙌", "raised hands hooray"],
      ["🙏", "pray please thanks"],
      ["💪", "strong muscle"],
      ["👉", "point right"],
      ["👇", "point down"],
      ["☝️", "point up"],
      ["✍️", "write writing"],
    ],
  },
  {
    label: "Symbols",
    items: [
      ["❤️", "heart love red"],
      ["🧡", "orange heart"],
      ["💚", "green heart"],
      ["💙", "blue heart"],
      ["💜", "purple heart"],
      ["✅", "check done yes"],
      ["☑️", "checkbox"],
      ["✔️", "check mark"],
      ["❌", "cross no wrong"],
      ["⚠️", "warning attention"],
      ["❗", "exclamation important"],
      ["❓", "question"],
      ["⭐", "star favorite"],
      ["🌟", "glowing star"],
      ["✨", "sparkles new magic"],
      ["🔥", "fire hot popular"],
      ["💯", "hundred perfect"],
      ["🆕", "new"],
      ["🆓", "free"],
      ["➡️", "arrow right next"],
      ["⬅️", "arrow left back"],
      ["🔝", "top"],
      ["📌", "pin important"],
      ["💡", "idea tip bulb"],
    ],
  },
  {
    label: "Things",
    items: [
      ["🎉", "party tada celebrate"],
      ["🎁", "gift present bonus"],
      ["🏆", "trophy winner"],
      ["🚀", "rocket launch fast"],
      ["💰", "money bag"],
      ["💸", "money sale spend"],
      ["💳", "card payment"],
      ["🛒", "cart shop buy"],
      ["🛍️", "shopping bags"],
      ["🏷️", "tag price label"],
      ["📦", "package delivery box"],
      ["🚚", "truck delivery shipping"],
      ["📅", "calendar date"],
      ["⏰", "alarm clock time"],
      ["⏳", "hourglass wait"],
      ["📞", "phone call"],
      ["📱", "mobile phone"],
      ["✉️", "email envelope mail"],
      ["📧", "email"],
      ["📍", "location pin place"],
      ["🔗", "link"],
      ["🔒", "lock secure"],
      ["🔑", "key"],
      ["📝", "memo note form"],
      ["📊", "chart stats"],
      ["📣", "announcement megaphone"],
      ["🔔", "bell notification"],
      ["🎯", "target goal"],
    ],
  },
  {
    label: "Food & places",
    items: [
      ["☕", "coffee"],
      ["🍕", "pizza"],
      ["🍔", "burger"],
      ["🍰", "cake"],
      ["🍷", "wine"],
      ["🍾", "champagne"],
      ["🏠", "home house"],
      ["🏢", "office building"],
      ["✈️", "plane travel"],
      ["🚗", "car"],
      ["🌍", "world globe earth"],
      ["☀️", "sun weather"],
      ["🌧️", "rain"],
      ["❄️", "snow winter"],
      ["🎄", "christmas tree"],
      ["🌸", "flower spring"],
    ],
  },
];

/** The groups with the emoji whose words contain every word of `query`. */
export function searchEmoji(query: string): EmojiGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return EMOJI_GROUPS;
  return EMOJI_GROUPS.map((g) => ({
    ...g,
    items: g.items.filter(([, w]) => words.every((q) => w.includes(q))),
  })).filter((g) => g.items.length > 0);
}
