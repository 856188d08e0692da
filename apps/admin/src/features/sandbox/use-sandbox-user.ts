"use client";

import { useEffect, useMemo, useState } from "react";

const DEFAULT_USER_ID = 100001;
const USER_KEY = "switchboard.sandbox.userId";
const PHONE_KEY = "switchboard.sandbox.phone";
/** A made-up number (555-01xx is reserved for fiction); the user can change it. */
export const DEFAULT_PHONE = "+1 555 010 0100";

/** The simulated Telegram user of the sandbox chat (kept per browser) and the phone they share. */
export function useSandboxUser() {
  const [id, setId] = useState(DEFAULT_USER_ID);
  const [phone, setPhoneState] = useState(DEFAULT_PHONE);
  useEffect(() => {
    const stored = Number(localStorage.getItem(USER_KEY));
    if (Number.isInteger(stored) && stored > 0) setId(stored);
    const storedPhone = localStorage.getItem(PHONE_KEY);
    if (storedPhone) setPhoneState(storedPhone);
  }, []);
  const user = useMemo(
    () => ({
      id,
      first_name: "Sandbox User",
      username: id === DEFAULT_USER_ID ? "sandbox_user" : `sandbox_${id}`,
    }),
    [id],
  );
  const newUser = () => {
    const next = 100_002 + Math.floor(Math.random() * 899_000);
    localStorage.setItem(USER_KEY, String(next));
    setId(next);
  };
  const setPhone = (value: string) => {
    setPhoneState(value);
    localStorage.setItem(PHONE_KEY, value);
  };
  /** What is shared: the typed number, or the default when it is too short to be one. */
  const sharedPhone = phone.trim().length >= 3 ? phone.trim().slice(0, 32) : DEFAULT_PHONE;
  return { user, newUser, phone, setPhone, sharedPhone };
}
