# The app only; the database is the neo4j service in docker-compose.yml (NEO4J_URI must be set).
# Stage 1 builds the explorer (Vite is a dev dependency); stage 2 runs the server with production deps.
FROM node:20-bookworm-slim AS client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY client ./client
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY domain ./domain
COPY graph ./graph
COPY server ./server
COPY seeds ./seeds
COPY cypher ./cypher
COPY neo4j/local.ts ./neo4j/local.ts
COPY --from=client /app/client/dist ./client/dist
# DATA_DIR: audit logs and accepted articles; the code tree stays read-only (docker-compose.yml keeps it in a volume).
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 8080
CMD ["node", "--import", "tsx", "server/main.ts"]
