import { EnvError } from "@switchboard/core";
import { describe, expect, it } from "vitest";
import { checkAdminEnv } from "./env";

const DB = "postgresql://localhost:5432/switchboard";

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    checkAdminEnv(env);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  throw new Error("expected an EnvError");
}

describe("admin environment", () => {
  it("accepts a development setup with DATABASE_URL alone", () => {
    expect(checkAdminEnv({ DATABASE_URL: DB, NODE_ENV: "development" })).toMatchObject({
      DATABASE_URL: DB,
      ADMIN_PORT: 3000,
      ADMIN_URL: null,
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      METRICS_TOKEN: null,
    });
  });

  it("lists every problem at once, the production secret included", () => {
    expect(
      problemsOf({
        NODE_ENV: "production",
        ADMIN_PORT: "abc",
        ADMIN_URL: "localhost:3000",
        SANDBOX_URL: "ftp://x",
      }),
    ).toEqual([
      "DATABASE_URL is not set (a postgres:// URL).",
      "ADMIN_URL must be an http(s) URL like https://example.com, got 'localhost:3000'.",
      "ADMIN_PORT must be a port number (1-65535), got 'abc'.",
      "SANDBOX_URL must be an http(s) URL like https://example.com, got 'ftp://x'.",
      "SWITCHBOARD_SECRET is not set (required in production: a long random string).",
    ]);
  });

  it("wants a secret and a metrics token long enough to be secret", () => {
    expect(problemsOf({ DATABASE_URL: DB, SWITCHBOARD_SECRET: "abc", METRICS_TOKEN: "t" })).toEqual([
      "SWITCHBOARD_SECRET must be at least 16 characters long, it has 3.",
      "METRICS_TOKEN must be at least 16 characters long, it has 1.",
    ]);
  });
});
