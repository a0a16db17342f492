# The sandbox endpoint (S3 + DynamoDB + Step Functions on one port, like LocalStack's edge) in a container.
#
# Nothing in this build touches a network, so it also builds where no registry is reachable:
# the context is prepared on the host by `bash scripts/ci-docker.sh image`, which
# compiles the project and stages dist/docker/app/ = compiled code + production node_modules + the
# state machines. The Dockerfile only copies that folder (no `npm ci` inside the build).
# No `# syntax=` line on purpose: with BuildKit it would pull a frontend image.
ARG BASE_IMAGE=node:20-bookworm-slim
FROM ${BASE_IMAGE}
# scripts/ci-docker.sh prunes this project's untagged images by this label.
LABEL org.opencontainers.image.title=sfn-csv-sandbox

WORKDIR /app
COPY dist/docker/app/ /app/

ENV NODE_ENV=production \
    PORT=4566
EXPOSE 4566

# `nobody` exists in every Debian-based image (node:*-slim and the debootstrap base alike).
USER 65534:65534

# node, not curl: minimal images have no curl.
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=10 \
  CMD ["node", "-e", "require('http').get({host:'127.0.0.1',port:process.env.PORT||4566,path:'/_localstack/health',timeout:2000},r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"]

# Shell form only to expand PORT; exec keeps node as PID 1 so `docker stop` reaches it.
# 127.0.0.1 on purpose: the container runs with host networking and must not listen on other interfaces.
CMD ["sh", "-c", "exec node dist/src/cli/endpoint.js --host 127.0.0.1 --port \"${PORT:-4566}\""]
