# The app only; the database is the neo4j service in docker-compose.yml (NEO4J_URI must be set).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY server ./server
COPY seeds ./seeds
COPY cypher ./cypher
COPY neo4j/local.ts ./neo4j/local.ts
USER node
EXPOSE 8080
CMD ["node", "--import", "tsx", "server/main.ts"]
