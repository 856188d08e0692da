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
CMD ["node", "node_modules/next/dist/bin/next", "start", "-p", "3000"]
