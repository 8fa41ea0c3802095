// Keeps the supervision page live: the list part is fetched again every few seconds and
// swapped in place (the server renders and escapes it, as on first load).
"use strict";
(() => {
  const live = document.getElementById("live");
  if (!live) return;
  const every = Number(live.dataset.refresh || 5) * 1000;
  const refresh = async () => {
    try {
      const url = new URL(location.href);
      url.searchParams.set("fragment", "1");
      const r = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (r.ok && !r.redirected) live.innerHTML = await r.text();
    } catch (_) { /* the next round tries again */ }
    setTimeout(refresh, every);
  };
  setTimeout(refresh, every);
})();
