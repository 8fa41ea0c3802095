#!/bin/sh
# A customer's SMS into the running fake SMSC: mo.sh RUN_FOLDER FROM TO TEXT...
# Text outside ASCII goes as UCS-2, as a phone sends Arabic.
RUN=$1; from=$2; to=$3; shift 3; text="$*"
if printf %s "$text" | LC_ALL=C grep -q '[^ -~]'; then
    hex=$(printf %s "$text" | iconv -f UTF-8 -t UTF-16BE | od -An -v -tx1 | tr -d ' \n' | sed 's/../%&/g')
    echo "$from $to ucs2 $hex" > "$RUN/mo.fifo"
else
    echo "$from $to text $text" > "$RUN/mo.fifo"
fi
