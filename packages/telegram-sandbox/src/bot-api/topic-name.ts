// Forum topic names cleaned as TDLib cleans them (td/telegram/misc.cpp): control characters become
// spaces, odd blank characters too, the name is trimmed and cut to 128 characters (code points),
// runs of spaces and newlines become one space, and a name of blank characters only is empty.
// Telegram does not refuse a longer name: TDLib cuts it (MAX_FORUM_TOPIC_TITLE_LENGTH = 128).

export const MAX_TOPIC_NAME_LENGTH = 128;

/** Code points strip_empty_characters turns into a space. */
const SPACE_LIKE = new Set([
  0x1680, 0x180e, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x202f, 0x205f, 0x2800, 0x3000, 0xfffc,
]);
/** Characters that show nothing: a name made only of these (and spaces) is empty. */
const INVISIBLE = new Set([0x20, 0x0a, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202e, 0xfeff, 0xa0]);

/** TDLib's trim: spaces, tabs, newlines, carriage returns, form feeds and NULs at both ends. */
function trim(text: string): string {
  return text.replace(/^[ \t\r\n\v\f\0]+|[ \t\r\n\v\f\0]+$/g, "");
}

/** clean_input_string: what TDLib does to every string a request carries. */
function cleanInput(text: string): string {
  let out = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0d) continue;
    if (code <= 0x20 && code !== 0x0a) out += " ";
    else if (code >= 0x2028 && code <= 0x202e) continue;
    else if (code === 0x0333 || code === 0x033f || code === 0x030a) continue;
    else out += char;
  }
  return out;
}

/** The name Telegram stores for a topic; "" when nothing visible is left. */
export function cleanTopicName(raw: string): string {
  let spaced = "";
  for (const char of cleanInput(raw)) {
    const code = char.codePointAt(0) ?? 0;
    // Tag characters (U+E0000–U+E007F) count as spaces too.
    spaced += SPACE_LIKE.has(code) || (code >= 0xe0000 && code <= 0xe007f) ? " " : char;
  }
  const cut = trim([...trim(spaced)].slice(0, MAX_TOPIC_NAME_LENGTH).join(""));
  if ([...cut].every((char) => INVISIBLE.has(char.codePointAt(0) ?? 0))) return "";
  return trim(cut.replace(/[ \n\u00a0]+/g, " "));
}
