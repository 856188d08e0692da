import { postgresConnection } from "@switchboard/db";
import { describe, expect, it } from "vitest";

describe("postgresConnection", () => {
  it("turns libpq's ?host=/dir into postgres.js's socket path, on the URL's port", () => {
    expect(postgresConnection("postgres://u:p%40ss@localhost:6543/app?host=/tmp")).toEqual({
      url: "postgres://u:p%40ss@localhost:6543/app",
      path: "/tmp/.s.PGSQL.6543",
    });
  });

  it("uses Postgres's default port, drops a trailing slash and keeps other parameters", () => {
    expect(
      postgresConnection("postgres://u@localhost/app?host=/var/run/postgresql/&sslmode=disable"),
    ).toEqual({
      url: "postgres://u@localhost/app?sslmode=disable",
      path: "/var/run/postgresql/.s.PGSQL.5432",
    });
  });

  it("leaves a TCP URL, a host name in ?host and a malformed URL alone", () => {
    expect(postgresConnection("postgres://u@db.internal:5432/app")).toEqual({
      url: "postgres://u@db.internal:5432/app",
    });
    expect(postgresConnection("postgres://u@x/app?host=db.internal")).toEqual({
      url: "postgres://u@x/app?host=db.internal",
    });
    expect(postgresConnection("not a url")).toEqual({ url: "not a url" });
  });
});
