# The sandbox endpoint (S3 + DynamoDB + Step Functions on one port, like LocalStack's edge) in a container.
# Builds from a fresh clone with nothing staged: `docker build -t sfn-csv-sandbox:dev .` (or `docker compose up`).
#
#   BASE_IMAGE   the runtime's base (default node:24-bookworm-slim, the current Node LTS)
#   BUILD_IMAGE  the build stage's base (default: BASE_IMAGE); it needs node and npm, and npm ci reaches the npm registry
#
# Machines without a container registry (CI, docs/docker.md) pass a locally built base for both, e.g.
#   docker build --network host --build-arg BASE_IMAGE=sfn-csv-sandbox-base:bookworm \
#     --build-arg BUILD_IMAGE=sfn-csv-sandbox-base:bookworm -t sfn-csv-sandbox:dev .
# No `# syntax=` line on purpose: with BuildKit it would pull a frontend image.
# Empty counts as unset (compose passes an empty value for a variable the shell does not set).
ARG BASE_IMAGE=node:24-bookworm-slim
ARG BUILD_IMAGE=

FROM ${BUILD_IMAGE:-${BASE_IMAGE:-node:24-bookworm-slim}} AS build
WORKDIR /src
# Dependencies first: this layer is reused until package*.json change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY tsconfig.json tsconfig.build.json ./
COPY src/ src/
COPY scripts/ scripts/
COPY statemachines/ statemachines/
COPY console/ console/
# /out/app is laid out as /app in the final image: compiled code (which resolves the ASL files as
# dist/src/pipeline/../../statemachines), the console's built front end (dist/console) and the production
# dependencies only.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund --loglevel=error \
 && mkdir -p /out/app/dist \
 && cp -a dist/src dist/scripts dist/console /out/app/dist/ \
 && cp -a statemachines /out/app/dist/statemachines \
 && cp -a package.json node_modules /out/app/ \
 && find /out/app/dist \( -name '*.d.ts' -o -name '*.test.js' -o -name '*.test.js.map' \) -delete

FROM ${BASE_IMAGE:-node:24-bookworm-slim}
# scripts/ci-docker.sh prunes this project's untagged images by this label.
LABEL org.opencontainers.image.title=sfn-csv-sandbox

# A user of its own (not root, not `nobody`, which must own no files) and the data directory it owns, so that a
# named volume mounted there (docker-compose.yml) starts out writable by it.
RUN groupadd --system sandbox \
 && useradd --system --gid sandbox --home-dir /app --no-create-home --shell /usr/sbin/nologin sandbox \
 && mkdir -p /data \
 && chown sandbox:sandbox /data

WORKDIR /app
COPY --from=build /out/app/ /app/

# SANDBOX_HOST 0.0.0.0: reachable through a published port on a compose network. On the host network
# (compose.host.yml, testcontainers' host mode) the caller sets 127.0.0.1.
ENV NODE_ENV=production \
    PORT=4566 \
    SANDBOX_HOST=0.0.0.0
EXPOSE 4566

USER sandbox

# node, not curl: minimal images have no curl.
HEALTHCHECK --interval=5s --timeout=5s --start-period=10s --retries=10 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||4566,path:'/_localstack/health',timeout:4000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]

# Shell form only to expand PORT; exec keeps node as PID 1 so `docker stop` reaches it.
CMD ["sh", "-c", "exec node dist/src/cli/endpoint.js --port \"${PORT:-4566}\""]
