# The runtime (Telegraf) — build context: the repository root.
#   docker build -f docker/runtime.Dockerfile -t switchboard-runtime .
# It applies the database migrations at start, so start it before (or with) the admin.
FROM node:22-bookworm-slim
WORKDIR /app
RUN npm install -g pnpm@10.34.9
COPY . .
RUN pnpm install --frozen-lockfile --filter @switchboard/runtime...
ENV NODE_ENV=production RUNTIME_PORT=3001
EXPOSE 3001
WORKDIR /app/apps/runtime
HEALTHCHECK --interval=10s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3001/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
