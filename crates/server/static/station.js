// Shows whether the last rating request still waits for the customer. The server says
// only "waiting" or "received": never an answer.
"use strict";
(() => {
  const el = document.getElementById("ask-state");
  const terminal = new URL(location.href).searchParams.get("asked");
  if (!el || !terminal) return;
  const poll = async () => {
    try {
      const r = await fetch(`/station/status?terminal=${encodeURIComponent(terminal)}`, { cache: "no-store" });
      if (r.ok) {
        const j = await r.json();
        if (j.state === "waiting") el.textContent = el.dataset.waiting;
        if (j.state === "received") { el.textContent = el.dataset.received; return; }
      }
    } catch (_) { /* try again */ }
    setTimeout(poll, 3000);
  };
  poll();
})();
