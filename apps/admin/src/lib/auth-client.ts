"use client";

import { createAuthClient } from "better-auth/react";

/** Same origin as the admin app: better-auth's handler lives at /api/auth. */
export const authClient = createAuthClient();
