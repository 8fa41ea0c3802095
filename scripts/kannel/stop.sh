#!/bin/sh
# Stops what start.sh started: stop.sh RUN_FOLDER. Keeps the logs.
RUN=${1:?usage: stop.sh RUN_FOLDER}
for name in fakesmsc smsbox bearerbox; do
    f="$RUN/$name.pid"; [ -f "$f" ] || continue
    pid=$(cat "$f")
    if grep -q "$RUN" "/proc/$pid/cmdline" 2>/dev/null || readlink "/proc/$pid/fd/0" 2>/dev/null | grep -q "$RUN"; then
        kill "$pid" 2>/dev/null
        i=0; while kill -0 "$pid" 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
        kill -9 "$pid" 2>/dev/null
    fi
    rm -f "$f"
done
