import { describe, expect, it } from "vitest";
import { alertFor, soundOn } from "./notify";

const counts = (waiting: number, unreadMine = 0) => ({ waiting, unreadMine });

describe("alertFor", () => {
  it("stays quiet on the first counts and when nothing new came", () => {
    expect(alertFor(null, counts(3), true)).toEqual({ notification: null, sound: false });
    expect(alertFor(counts(3), counts(3), true)).toEqual({ notification: null, sound: false });
    expect(alertFor(counts(3), counts(2), true)).toEqual({ notification: null, sound: false });
  });

  it("notifies a hidden tab of a new waiting conversation", () => {
    const alert = alertFor(counts(1), counts(2), true);
    expect(alert.sound).toBe(true);
    expect(alert.notification?.title).toBe("Someone is waiting for an operator");
    expect(alert.notification?.body).toBe("2 waiting in the inbox now.");
    expect(alertFor(counts(0), counts(3), true).notification?.title).toBe("3 new people are waiting");
  });

  it("only beeps while the tab is visible", () => {
    expect(alertFor(counts(1), counts(2), false)).toEqual({ notification: null, sound: true });
  });

  it("tells about new unread chats of the viewer's", () => {
    expect(alertFor(counts(0, 0), counts(0, 1), true).notification?.title).toBe("New message");
  });
});

describe("soundOn", () => {
  it("is off by default", () => {
    expect(soundOn(null)).toBe(false);
    expect(soundOn("off")).toBe(false);
    expect(soundOn("on")).toBe(true);
  });
});
