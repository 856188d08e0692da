"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { type AlertCounts, alertFor, soundOn } from "./notify";

const SOUND_KEY = "switchboard.inbox.sound";

type Permission = NotificationPermission | "unsupported";

/** A short two-tone beep made with WebAudio (no sound file to ship). */
function beep() {
  try {
    const Ctx =
      window.AudioContext ??
      (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.connect(ctx.destination);
    gain.gain.setValueAtTime(0.0001, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.15, ctx.currentTime + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + 0.32);
    for (const [freq, at] of [
      [880, 0],
      [1320, 0.12],
    ] as const) {
      const osc = ctx.createOscillator();
      osc.type = "sine";
      osc.frequency.value = freq;
      osc.connect(gain);
      osc.start(ctx.currentTime + at);
      osc.stop(ctx.currentTime + at + 0.16);
    }
    setTimeout(() => void ctx.close(), 600);
  } catch {
    // No audio output: nothing to do.
  }
}

/**
 * Tells the operator about new waiting conversations and new messages in their chats: a desktop
 * notification while the tab is hidden (permission asked from a button, never on load) and, when
 * turned on (kept in localStorage, off by default), a beep.
 */
export function useDesktopNotifications(counts: AlertCounts | undefined) {
  const [permission, setPermission] = useState<Permission>("default");
  const [sound, setSound] = useState(false);
  const previous = useRef<AlertCounts | null>(null);

  useEffect(() => {
    setPermission(typeof Notification === "undefined" ? "unsupported" : Notification.permission);
    setSound(soundOn(localStorage.getItem(SOUND_KEY)));
  }, []);

  const waiting = counts?.waiting;
  const unreadMine = counts?.unreadMine;
  useEffect(() => {
    if (waiting === undefined || unreadMine === undefined) return;
    const next = { waiting, unreadMine };
    const alert = alertFor(previous.current, next, document.visibilityState === "hidden");
    previous.current = next;
    if (alert.sound && sound) beep();
    if (alert.notification && permission === "granted") {
      const n = new Notification(alert.notification.title, {
        body: alert.notification.body,
        tag: alert.notification.tag,
      });
      n.onclick = () => {
        window.focus();
        n.close();
      };
    }
  }, [waiting, unreadMine, sound, permission]);

  const requestPermission = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    setPermission(await Notification.requestPermission());
  }, []);

  const toggleSound = useCallback((on: boolean) => {
    localStorage.setItem(SOUND_KEY, on ? "on" : "off");
    setSound(on);
    if (on) beep(); // what it will sound like
  }, []);

  return { permission, requestPermission, sound, toggleSound };
}
