import { type NextRequest, NextResponse } from "next/server";
import { contentSecurityPolicy, makeNonce } from "@/server/security-headers";

/**
 * A Content-Security-Policy with a fresh nonce on every page. Next reads the nonce from the request's
 * CSP header and puts it on the scripts it renders, so the header goes on the request and the response.
 */
export function proxy(request: NextRequest) {
  const csp = contentSecurityPolicy({ nonce: makeNonce(), dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not the API (JSON and files), not Next's static files, not prefetches.
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|icon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
