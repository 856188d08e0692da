import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@switchboard/db/embedded";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "switchboard-embedded-"));
// As root the server runs as `postgres`, which must be able to enter the folder.
chmodSync(dir, 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("startEmbeddedPostgres when the server can't start", () => {
  it("says why in Postgres's own words (here: the port is taken)", async () => {
    const squatter = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => squatter.once("listening", resolve));
    const port = (squatter.address() as net.AddressInfo).port;
    try {
      const error = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port }).then(
        async (db) => {
          await db.stop();
          return null;
        },
        (err: unknown) => err,
      );
      expect(error).toBeInstanceOf(Error);
      const message = (error as Error).message;
      expect(message).toContain(`did not start on port ${port}`);
      expect(message).toMatch(
        /Postgres said:[\s\S]*could not bind IPv4 address "127\.0\.0\.1": Address already in use/,
      );
      // Only the start's words: initdb's chatter before it is left out.
      expect(message).not.toMatch(/Success\. You can now start the database server/);
    } finally {
      squatter.close();
    }
  }, 60_000);
});
