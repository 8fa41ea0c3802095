#!/bin/sh
# Start a throw-away OpenLDAP slapd for the tests, on 127.0.0.1 only, with its own
# config, database, test CA and server certificate in a new run dir.
# Prints shell assignments (eval "$(./start.sh)" sets them); the same lines are in
# $RUN/env. stop.sh reads the run dir back.
# Env: RIDA_LDAP_PORT (default 13890, ldap:// + StartTLS), RIDA_LDAPS_PORT (default
# RIDA_LDAP_PORT + 1, ldaps://).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
LDAP_PORT=${RIDA_LDAP_PORT:-13890}
LDAPS_PORT=${RIDA_LDAPS_PORT:-$((LDAP_PORT + 1))}
BASE=dc=rida,dc=test
ADMIN_DN=cn=admin,$BASE
ADMIN_PW=admin-secret

# 1. Packages (Debian 12: slapd 2.5.13). Debian's own slapd instance is never used.
if ! dpkg -s slapd ldap-utils openssl >/dev/null 2>&1; then
    SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq slapd ldap-utils openssl >&2
fi

# 2. Run dir: test CA + server certificate for 127.0.0.1 / localhost (valid 30 days).
RUN=$(mktemp -d "${TMPDIR:-/tmp}/rida-ldap.XXXXXX")
cd "$RUN"
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/O=Rida tests/CN=Rida test CA" \
    -keyout ca.key -out ca.pem 2>/dev/null
cat > server.ext <<EXT
basicConstraints = critical, CA:FALSE
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = DNS:localhost, IP:127.0.0.1
EXT
openssl req -new -newkey rsa:2048 -nodes -subj "/O=Rida tests/CN=localhost" \
    -keyout server.key -out server.csr 2>/dev/null
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days 30 \
    -extfile server.ext -out server.pem 2>/dev/null

# 3. Config (our own file, not /etc/ldap/slapd.d) and an empty database.
cp "$HERE/rida-ad.schema" .
mkdir db
ROOTPW=$(/usr/sbin/slappasswd -s "$ADMIN_PW")
sed -e "s|@RUN@|$RUN|g" -e "s|@ROOTPW@|$ROOTPW|" "$HERE/slapd.conf" > slapd.conf

# 4. slapd in the foreground of a background job (-d keeps it from detaching);
#    "-d stats" logs every connection, bind and search to slapd.log.
/usr/sbin/slapd -f "$RUN/slapd.conf" -d stats \
    -h "ldap://127.0.0.1:$LDAP_PORT/ ldaps://127.0.0.1:$LDAPS_PORT/" </dev/null >slapd.log 2>&1 &
PID=$!; echo $PID > slapd.pid
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT   # if anything below fails, do not leave slapd running
i=0
# "slapd starting" is logged only after it has bound its own ports, so a server
# already on the port (address in use: our slapd exits) is never mistaken for ours.
until grep -q 'slapd starting' slapd.log && ldapwhoami -x -H "ldap://127.0.0.1:$LDAP_PORT" -D "$ADMIN_DN" -w "$ADMIN_PW" >/dev/null 2>&1; do
    i=$((i + 1))
    if [ $i -ge 100 ] || ! kill -0 $PID 2>/dev/null; then
        tail -n 20 slapd.log >&2; echo "slapd did not come up (logs: $RUN)" >&2; exit 1
    fi
    sleep 0.2
done

# 5. Test data (through slapd, so that the memberof overlay sets memberOf).
ldapadd -x -H "ldap://127.0.0.1:$LDAP_PORT" -D "$ADMIN_DN" -w "$ADMIN_PW" \
    -f "$HERE/data.ldif" >ldapadd.log

cat > env <<ENV
LDAP_RUN_DIR='$RUN'
LDAP_URI='ldap://127.0.0.1:$LDAP_PORT'
LDAPS_URI='ldaps://127.0.0.1:$LDAPS_PORT'
LDAP_CA_FILE='$RUN/ca.pem'
LDAP_BASE_DN='$BASE'
LDAP_USER_BASE='ou=people,$BASE'
LDAP_GROUP_BASE='ou=groups,$BASE'
LDAP_BIND_DN='cn=rida-app,ou=services,$BASE'
LDAP_BIND_PASSWORD='rida-app-secret'
LDAP_ADMIN_DN='$ADMIN_DN'
LDAP_ADMIN_PASSWORD='$ADMIN_PW'
ENV
trap - EXIT
cat env
