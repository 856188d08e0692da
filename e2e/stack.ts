/** Where the stack under test listens (its own ports, so a developer's running stack is untouched). */
export const E2E = {
  adminUrl: "http://localhost:3100",
  sandboxUrl: "http://127.0.0.1:8181",
  readyUrl: "http://127.0.0.1:3199/",
};
