import { toNextJsHandler } from "better-auth/next-js";
import { getAuth } from "@/server/auth";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

const handler = (request: Request) => toNextJsHandler(getAuth()).POST(request);

export { handler as GET, handler as POST };
