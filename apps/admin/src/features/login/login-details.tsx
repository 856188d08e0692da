import { dateTime } from "@/lib/format";
import type { RouterOutputs } from "@/lib/trpc";

type Info = RouterOutputs["login"]["describe"];

/** What the link is: the bot, the Telegram user, the workspace, until when it works. */
export function LoginDetails({ info }: { info: Info }) {
  const rows = [
    { label: "Bot", value: `@${info.botUsername}`, testId: "login-bot" },
    { label: "Telegram user", value: info.telegramName || "—", testId: "login-telegram-name" },
    { label: "Workspace", value: info.workspaceName, testId: "login-workspace" },
    { label: "Link works until", value: dateTime(info.expiresAt), testId: "login-expires" },
  ];
  return (
    <dl className="mt-5 divide-y divide-zinc-100 rounded-lg bg-zinc-50 px-3 text-sm ring-1 ring-zinc-200">
      {rows.map((r) => (
        <div key={r.label} className="flex items-center justify-between gap-3 py-2">
          <dt className="text-zinc-500">{r.label}</dt>
          <dd className="truncate text-right font-medium text-zinc-900" data-testid={r.testId}>
            {r.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
