# The admin (Next.js) — build context: the repository root.
#   docker build -f docker/admin.Dockerfile -t switchboard-admin .
FROM node:22-bookworm-slim AS build
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile \
 && pnpm --filter @switchboard/admin build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production ADMIN_PORT=3000
COPY --from=build /app /app
EXPOSE 3000
WORKDIR /app/apps/admin
# server.mjs, not `next start`: it resolves the client's address for the sign-in rate limit. Behind a
# reverse proxy, set TRUSTED_PROXIES to its address(es) so X-Forwarded-For is read (see README).
CMD ["node", "server.mjs"]
