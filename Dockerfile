# One image for every Flowlens app; the command picks the app (see docker-compose.yml).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY . .
RUN node scripts/build.mjs && npm prune --omit=dev --no-audit --no-fund --loglevel=error

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# A larger young generation: each webhook allocates its body several times (docs/operations.md).
ENV NODE_OPTIONS=--max-semi-space-size=32
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/package.json ./package.json
USER node
CMD ["node", "dist/apps/standalone/src/main.js"]
