#!/bin/sh
# A customer's WhatsApp answer, delivered to Rida as Meta delivers it: a notification
# signed with X-Hub-Signature-256 under the app secret.
#   reply.sh RIDA_URL APP_SECRET PHONE_NUMBER_ID FROM button SCORE   (a tapped button)
#   reply.sh RIDA_URL APP_SECRET PHONE_NUMBER_ID FROM text  WORDS... (a typed answer)
set -e
url=$1; secret=$2; phone_id=$3; from=$(printf %s "$4" | tr -d '+ '); kind=$5; shift 5
id="wamid.$(date +%s%N)"
if [ "$kind" = button ]; then
    message="{\"from\":\"$from\",\"id\":\"$id\",\"timestamp\":\"$(date +%s)\",\"type\":\"button\",\"button\":{\"payload\":\"score-$1\",\"text\":\"$1\"}}"
else
    words=$(printf %s "$*" | sed 's/\\/\\\\/g; s/"/\\"/g')
    message="{\"from\":\"$from\",\"id\":\"$id\",\"timestamp\":\"$(date +%s)\",\"type\":\"text\",\"text\":{\"body\":\"$words\"}}"
fi
body="{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"0\",\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"0\",\"phone_number_id\":\"$phone_id\"},\"contacts\":[{\"profile\":{\"name\":\"\"},\"wa_id\":\"$from\"}],\"messages\":[$message]}}]}]}"
sig=$(printf %s "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')
curl -sS -o /dev/null -w "Rida answered %{http_code}\n" -H "Content-Type: application/json" \
    -H "X-Hub-Signature-256: sha256=$sig" --data-binary "$body" "${url%/}/hooks/whatsapp"
