# Production image: the built service on Node 20. PostgreSQL comes from DATABASE_URL.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# The image needs a real PostgreSQL: without DATABASE_URL it stops with a one-line error.
ENV NODE_ENV=production PORT=3000 REQUIRE_DATABASE_URL=1
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
# The runtime flags of `npm start` (see the README's "Runtime" section).
CMD ["node", "--no-allocation-site-pretenuring", "--heap-growing-percent=100", "dist/bundle/server.js"]
