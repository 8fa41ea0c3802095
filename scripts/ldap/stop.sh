#!/bin/sh
# Stop the slapd that start.sh started, by its pid file only. Usage: stop.sh RUN_DIR
# (start.sh printed it as LDAP_RUN_DIR). Keeps the run dir (logs, CA).
RUN=${1:?usage: stop.sh RUN_DIR}
[ -d "$RUN" ] || { echo "no run dir" >&2; exit 1; }
f="$RUN/slapd.pid"
if [ -f "$f" ]; then
    pid=$(cat "$f")
    # only if that pid is still our slapd (its command line names our config)
    if grep -q "$RUN/slapd.conf" "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid"
        i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.2; i=$((i + 1)); done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$f"
fi
echo "stopped; logs in $RUN" >&2
