# Sourced by .ci/run: puts Node.js 24 (the project's default runtime) first on PATH when the machine's node is older.
# Node 24 comes from the npm registry as a package with the binary inside (node-linux-<arch>@24), so it needs no
# other download site; it is cached between runs under NODE24_CACHE.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [ "$(node_major)" -lt 24 ]; then
  case $(uname -m) in x86_64) node_arch=x64 ;; aarch64) node_arch=arm64 ;; *) node_arch=$(uname -m) ;; esac
  NODE24_CACHE=${NODE24_CACHE:-${TMPDIR:-/tmp}/sfn-csv-sandbox-node24}
  if [ ! -x "$NODE24_CACHE/package/bin/node" ]; then
    mkdir -p "$NODE24_CACHE"
    (cd "$NODE24_CACHE" && npm pack --silent "node-linux-$node_arch@24" >/dev/null && tar xzf node-linux-"$node_arch"-*.tgz)
  fi
  export PATH="$NODE24_CACHE/package/bin:$PATH"
fi
echo "node $(node --version), npm $(npm --version)"
