// A sandbox started with a stateFile keeps its world across a restart: a bot made through the
// control API still answers getMe with its token, its chat history and unfetched updates are there,
// and a supergroup with its topic survives. Without a stateFile nothing is kept (the default).

import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SandboxClient } from "../src/control-client";
import { type Sandbox, startSandbox } from "../src/index";
import { ALICE, BOB, callApi, ok } from "./helpers";

const TOKEN = `424242:${"P".repeat(35)}`;
const dirs: string[] = [];
const running: Sandbox[] = [];

function stateFileIn(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sandbox-state-"));
  dirs.push(dir);
  return path.join(dir, "nested", "sandbox.json");
}

async function start(stateFile?: string): Promise<{ sandbox: Sandbox; client: SandboxClient }> {
  const sandbox = await startSandbox(stateFile ? { stateFile } : {});
  running.push(sandbox);
  return { sandbox, client: new SandboxClient(sandbox.url) };
}

afterEach(async () => {
  for (const s of running.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("sandbox state file", () => {
  it("keeps bots, chat history, unfetched updates and supergroups across a restart", async () => {
    const file = stateFileIn();
    const first = await start(file);
    await first.client.registerBot({ token: TOKEN, username: "kept_bot", firstName: "Kept" });
    await first.client.sendText({ token: TOKEN, from: ALICE, text: "hello" });
    await ok(first.sandbox, "sendMessage", { chat_id: ALICE.id, text: "Hi Alice!" }, TOKEN);
    const [update] = await ok<{ update_id: number }[]>(first.sandbox, "getUpdates", {}, TOKEN);
    await ok(first.sandbox, "getUpdates", { offset: update!.update_id + 1 }, TOKEN); // confirmed
    await first.client.sendText({ token: TOKEN, from: BOB, text: "not fetched yet" });
    const group = await first.client.createSupergroup({ title: "Operators", owner: ALICE, isForum: true });
    await first.client.addBotToSupergroup({
      token: TOKEN,
      chatId: group.id,
      status: "administrator",
      rights: { can_manage_topics: true },
    });
    const topic = await ok<{ message_thread_id: number }>(
      first.sandbox,
      "createForumTopic",
      { chat_id: group.id, name: "Alice" },
      TOKEN,
    );
    const before = await ok<{ update_id: number }[]>(first.sandbox, "getUpdates", {}, TOKEN);
    await first.sandbox.close();
    running.splice(0);

    const second = await start(file);
    expect(await ok(second.sandbox, "getMe", {}, TOKEN)).toMatchObject({
      id: 424242,
      username: "kept_bot",
      first_name: "Kept",
    });
    const history = await second.client.getMessages({ token: TOKEN, chatId: ALICE.id });
    expect(history.map((m) => [m.from_bot, m.text])).toEqual([
      [false, "hello"],
      [true, "Hi Alice!"],
    ]);
    // Only the unconfirmed update is handed out again, under its own id.
    const pending = await ok<{ update_id: number; message?: { text?: string } }[]>(
      second.sandbox,
      "getUpdates",
      {},
      TOKEN,
    );
    expect(pending.map((u) => u.update_id)).toEqual(before.map((u) => u.update_id));
    expect(pending[0]!.message?.text).toBe("not fetched yet");
    expect(pending[0]!.update_id).toBeGreaterThan(update!.update_id);
    // New messages continue the chat's numbering.
    const next = await ok<{ message_id: number }>(
      second.sandbox,
      "sendMessage",
      { chat_id: ALICE.id, text: "again" },
      TOKEN,
    );
    expect(next.message_id).toBe(history[1]!.message_id + 1);
    const kept = await second.client.getSupergroup({ chatId: group.id });
    expect(kept.topics.map((t) => [t.message_thread_id, t.name])).toEqual([
      [topic.message_thread_id, "Alice"],
    ]);
    expect(
      (await ok(second.sandbox, "getChat", { chat_id: group.id }, TOKEN)) as { is_forum?: boolean },
    ).toMatchObject({ is_forum: true });
  });

  it("writes atomically a moment after a change, without leftovers", async () => {
    const file = stateFileIn();
    const { client } = await start(file);
    await client.registerBot({ token: TOKEN, username: "kept_bot" });
    const deadline = Date.now() + 5000;
    while (!existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const saved = JSON.parse(readFileSync(file, "utf8")) as { bots: { token: string }[] };
    expect(saved.bots.map((b) => b.token)).toEqual([TOKEN]);
    expect(readdirSync(path.dirname(file))).toEqual(["sandbox.json"]);
  });

  it("moves an unreadable file aside and starts empty", async () => {
    const file = stateFileIn();
    const first = await start(file);
    await first.sandbox.close();
    running.splice(0);
    writeFileSync(file, "{ not json");
    const { sandbox } = await start(file);
    expect((await callApi(sandbox, "getMe", {}, { token: TOKEN })).status).toBe(401);
    expect(readdirSync(path.dirname(file)).some((f) => f.startsWith("sandbox.json.corrupt-"))).toBe(true);
  });

  it("keeps nothing without a state file", async () => {
    const first = await start();
    await first.client.registerBot({ token: TOKEN, username: "gone_bot" });
    await first.sandbox.close();
    running.splice(0);
    const { sandbox } = await start();
    expect((await callApi(sandbox, "getMe", {}, { token: TOKEN })).status).toBe(401);
  });
});
