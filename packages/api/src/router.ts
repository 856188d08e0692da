import { botVariablesRouter } from "./domains/bot-variables/router";
import { botsRouter } from "./domains/bots/router";
import { cannedRouter } from "./domains/canned/router";
import { contactFieldsRouter } from "./domains/contact-fields/router";
import { contactsRouter } from "./domains/contacts/router";
import { conversationsRouter } from "./domains/conversations/router";
import { filesRouter } from "./domains/files/router";
import { flowsRouter } from "./domains/flows/router";
import { inboxRouter } from "./domains/inbox/router";
import { leadsRouter } from "./domains/leads/router";
import { loginRouter } from "./domains/login/router";
import { invitationsRouter, membersRouter } from "./domains/members/router";
import { operatorsRouter } from "./domains/operators/router";
import { presenceRouter } from "./domains/presence/router";
import { realtimeRouter } from "./domains/realtime/router";
import { sandboxRouter } from "./domains/sandbox/router";
import { secretsRouter } from "./domains/secrets/router";
import { webhooksRouter } from "./domains/webhooks/router";
import { workspaceRouter } from "./domains/workspaces/router";
import { router } from "./trpc";

export const appRouter = router({
  workspace: workspaceRouter,
  bots: botsRouter,
  botVariables: botVariablesRouter,
  flows: flowsRouter,
  contactFields: contactFieldsRouter,
  conversations: conversationsRouter,
  inbox: inboxRouter,
  operators: operatorsRouter,
  presence: presenceRouter,
  canned: cannedRouter,
  contacts: contactsRouter,
  leads: leadsRouter,
  login: loginRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  files: filesRouter,
  sandbox: sandboxRouter,
  realtime: realtimeRouter,
  webhooks: webhooksRouter,
  secrets: secretsRouter,
});

export type AppRouter = typeof appRouter;
