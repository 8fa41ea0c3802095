// Rida's feedback widget: a button on the page that opens the organisation's web
// survey in a frame. Nothing is stored on the visitor's device.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL(script.src).origin : "";
  var labels = {{ labels }};
  var lang = (document.documentElement.lang || navigator.language || "en").slice(0, 2).toLowerCase();
  var l = labels[lang] || labels.en;
  if (!labels[lang]) lang = "en";
  var side = l.dir === "rtl" ? "left" : "right";
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = l.open;
  button.setAttribute("aria-expanded", "false");
  button.style.cssText = "position:fixed;bottom:20px;" + side + ":20px;z-index:2147483000;padding:12px 18px;border:0;border-radius:999px;background:#0b6b5d;color:#fff;font:600 15px system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.2);cursor:pointer";
  var panel = null;
  function close() {
    if (panel) { panel.remove(); panel = null; }
    button.textContent = l.open;
    button.setAttribute("aria-expanded", "false");
  }
  button.addEventListener("click", function () {
    if (panel) { close(); return; }
    panel = document.createElement("iframe");
    panel.title = l.open;
    panel.src = base + "/q/" + {{ code }} + "?embed=1&lang=" + lang;
    panel.style.cssText = "position:fixed;bottom:76px;" + side + ":20px;z-index:2147483000;width:min(420px,calc(100vw - 40px));height:min(640px,calc(100vh - 110px));border:0;border-radius:14px;background:#fff;box-shadow:0 8px 30px rgba(0,0,0,.25)";
    document.body.appendChild(panel);
    button.textContent = l.close;
    button.setAttribute("aria-expanded", "true");
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });
  function add() { document.body.appendChild(button); }
  if (document.body) add(); else document.addEventListener("DOMContentLoaded", add);
})();
