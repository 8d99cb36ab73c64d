# The seeds' three-stage Next.js template (../../shared/seeds/003_*.txt, "Frontend (Next.js 16 Standalone) Template"), moved from
# node:20-alpine to node:20-bookworm-slim (the base Berth's image uses; Alpine cannot be pulled on the testbed) so the two compare
# on the same base. Only the user creation changes (Debian's groupadd/useradd instead of busybox addgroup/adduser).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --only=production

FROM node:20-bookworm-slim AS builder
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY . .
ENV NEXT_TELEMETRY_DISABLED 1
RUN npm run build

FROM node:20-bookworm-slim AS runtime
RUN groupadd --system --gid 1001 nodejs && \
    useradd --system --uid 1001 --gid nodejs nextjs
WORKDIR /app
COPY --from=builder --chown=nextjs:nodejs /app/.next/standalone ./
COPY --from=builder --chown=nextjs:nodejs /app/.next/static ./.next/static
COPY --from=builder --chown=nextjs:nodejs /app/public ./public
USER nextjs
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD wget --quiet --tries=1 --spider http://localhost:3000 || exit 1
CMD ["node", "server.js"]
