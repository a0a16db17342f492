#!/usr/bin/env bash
# The Docker flow, proven on a machine with no container registry (Debian 12, root):
#   scripts/ci-docker.sh           full CI flow: Debian packages, loopback-only dockerd, base image,
#                                  app image, compose up + smoke, `npm run test:containers`
#   scripts/ci-docker.sh image     compile, stage dist/docker/app/ and build sfn-csv-sandbox:dev
#                                  (BASE_IMAGE=... to build on another base, default node:20-bookworm-slim)
#   scripts/ci-docker.sh context   only compile and stage the build context
# Hard rule: Docker never pulls here (a pull sends DNS to a private-range resolver): --pull=never,
# `build:` in compose, and every image checked before it is used.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${CI_DOCKER_WORK:-${TMPDIR:-/tmp}/sfn-csv-sandbox-ci-docker}
APP_IMAGE=${APP_IMAGE:-sfn-csv-sandbox:dev}
CI_BASE_IMAGE=${CI_BASE_IMAGE:-sfn-csv-sandbox-base:bookworm}
PROJECT=sfn-csv-sandbox-ci
T0=$(date +%s) TS=$(date +%s) TIMINGS=()
DOCKERD_PID='' COMPOSE_UP=0 TC_RAN=0 TC_BEFORE=''

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
compose() {
  if command -v docker-compose >/dev/null; then docker-compose -p "$PROJECT" -f "$REPO/docker-compose.yml" "$@"
  else docker compose -p "$PROJECT" -f "$REPO/docker-compose.yml" "$@"; fi
}
free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }

