#!/bin/sh
# Starts a Kannel SMS gateway for Rida with the fake SMSC (Debian 12: kannel 1.4.5, the
# fake SMSC from kannel-extras), everything on 127.0.0.1, and prints its run folder
# (configuration, pid files, logs, the FIFO that mo.sh writes replies into).
#
# Environment (all optional):
#   RIDA_URL     where Kannel reaches Rida            (default http://127.0.0.1:8080)
#   TOKEN        Rida's kannel_hook_token             (default rida-kannel-token)
#   PORT_BASE    four ports from here: admin, box, sendsms, fake SMSC (default 13000:
#                sendsms on 13002... see below)
#   HTTP_RETRY   how often Kannel calls Rida again when a call fails (default 10)
#   HTTP_DELAY   seconds between those calls           (default 5)
#
# Then in rida.toml (or RIDA_* variables):
#   sms_gateway = "kannel"
#   kannel_url = "http://127.0.0.1:$((PORT_BASE + 2))/cgi-bin/sendsms"
#   kannel_username = "rida"   kannel_password = "rida-secret"   sms_from = "RIDA"
#   kannel_hook_token = "$TOKEN"
set -eu
RIDA_URL=${RIDA_URL:-http://127.0.0.1:8080}
TOKEN=${TOKEN:-rida-kannel-token}
PORT_BASE=${PORT_BASE:-13000}
HTTP_RETRY=${HTTP_RETRY:-10}
HTTP_DELAY=${HTTP_DELAY:-5}
ADMIN=$PORT_BASE; BOX=$((PORT_BASE + 1)); SENDSMS=$((PORT_BASE + 2)); FAKE=$((PORT_BASE + 3))
FAKESMSC=/usr/lib/kannel/test/fakesmsc
STATUS="http://127.0.0.1:$ADMIN/status.txt?password=rida-status"

if ! [ -x /usr/sbin/bearerbox ] || ! [ -x "$FAKESMSC" ]; then
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq kannel kannel-extras >/dev/null
fi

RUN=$(mktemp -d "${TMPDIR:-/tmp}/rida-kannel.XXXXXX")
mkfifo "$RUN/mo.fifo"
cat > "$RUN/kannel.conf" <<CONF
group = core
admin-port = $ADMIN
admin-interface = 127.0.0.1
admin-password = rida-admin
status-password = rida-status
admin-allow-ip = "127.0.0.1"
smsbox-port = $BOX
smsbox-interface = 127.0.0.1
box-deny-ip = "*.*.*.*"
box-allow-ip = "127.0.0.1"
dlr-storage = internal

group = smsc
smsc = fake
smsc-id = fake
port = $FAKE
our-host = 127.0.0.1
connect-allow-ip = "127.0.0.1"

group = smsbox
bearerbox-host = 127.0.0.1
bearerbox-port = $BOX
sendsms-port = $SENDSMS
sendsms-interface = 127.0.0.1
# Replies in UCS-2 (Arabic) reach Rida as UTF-8.
mo-recode = true
# A call to Rida that fails (Rida restarting) is made again, HTTP_RETRY times.
http-request-retry = $HTTP_RETRY
http-queue-delay = $HTTP_DELAY

group = sendsms-user
username = rida
password = rida-secret
concatenation = true
max-messages = 10

group = sms-service
keyword = default
catch-all = true
max-messages = 0
get-url = "$RIDA_URL/hooks/kannel/mo?token=$TOKEN&from=%p&to=%P&text=%a&id=%I"
CONF

wait_for() {  # wait_for WHAT COMMAND...: up to 30 s, or until a box has stopped
    what=$1; shift; i=0
    until "$@" >/dev/null 2>&1; do
        i=$((i + 1)); [ $i -lt 150 ] || { echo "timeout waiting for $what (logs: $RUN)" >&2; exit 1; }
        for box in bearerbox smsbox; do
            if [ -f "$RUN/$box.pid" ] && ! kill -0 "$(cat "$RUN/$box.pid")" 2>/dev/null; then
                echo "$box stopped while waiting for $what (logs: $RUN):" >&2
                tail -n 5 "$RUN/$box.log" >&2
                exit 1
            fi
        done
        sleep 0.2
    done
}

/usr/sbin/bearerbox -v 1 "$RUN/kannel.conf" </dev/null >"$RUN/bearerbox.log" 2>&1 &
echo $! > "$RUN/bearerbox.pid"
wait_for "bearerbox" curl -sf "$STATUS"
/usr/sbin/smsbox -v 1 "$RUN/kannel.conf" </dev/null >"$RUN/smsbox.log" 2>&1 &
echo $! > "$RUN/smsbox.pid"
# The fake SMSC reads replies from the FIFO (opened read-write: it never sees its end);
# stdbuf -i0 makes it take each line as it comes.
/usr/bin/stdbuf -i0 "$FAKESMSC" -H 127.0.0.1 -r "$FAKE" -i 0 0<>"$RUN/mo.fifo" >"$RUN/fakesmsc.log" 2>&1 &
echo $! > "$RUN/fakesmsc.pid"
wait_for "smsbox and the fake SMSC" sh -c "curl -sf '$STATUS' | grep -q 'FAKE:$FAKE (online' && curl -sf '$STATUS' | grep -q 'smsbox:(none), IP 127.0.0.1'"
wait_for "sendsms" curl -s -o /dev/null "http://127.0.0.1:$SENDSMS/"
echo "$RUN"
