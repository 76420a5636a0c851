# syntax=docker/dockerfile:1
# Build stage: compiles sqlite3 (node-gyp) and TypeScript, then prunes to production deps.
FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` (the build) needs the sources, copied below.
RUN npm ci --ignore-scripts && npm rebuild sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# Runtime: the production tree only. The chart's font ships inside node_modules
# (dejavu-fonts-ttf), so the slim image needs no system fonts.
FROM node:22-bookworm-slim AS runtime
# V8 heap cap, a safety margin: without any Node flag the bot stayed under 300 MB with 1,000 guilds
# in the burst benchmark (BENCHMARKS.md, benchmark 6), not with 10,000 in one process (shard
# before that: Discord requires it from 2,500); the cap keeps a big host from letting garbage grow
# the heap far past the live set.
# Raise it for more guilds per process: docker run -e NODE_OPTIONS=--max-old-space-size=512 …
ENV NODE_ENV=production \
    NODE_OPTIONS="--max-old-space-size=256" \
    STORE_URL=sqlite://data/roguard.sqlite \
    HTTP_PORT=8080
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME /app/data
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HTTP_PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
STOPSIGNAL SIGTERM
CMD ["node", "dist/index.js"]