stage_context() { # dist/docker/app/ is laid out exactly as /app in the image
  (cd "$REPO" && npm run build)
  [ -f "$REPO/dist/src/cli/endpoint.js" ] || die "dist/src/cli/endpoint.js is missing after npm run build"
  local app=$REPO/dist/docker/app
  rm -rf "$REPO/dist/docker" && mkdir -p "$app/dist"
  cp -a "$REPO/dist/src" "$REPO/dist/scripts" "$app/dist/"
  find "$app/dist" \( -name '*.test.js' -o -name '*.test.js.map' -o -name '*.d.ts' \) -delete
  # Compiled code resolves the ASL files as <dist>/src/pipeline/../../statemachines.
  cp -a "$REPO/statemachines" "$app/dist/statemachines"
  cp "$REPO/package.json" "$app/"
  # Production dependencies only, copied from the installed tree (no npm install, no network).
  local listing deps=()
  listing=$(cd "$REPO" && npm ls --omit=dev --all --parseable 2>/dev/null) || echo "warning: npm ls reported problems in node_modules"
  mapfile -t deps < <(sed -n "s#^$REPO/##p" <<<"$listing" |
    awk -F/ '$1=="node_modules"{print ($2 ~ /^@/) ? $1"/"$2"/"$3 : $1"/"$2}' | sort -u)
  [ ${#deps[@]} -gt 0 ] || die "npm ls found no production dependencies in $REPO/node_modules"
  (cd "$REPO" && cp -a --parents "${deps[@]}" "$app/")
  echo "context: $(du -sh "$app" | cut -f1) in $app (${#deps[@]} packages)"
}

build_app_image() {
  local base=${BASE_IMAGE:-node:20-bookworm-slim}
  image_exists "$base" || [ "${ALLOW_PULL:-0}" = 1 ] ||
    die "base image $base is not present locally; pull it yourself or build it (see docs/docker.md); set ALLOW_PULL=1 to let Docker pull it"
  docker_build -q --build-arg BASE_IMAGE="$base" -t "$APP_IMAGE" "$REPO"
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

# debootstrap minbase + this machine's own Node 20 binary (bookworm's nodejs is 18).
build_base_image() {
  if image_exists "$CI_BASE_IMAGE"; then echo "cached: $CI_BASE_IMAGE"; return 0; fi
  local rootfs=$WORK/rootfs node mirror
  node=$(readlink -f "$(command -v node)")
  mirror=$(awk '$1=="URIs:"{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  rm -rf "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" "${mirror:-http://deb.debian.org/debian}" >"$WORK/debootstrap.log" 2>&1 ||
    die "debootstrap failed (see $WORK/debootstrap.log)"
  install -m 0755 "$node" "$rootfs/usr/local/bin/node"
  tar -C "$rootfs" --exclude='./var/cache/apt/archives/*.deb' --exclude='./var/lib/apt/lists/*_*' \
    --exclude=./usr/share/doc --exclude=./usr/share/man --exclude=./usr/share/locale -c . |
    docker import -c 'CMD ["node"]' - "$CI_BASE_IMAGE" >/dev/null
  rm -rf "$rootfs"
  local version; version=$(docker run --pull=never --rm --network host "$CI_BASE_IMAGE" node --version)
  [ "$version" = "$(node --version)" ] || die "node in $CI_BASE_IMAGE reports '$version', expected $(node --version)"
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
  # The documented defaults when they are free, so the smoke proves what docs/docker.md tells users
  # (only AWS_ENDPOINT_URL_SFN to export); else free ports (a developer's own endpoint may hold 4566).
  if port_free 4566 && port_free 4567; then LOCALSTACK_PORT=4566 SFN_PORT=4567; return; fi
  LOCALSTACK_PORT=$(free_port) SFN_PORT=$(free_port)
  while [ "$SFN_PORT" = "$LOCALSTACK_PORT" ]; do SFN_PORT=$(free_port); done
}

compose_smoke() {
  export LOCALSTACK_IMAGE=$APP_IMAGE BASE_IMAGE=$CI_BASE_IMAGE
  choose_ports && export LOCALSTACK_PORT SFN_PORT
  echo "ports: LocalStack (stand-in) $LOCALSTACK_PORT, Step Functions engine $SFN_PORT"
  compose config -q
  for image in $(compose config | awk '$1=="image:"{print $2}' | sort -u); do
    image_exists "$image" || die "image $image is not present locally (compose would pull it)"
  done
  COMPOSE_UP=1 && compose up -d
  wait_healthy localstack && wait_healthy sfn
  local logs; logs=$(docker logs "$(compose ps -q localstack)" 2>/dev/null) # not piped: grep -q + pipefail = SIGPIPE
  grep -qx 'Ready.' <<<"$logs" || die "the LocalStack stand-in did not print Ready."
  local boot; boot=$(compose ps -q bootstrap)
  [ "$(docker wait "$boot")" = 0 ] || { docker logs "$boot" >&2; die "the compose bootstrap service failed"; }
  docker logs "$boot"
  local env=(-u AWS_ENDPOINT_URL -u AWS_ENDPOINT_URL_S3 -u AWS_ENDPOINT_URL_DYNAMODB AWS_ENDPOINT_URL_SFN="http://127.0.0.1:$SFN_PORT")
  [ "$LOCALSTACK_PORT" = 4566 ] || env+=(AWS_ENDPOINT_URL="http://127.0.0.1:$LOCALSTACK_PORT")
  # From the host, as a user would after `docker compose up` (bootstrap again: it must be idempotent).
  for smoke in ${CI_DOCKER_SMOKE-bootstrap seed run verify}; do
    local args=(); [ "$smoke" = seed ] && args=(-- --rows 200)
    log "smoke: npm run $smoke ${args[*]}"
    (cd "$REPO" && env "${env[@]}" npm run --silent "$smoke" "${args[@]}")
  done
  compose down -t 5 && COMPOSE_UP=0
}

run_containers_suite() {
  export LOCALSTACK_IMAGE=$APP_IMAGE SANDBOX_ENGINE_IMAGE=$APP_IMAGE TESTCONTAINERS_NETWORK_MODE=host
  export TESTCONTAINERS_RYUK_DISABLED=true TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1
  TC_BEFORE=$(docker ps -aq --filter label=org.testcontainers=true | sort) TC_RAN=1
  cd "$REPO" && npm run test:containers
}

cleanup() {
  local rc=$?
  set +e
  [ "$rc" = 0 ] || echo "ci-docker: FAILED (exit $rc) in step: ${STEP:-setup}" >&2
  print_timings
  [ "$COMPOSE_UP" = 1 ] && compose down -t 2 >/dev/null 2>&1
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
  step "4. context (npm run build)";    stage_context
  step "5. app image";                  BASE_IMAGE=$CI_BASE_IMAGE build_app_image
  step "6. compose up, smoke, down";    compose_smoke
  step "7. npm run test:containers";    run_containers_suite
  step "done"
}

print_timings() { # also after a failure: the steps that ran, the failed one last
  [ "${STEP:-done}" = done ] || step "done"
  [ ${#TIMINGS[@]} -gt 0 ] && printf '%s\n' "--- timings" "${TIMINGS[@]}" "total $(($(date +%s) - T0))s"
}

case ${1:-ci} in
  ci) full_flow ;;
  image) stage_context && build_app_image && echo "built: $APP_IMAGE" ;;
  context) stage_context ;;
  *) die "unknown command '$1' (usage: scripts/ci-docker.sh [ci|image|context])" ;;
esac
