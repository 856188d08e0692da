import { describe, expect, it } from "vitest";
import { allTimeZones, searchTimeZones, utcOffset, zoneLabel } from "./time-zones";

describe("allTimeZones", () => {
  it("has the IANA zones and UTC", () => {
    const zones = allTimeZones();
    expect(zones).toContain("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect(zones).toContain("America/New_York");
    expect(new Set(zones).size).toBe(zones.length);
  });
});

describe("utcOffset / zoneLabel", () => {
  const winter = new Date("2026-01-15T12:00:00Z");
  const summer = new Date("2026-07-15T12:00:00Z");

  it("gives the offset at that moment", () => {
    expect(utcOffset("Europe/Berlin", winter)).toBe("+01:00");
    expect(utcOffset("Europe/Berlin", summer)).toBe("+02:00");
    expect(utcOffset("UTC", winter)).toBe("+00:00");
    expect(utcOffset("Asia/Kolkata", winter)).toBe("+05:30");
    expect(utcOffset("Not/AZone", winter)).toBe("");
  });

  it("labels a zone with spaces and its offset", () => {
    expect(zoneLabel("America/New_York", winter)).toBe("America/New York (UTC-05:00)");
    expect(zoneLabel("Not/A_Zone", winter)).toBe("Not/A Zone");
  });
});

describe("searchTimeZones", () => {
  const zones = ["UTC", "America/New_York", "America/Los_Angeles", "Europe/Berlin", "Asia/Bangkok"];

  it("keeps everything for an empty query", () => {
    expect(searchTimeZones(zones, "  ")).toEqual(zones);
  });

  it("matches words anywhere, ignoring case, _ and /", () => {
    expect(searchTimeZones(zones, "new york")).toEqual(["America/New_York"]);
    expect(searchTimeZones(zones, "NEW_YORK")).toEqual(["America/New_York"]);
    expect(searchTimeZones(zones, "america los")).toEqual(["America/Los_Angeles"]);
    expect(searchTimeZones(zones, "mars")).toEqual([]);
  });

  it("puts cities starting with the query first", () => {
    expect(searchTimeZones(zones, "b")).toEqual(["Europe/Berlin", "Asia/Bangkok"]);
    expect(searchTimeZones(zones, "ban")).toEqual(["Asia/Bangkok"]);
    expect(searchTimeZones(["Europe/Ber_lin", "America/Berlin"], "ber")[0]).toBe("Europe/Ber_lin");
  });
});
