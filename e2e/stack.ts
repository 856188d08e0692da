/**
 * Where the stack under test listens: its own ports, so a developer's running stack is untouched.
 * `E2E_PORT_OFFSET` moves them all, so two runs (two worktrees) can share a machine.
 */
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);

export const E2E_PORTS = {
  admin: 3100 + offset,
  runtime: 3101 + offset,
  sandbox: 8181 + offset,
  postgres: 54429 + offset,
  ready: 3199 + offset,
};

export const E2E = {
  adminUrl: `http://localhost:${E2E_PORTS.admin}`,
  sandboxUrl: `http://127.0.0.1:${E2E_PORTS.sandbox}`,
  readyUrl: `http://127.0.0.1:${E2E_PORTS.ready}/`,
};
