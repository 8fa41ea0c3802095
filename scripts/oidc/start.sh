#!/bin/sh
# Start a throw-away OpenID provider (oidc-provider on Node) for the tests and for
# trying the directory sign-in by hand (see the README), on
# 127.0.0.1 only. Installs the pinned npm packages (package-lock.json, npm ci) once
# into a cache dir, starts provider.js in the background from a new run dir, waits
# for the discovery document and prints shell assignments (eval "$(./start.sh)");
# the same lines are in $RUN/env. stop.sh reads the run dir back.
# Env: RIDA_OIDC_PORT (13900), RIDA_OIDC_REDIRECT, RIDA_OIDC_POST_LOGOUT_REDIRECT,
# RIDA_OIDC_STRICT_REDIRECT, RIDA_OIDC_TOKEN_AUTH (see README.md), RIDA_OIDC_DEPS
# (cache dir for node_modules).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
RIDA_OIDC_PORT=${RIDA_OIDC_PORT:-13900}; export RIDA_OIDC_PORT
ISSUER=http://127.0.0.1:$RIDA_OIDC_PORT
command -v node >/dev/null || { echo "node (>= 20.19) not found" >&2; exit 1; }

# 1. node_modules from the lockfile, once per lockfile version (npm ci checks the
#    integrity hashes). Installed to a temp dir and renamed, so parallel starts are safe.
SUM=$(sha256sum "$HERE/package-lock.json" | cut -c1-12)
DEPS=${RIDA_OIDC_DEPS:-${TMPDIR:-/tmp}/rida-oidc-deps-$SUM}
if [ ! -d "$DEPS/node_modules" ]; then
    tmp=$(mktemp -d "$DEPS.XXXXXX")
    cp "$HERE/package.json" "$HERE/package-lock.json" "$tmp/"
    (cd "$tmp" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >&2)
    mv -T "$tmp" "$DEPS" 2>/dev/null || rm -rf "$tmp"
fi

# 2. Run dir: provider.js + package.json (ESM) + a link to the cached node_modules.
RUN=$(mktemp -d "${TMPDIR:-/tmp}/rida-oidc.XXXXXX")
cp "$HERE/provider.js" "$HERE/package.json" "$RUN/"
ln -s "$DEPS/node_modules" "$RUN/node_modules"

# 3. Start; ready when this process logged "listening" (so a server already on the
#    port is never mistaken for ours) and the discovery document is served.
node "$RUN/provider.js" </dev/null >"$RUN/provider.log" 2>&1 &
PID=$!; echo $PID > "$RUN/provider.pid"
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT   # if anything below fails, do not leave it running
i=0
until grep -q '^listening on' "$RUN/provider.log" && curl -sf "$ISSUER/.well-known/openid-configuration" >/dev/null; do
    i=$((i + 1))
    if [ $i -ge 100 ] || ! kill -0 $PID 2>/dev/null; then
        tail -n 20 "$RUN/provider.log" >&2; echo "provider did not come up (logs: $RUN)" >&2; exit 1
    fi
    sleep 0.2
done

cat > "$RUN/env" <<ENV
OIDC_RUN_DIR='$RUN'
OIDC_ISSUER='$ISSUER'
OIDC_DISCOVERY_URL='$ISSUER/.well-known/openid-configuration'
OIDC_CLIENT_ID='rida-test'
OIDC_CLIENT_SECRET='rida-test-secret'
OIDC_REDIRECT_URIS='${RIDA_OIDC_REDIRECT:-http://127.0.0.1/auth/oidc/callback}'
ENV
trap - EXIT
cat "$RUN/env"
