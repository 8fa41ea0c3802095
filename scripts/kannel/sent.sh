#!/bin/bash
# The SMS the fake SMSC received, as readable text: sent.sh RUN_FOLDER
# (the fake SMSC logs UCS-2 messages, such as Arabic, as escaped UTF-16 bytes).
RUN=${1:?usage: sent.sh RUN_FOLDER}
utf16() {  # escaped UTF-16BE bytes (%XX, + for a space byte) to UTF-8
    printf '%b' "$(printf %s "$1" | sed 's/\\/\\\\/g; s/+/%20/g; s/%\([0-9A-Fa-f][0-9A-Fa-f]\)/\\x\1/g')" | iconv -f UTF-16BE -t UTF-8
}
grep -o 'Got message [0-9]*: <.*>' "$RUN/fakesmsc.log" | while IFS= read -r line; do
    body=${line#*<}; body=${body%>}
    read -r _from to kind rest <<< "$body"
    case $kind in
        text) printf '%s  %s\n' "$to" "$rest" ;;
        ucs-2) printf '%s  %s\n' "$to" "$(utf16 "$rest")" ;;
        udh)  # one part of a long message: print the parts as one
            udh=${rest%% data *}; data=${rest#* data }
            total=$(printf %s "$udh" | cut -d% -f6); part=$(printf %s "$udh" | cut -d% -f7)
            [ "$part" = 01 ] && printf '%s  ' "$to"
            printf '%s' "$(utf16 "$data")"
            [ "$part" = "$total" ] && echo ;;
    esac
done
