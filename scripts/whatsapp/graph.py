#!/usr/bin/env python3
"""A stand-in for Meta's Graph API messages endpoint, for trying WhatsApp surveys
without Meta: it prints each message Rida sends and answers as "Send a message" is
documented to. Usage: scripts/whatsapp/graph.py [PORT] (default 13100); then run Rida
with whatsapp_api_url = "http://127.0.0.1:PORT"."""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer


class Graph(BaseHTTPRequestHandler):
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        print(json.dumps(body, ensure_ascii=False), flush=True)
        answer = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
            "messages": [{"id": "wamid." + uuid.uuid4().hex}],
        }
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 13100
    print(f"Graph API stand-in on http://127.0.0.1:{port}", flush=True)
    HTTPServer(("127.0.0.1", port), Graph).serve_forever()
