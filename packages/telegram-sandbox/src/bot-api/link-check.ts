// The URL check TDLib runs on every button link before a message leaves the Bot API server
// (LinkManager::check_link in tdlib/td). Reproduced because it is what rejects the links a
// developer typically tries first: `http://localhost:3000/...` (a host without a dot) and plain
// http:// for login and Web App buttons, which must be HTTPS.

export type LinkCheck = { ok: true } | { ok: false; reason: string };

/** Schemes TDLib treats as internal links instead of web URLs. */
const INTERNAL_SCHEMES = ["tg:", "ton:", "tonsite:"];

/**
 * Checks a button URL like TDLib. `httpOnly` refuses tg:/ton: links, `httpsOnly` refuses
 * anything but https:// (login and Web App buttons; TDLib relaxes this only on the test DC,
 * which the sandbox does not model). Reasons are TDLib's texts.
 */
export function checkLink(
  link: string,
  options: { httpOnly?: boolean; httpsOnly?: boolean } = {},
): LinkCheck {
  const lower = link.toLowerCase();
  const internal = INTERNAL_SCHEMES.find((scheme) => lower.startsWith(scheme));
  if (internal) {
    if (options.httpsOnly) return fail("Only HTTPS links are allowed");
    if (options.httpOnly) return fail("Only HTTP links are allowed");
    const host = link.slice(internal.length).replace(/^\/\//, "").split(/[/?#]/)[0] ?? "";
    const allowed = internal === "tonsite:" ? /^[A-Za-z0-9_.-]+$/ : /^[A-Za-z0-9_-]+$/;
    if (!allowed.test(host)) return fail("Unallowed characters in URL host");
    return { ok: true };
  }

  // Like TDLib's parse_url: no scheme means http://, any other scheme is refused.
  const scheme = link.match(/^([A-Za-z][A-Za-z0-9+.-]*):\/\//)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https")
    return fail("Unsupported URL protocol");
  let url: URL;
  try {
    url = new URL(scheme === undefined ? `http://${link}` : link);
  } catch {
    return fail("Wrong HTTP URL");
  }
  if (url.hostname === "") return fail("URL host is empty");
  if (options.httpsOnly && url.protocol !== "https:") return fail("Only HTTPS links are allowed");
  // TDLib refuses any host without a dot (localhost, intranet names); IPv6 literals are fine.
  if (!url.hostname.includes(".") && !url.hostname.startsWith("[")) return fail("Wrong HTTP URL");
  return { ok: true };
}

/** TDLib's wording for a refused link: "URL '<link>' is invalid: <reason>". */
export function invalidLinkText(link: string, reason: string): string {
  return `URL '${link}' is invalid: ${reason}`;
}

/** The lower-cased host of an http(s) link (no scheme means http://), or undefined. */
export function linkHost(link: string): string | undefined {
  try {
    const hasScheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(link);
    return new URL(hasScheme ? link : `http://${link}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

function fail(reason: string): LinkCheck {
  return { ok: false, reason };
}
