# Production image: Next's standalone server with Payload. Build: docker compose build
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The app's server (src/server/main.ts: Next behind the trusted-proxy rule) replaces Next's own
# standalone server.js; bundled to plain JavaScript, `next` and the rest come from the standalone tree.
RUN npm run build && npx esbuild src/server/main.ts --bundle --platform=node --format=esm \
    --target=node20 --packages=external --outfile=.next/standalone/broadsheet-server.mjs
# The deploy's migrate step (src/server/migrate.ts), for an image without npm: `node broadsheet-migrate.mjs`.
# Next's subpath modules need their file names under Node's ESM resolution.
RUN npx esbuild src/server/migrate.ts --bundle --platform=node --format=esm --target=node20 \
    --packages=external --alias:next/cache=next/cache.js --alias:next/headers=next/headers.js \
    --alias:next/server=next/server.js --alias:next/navigation=next/navigation.js \
    --outfile=.next/standalone/broadsheet-migrate.mjs

# The deploy steps' image (docker-compose.yml's `migrate` and `edge-config`): the sources and
# every dependency, for `npm run migrate`, `npm run seed` and src/scripts/renderEdge.ts.
FROM build AS tools
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
CMD ["npm", "run", "migrate"]

FROM node:20-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOST=0.0.0.0 MEDIA_DIR=/data/media
# glibc keeps one memory arena per thread that decoded an image; two bound what uploads leave behind.
ENV MALLOC_ARENA_MAX=2
RUN groupadd --system app && useradd --system --gid app app && mkdir -p /data/media && chown app:app /data/media
COPY --from=build --chown=app:app /app/.next/standalone ./
COPY --from=build --chown=app:app /app/.next/static ./.next/static
COPY --from=build --chown=app:app /app/public ./public
USER app
EXPOSE 3000
# Migrations are a step of their own: run `node broadsheet-migrate.mjs` (BROADSHEET_SEED=1 also seeds
# an empty database) before this; the server refuses to start on a database that lacks a migration.
# (compose's `migrate` service uses the `tools` image's `npm run migrate` instead.)
# TRUSTED_PROXIES (unset: nobody) names the proxy whose X-Forwarded-For is believed. SIGTERM
# finishes what is in flight, then exits.
CMD ["node", "broadsheet-server.mjs"]
