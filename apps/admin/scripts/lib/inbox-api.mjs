// API helpers for the inbox's scripted checks: signing in as a member, a tRPC client with that
// cookie, and a fresh sandbox bot whose flow hands every user to an operator.
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import { base } from "./browser.mjs";

export async function cookieFor(email, password, name) {
  const headers = { "content-type": "application/json", origin: base };
  let res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok && name)
    res = await fetch(`${base}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password, name }),
    });
  if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

export const clientFor = (cookie) =>
  createTRPCClient({
    links: [httpBatchLink({ url: `${base}/api/trpc`, transformer: superjson, headers: { cookie } })],
  });

const step = (id, type, x, y, config, aliases = []) => ({
  id,
  type,
  title: "",
  position: { x, y },
  aliases,
  config,
});

/** Hello → an operator; when handed back, a "back with the bot" text; `thanks` can be chosen too. */
export const routeFlow = {
  format: "switchboard.flow",
  version: 1,
  entryStepId: "hello",
  steps: [
    step("hello", "text", 0, 0, { text: "Hi! Let me find a person for you." }, ["/start"]),
    step("operator", "route_to_operator", 0, 160, {
      text: "Connecting you with a person — one moment, please.",
    }),
    step("back", "text", -200, 320, { text: "You're back with the bot." }),
    step("thanks", "text", 200, 320, { text: "Thanks for your feedback! Anything else?" }),
  ],
  edges: [
    { id: "e1", source: "hello", sourceHandle: "next", target: "operator" },
    { id: "e2", source: "operator", sourceHandle: "returned", target: "back" },
    { id: "e3", source: "operator", sourceHandle: "no_operator", target: "back" },
  ],
};

/** A new sandbox bot running a new published copy of `routeFlow`. */
export async function routeBot(api, username) {
  const bot = await api.sandbox.createBot.mutate({ username });
  const { id } = await api.flows.create.mutate({ name: `Route ${username}` });
  await api.flows.saveDraft.mutate({ id, draft: routeFlow });
  const published = await api.flows.publish.mutate({ id });
  if (!published.ok) throw new Error(`the flow did not publish: ${JSON.stringify(published.problems)}`);
  await api.bots.update.mutate({ id: bot.id, entryFlowId: id });
  return bot;
}
