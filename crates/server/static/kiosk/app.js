// Rida terminal. Every tap becomes an answer with its own id at once, kept in IndexedDB
// until the server confirms it; a sender drains the queue whenever the server answers.
// Settings come from the server and are kept, so the page also starts offline.
"use strict";

const TEXTS = JSON.parse(document.getElementById("texts").textContent);
const APP_VERSION = document.body.dataset.appVersion;
const SEND_BATCH = 100;

// ---------- storage: one IndexedDB database, a key-value store and the answer queue
const db = new Promise((resolve, reject) => {
  const req = indexedDB.open("rida-kiosk", 1);
  req.onupgradeneeded = () => {
    req.result.createObjectStore("kv");
    req.result.createObjectStore("queue", { keyPath: "id" });
  };
  req.onsuccess = () => resolve(req.result);
  req.onerror = () => reject(req.error);
});
function tx(store, mode, fn) {
  return db.then((d) => new Promise((resolve, reject) => {
    const t = d.transaction(store, mode);
    const s = t.objectStore(store);
    let out;
    Promise.resolve(fn(s)).then((v) => { out = v; });
    t.oncomplete = () => resolve(out);
    t.onerror = () => reject(t.error);
    t.onabort = () => reject(t.error);
  }));
}
const req = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
const kvGet = (k) => tx("kv", "readonly", (s) => req(s.get(k)));
const kvSet = (k, v) => tx("kv", "readwrite", (s) => { s.put(v, k); });
const kvDel = (k) => tx("kv", "readwrite", (s) => { s.delete(k); });
const enqueue = (a) => tx("queue", "readwrite", (s) => { s.put(a); });
const queued = (n) => tx("queue", "readonly", (s) => req(s.getAll(null, n)));
const queueCount = () => tx("queue", "readonly", (s) => req(s.count()));
const dequeue = (ids) => tx("queue", "readwrite", (s) => { ids.forEach((id) => s.delete(id)); });

// ---------- ids: UUIDv7, time-ordered like the server's own
function uuid7() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) { b[i] = ms % 256; ms = Math.floor(ms / 256); }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------- state
const S = {
  token: null, config: null, lang: "en", tab: sessionStorage.getItem("rida-tab") || uuid7(),
  visit: null, answers: {}, service: null, employee: null, idleTimer: null, pendingConfig: false,
  online: true, blocked: null,
};
sessionStorage.setItem("rida-tab", S.tab);

const t = (k) => (TEXTS[S.lang] && TEXTS[S.lang][k]) || TEXTS.en[k] || k;
const screen = document.getElementById("screen");
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids.flat()) if (k !== null && k !== undefined) e.append(k.nodeType ? k : document.createTextNode(String(k)));
  return e;
}
function show(...nodes) {
  screen.replaceChildren(...nodes.filter((n) => n !== null && n !== undefined));
  // The first screen a person can use: measured by bench/ (rida-bench kiosk).
  if (!performance.getEntriesByName("rida-ready").length) performance.mark("rida-ready");
  screen.className = "k-screen";
}
function text(obj) { // a Texts object {en, ar, lv} in the current language
  return (obj && (obj[S.lang] || obj.en || obj.ar || obj.lv)) || "";
}
function named(x) { // a service or site: its spelling in the current language, else its name
  return (x.names && x.names[S.lang]) || x.name;
}

// ---------- API
async function api(method, path, body) {
  const token = S.token;
  const headers = { "content-type": "application/json" };
  if (token) headers.authorization = `Bearer ${token}`;
  const r = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined, cache: "no-store" });
  // Several requests may learn of the unpairing at once: each stops, one says so.
  if (r.status === 401 && token) { if (S.token === token) unpaired(); throw new Error("unpaired"); }
  return r;
}
function setOnline(on, why) {
  S.online = on;
  if (!on) console.warn("offline:", why);
  document.body.dataset.offlineReason = on ? "" : String(why);
  document.getElementById("status").classList.toggle("offline", !on);
}

// ---------- pairing
function pairScreen(messageKey) {
  const input = el("input", { id: "pair-code", inputmode: "text", autocomplete: "off", maxlength: "9", "aria-label": t("pair-code") });
  const err = el("p", { class: "k-error", role: "alert" }, messageKey ? t(messageKey) : "");
  const submit = async () => {
    err.textContent = "";
    try {
      const r = await fetch("/api/v1/kiosk/pair", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: input.value }) });
      if (r.ok) {
        const j = await r.json();
        S.token = j.token;
        await kvSet("token", j.token);
        await loadConfig();
        begin();
        return;
      }
      err.textContent = t(r.status === 429 ? "pair-busy" : r.status === 400 ? "pair-format" : "pair-wrong");
    } catch (_) { err.textContent = t("offline"); }
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") submit(); });
  show(el("div", { class: "k-pair" },
    el("h1", { class: "k-prompt" }, t("pair-title")),
    el("p", { class: "k-sub" }, t("pair-help")),
    input, err,
    el("div", { class: "k-actions" }, el("button", { class: "k-primary", id: "pair-submit", onclick: submit }, t("pair-submit")))));
  input.focus();
}
async function unpaired() {
  S.token = null; S.config = null;
  await kvDel("token"); await kvDel("config");
  renderLangs([]);
  pairScreen("unpaired");
}

// ---------- settings
async function loadConfig() {
  if (S.loading) return; // the heartbeat and the long poll may both see one change
  S.loading = true;
  try {
    const r = await api("GET", "/api/v1/kiosk/config");
    if (r.ok) {
      S.config = await r.json();
      await kvSet("config", S.config);
      setOnline(true);
    }
  } catch (e) {
    if (e.message === "unpaired") { S.loading = false; return; }
    setOnline(false, `config: ${e}`);
    S.config = S.config || (await kvGet("config"));
  }
  S.loading = false;
  if (!S.config) { pairScreen(); return; }
  applyBranding();
  if (!S.lang || !S.config.terminal.locales.includes(S.lang)) S.lang = S.config.terminal.locales[0] || "en";
  start();
}
function applyBranding() {
  const c = S.config;
  document.getElementById("org-name").textContent = c.org.name;
  const logo = document.getElementById("logo");
  if (c.org.logo) { logo.src = c.org.logo; logo.hidden = false; } else { logo.hidden = true; }
  document.title = c.org.name;
}
function renderLangs(locales) {
  const nav = document.getElementById("langs");
  nav.replaceChildren(...(locales.length > 1 ? locales : []).map((l) =>
    el("button", { lang: l, "aria-pressed": String(l === S.lang), "data-lang": l, onclick: () => { setLang(l); touch(); play("welcome"); } },
      { en: "English", ar: "العربية", lv: "Latviešu" }[l] || l)));
}
function setLang(l) {
  S.lang = l;
  document.documentElement.lang = l;
  document.documentElement.dir = l === "ar" ? "rtl" : "ltr";
  renderLangs(S.config ? S.config.terminal.locales : []);
  render();
}

// ---------- voice: each screen may speak in the customer's language
let voice = null;
function play(screenName) {
  const c = S.config;
  const url = c && c.audio && c.audio[S.lang] && c.audio[S.lang][screenName];
  if (!url) return;
  if (voice) voice.pause();
  voice = new Audio(url);
  voice.play().catch(() => { /* the browser wants a tap first, or there is no sound */ });
}

// ---------- one customer's pass through the survey
function start() {
  clearTimeout(S.idleTimer);
  S.visit = null; S.answers = {}; S.service = null; S.employee = null; S.current = null; S.chooser = true;
  if (S.pendingConfig) { S.pendingConfig = false; loadConfig(); return; }
  const def = S.config.terminal.locales[0] || "en";
  setLang(def);
}
function touch() { // any interaction postpones the idle reset
  clearTimeout(S.idleTimer);
  if (S.visit) S.idleTimer = setTimeout(start, (S.config.timing.idle_seconds || 30) * 1000);
}
function questions() { return (S.config.survey && S.config.survey.questions) || []; }
function met(rule) {
  const a = S.answers[rule.question];
  if (!a) return false;
  if (rule.op === "score_at_most") return a.score !== undefined && a.score <= rule.value;
  if (rule.op === "score_at_least") return a.score !== undefined && a.score >= rule.value;
  if (rule.op === "chose") return a.choice !== undefined && a.choice.split(",").includes(rule.value);
  return false;
}
function nextQuestion(afterKey) {
  const qs = questions();
  let i = afterKey === null ? 0 : qs.findIndex((q) => q.key === afterKey) + 1;
  for (; i < qs.length; i++) {
    const q = qs[i];
    if (!q.show_if || met(q.show_if)) return q;
  }
  return null;
}
function render() {
  const c = S.config;
  if (!c) return;
  if (S.blocked) { show(el("div", {}, el("h1", { class: "k-prompt" }, t(S.blocked)))); return; }
  if (c.terminal.state === "maintenance") { show(el("div", {}, el("p", { class: "k-big" }, "⚙"), el("h1", { class: "k-prompt" }, t("maintenance")), el("p", { class: "k-sub" }, t("maintenance-sub")))); return; }
  if (c.terminal.state === "locked") { show(el("div", {}, el("p", { class: "k-big" }, "🔒"), el("p", { class: "k-sub" }, t("locked")))); screen.classList.add("k-dark"); return; }
  if (c.terminal.kind === "station") { stationScreen(); return; }
  if (!questions().length) { show(el("h1", { class: "k-prompt" }, t("no-survey"))); return; }
  if (S.thanks) { thanks(); return; }
  // Free rating: the customer first chooses what or whom to rate.
  if (c.terminal.mode === "free" && S.chooser && !S.visit) { chooser(); return; }
  const q = S.current ? questions().find((x) => x.key === S.current) : nextQuestion(null);
  if (!q) { start(); return; }
  if (q.subject === "service" && !S.service && !c.terminal.service_id && c.services.length > 1 && c.terminal.mode !== "single") { servicePicker(q); return; }
  ask(q);
}
function chooser() {
  const c = S.config;
  const pick = (service, employee) => { S.chooser = false; S.service = service; S.employee = employee; render(); };
  const options = [el("button", { class: "k-choice", onclick: () => pick(null, null) }, t("rate-place"))];
  for (const s of c.services) options.push(el("button", { class: "k-choice", onclick: () => pick(s.id, null) }, named(s)));
  for (const e of c.staff) options.push(el("button", { class: "k-choice", onclick: () => pick(null, e.id) }, e.name));
  show(el("h1", { class: "k-prompt" }, t("whom")), el("div", { class: "k-choices" }, options));
}
function servicePicker(q) {
  const pick = (id) => { S.service = id || "none"; S.current = q.key; touch(); render(); };
  show(el("h1", { class: "k-prompt" }, t("which-service")),
    el("div", { class: "k-choices" }, S.config.services.map((s) => el("button", { class: "k-choice", onclick: () => pick(s.id) }, named(s)))),
    el("div", { class: "k-actions" }, el("button", { class: "k-secondary", onclick: () => pick(null) }, t("skip"))));
}

const FACE_COLOURS = ["var(--f1)", "var(--f2)", "var(--f3)", "var(--f4)", "var(--f5)"];
const MOUTHS = ["M30 72 Q50 52 70 72", "M32 70 Q50 60 68 70", "M32 66 L68 66", "M32 62 Q50 74 68 62", "M28 58 Q50 84 72 58"];
function face(n) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", "0 0 100 100");
  svg.setAttribute("aria-hidden", "true");
  const parts = [["circle", { cx: 50, cy: 50, r: 46, fill: FACE_COLOURS[n - 1] }], ["circle", { cx: 35, cy: 40, r: 6, fill: "#1b1b1b" }],
    ["circle", { cx: 65, cy: 40, r: 6, fill: "#1b1b1b" }], ["path", { d: MOUTHS[n - 1], stroke: "#1b1b1b", "stroke-width": 6, fill: "none", "stroke-linecap": "round" }]];
  for (const [tag, attrs] of parts) {
    const e = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    svg.append(e);
  }
  return svg;
}

function ask(q) {
  S.current = q.key;
  const first = q.key === (nextQuestion(null) || {}).key;
  const prompt = el("h1", { class: "k-prompt", id: "prompt" }, text(q.prompt));
  const c = S.config;
  const asked = c.asked && first ? el("p", { class: "k-asked" }, t("asked-by").replace("%name%", c.asked.name)) : null;
  const answer = (value, button) => {
    if (button) button.classList.add("tapped");
    record(q, value);
    setTimeout(() => advance(q), 180);
  };
  let body;
  if (q.scale === "csat5") {
    body = el("div", { class: "k-faces", role: "group", "aria-labelledby": "prompt" }, [1, 2, 3, 4, 5].map((n) => {
      const b = el("button", { class: "k-face", "data-score": n, "aria-label": t(`smiley-${n}`) }, face(n), el("span", {}, t(`smiley-${n}`)));
      b.addEventListener("click", () => answer({ score: n }, b));
      return b;
    }));
  } else if (q.scale === "nps11" || q.scale === "ces7" || q.scale === "agree7") {
    const [lo, hi, low, high] = {
      nps11: [0, 10, "nps-low", "nps-high"],
      ces7: [1, 7, "ces-low", "ces-high"],
      agree7: [1, 7, "agree-low", "agree-high"],
    }[q.scale];
    const nums = [];
    for (let n = lo; n <= hi; n++) {
      const b = el("button", { "data-score": n }, n);
      b.addEventListener("click", () => answer({ score: n }, b));
      nums.push(b);
    }
    body = el("div", { class: "k-scale" }, el("div", { class: "k-nums", role: "group", "aria-labelledby": "prompt" }, nums),
      el("div", { class: "k-ends" }, el("span", {}, t(low)), el("span", {}, t(high))));
  } else if (q.scale === "yes_no") {
    body = el("div", { class: "k-choices k-yesno" }, [[1, "yes"], [0, "no"]].map(([v, k]) => {
      const b = el("button", { class: "k-choice", "data-score": v }, t(k));
      b.addEventListener("click", () => answer({ score: v }, b));
      return b;
    }));
  } else if (q.scale === "choice" || q.scale === "intent") {
    body = el("div", { class: "k-choices" }, q.choices.map((ch) => {
      const b = el("button", { class: "k-choice", "data-choice": ch.key }, text(ch.label));
      b.addEventListener("click", () => answer({ choice: ch.key }, b));
      return b;
    }));
  } else if (q.scale === "multi_choice") {
    const chosen = new Set();
    const next = el("button", { class: "k-primary", id: "next", disabled: true }, t("next"));
    const buttons = q.choices.map((ch) => {
      const b = el("button", { class: "k-choice", "data-choice": ch.key, "aria-pressed": "false" }, text(ch.label));
      b.addEventListener("click", () => {
        touch();
        if (chosen.has(ch.key)) chosen.delete(ch.key); else chosen.add(ch.key);
        b.setAttribute("aria-pressed", String(chosen.has(ch.key)));
        next.disabled = chosen.size === 0;
      });
      return b;
    });
    next.addEventListener("click", () => answer({ choice: q.choices.map((c) => c.key).filter((k) => chosen.has(k)).join(",") }));
    body = el("div", { class: "k-scale" }, el("p", { class: "k-sub" }, t("choose-many")), el("div", { class: "k-choices" }, buttons),
      el("div", { class: "k-actions" }, next));
  } else {
    const area = el("textarea", { class: "k-text", id: "comment", maxlength: "1000", placeholder: t("type-here"), dir: "auto" });
    area.addEventListener("input", touch);
    const send = el("button", { class: "k-primary", id: "send" }, t("send"));
    send.addEventListener("click", () => { const v = area.value.trim(); if (v) answer({ text: v }); else advance(q); });
    body = el("div", { class: "k-scale" }, area, el("div", { class: "k-actions" }, send));
  }
  const skip = first ? null : el("div", { class: "k-actions" }, el("button", { class: "k-secondary", id: "skip", onclick: () => advance(q) }, t("skip")));
  show(asked, prompt, body, skip);
  if (!first && S.spoken !== q.key) { S.spoken = q.key; play("question"); }
  touch();
}

function record(q, value) {
  if (!S.visit) S.visit = (S.config.asked && S.config.asked.visit_id) || uuid7();
  S.answers[q.key] = value;
  const c = S.config;
  const a = { id: uuid7(), answered_at: new Date().toISOString(), question_id: q.id, visit_id: S.visit, lang: S.lang, ...value };
  const employee = S.employee || (c.asked && c.asked.employee_id);
  if (employee) a.employee_id = employee;
  if (S.service && S.service !== "none") a.service_id = S.service;
  if (S.preview) return; // the survey editor's preview stores nothing
  enqueue(a).then(() => { statusBeat(); send(); });
}
function advance(q) {
  const next = nextQuestion(q.key);
  if (next) { S.current = next.key; render(); } else { S.thanks = true; render(); }
}
function thanks() {
  clearTimeout(S.idleTimer);
  const done = () => {
    clearTimeout(S.idleTimer);
    if (!S.thanks) return;
    S.thanks = false;
    if (S.config.asked) S.pendingConfig = true; // the station's request is used up
    start();
  };
  // The next customer need not wait: a tap on the thank-you screen starts again.
  play("thanks");
  show(el("button", { class: "k-thanks", id: "thanks", onclick: done }, el("p", { class: "k-big" }, "✓"), el("h1", { class: "k-prompt" }, t("thanks")), el("p", { class: "k-sub" }, t("thanks-sub"))));
  S.idleTimer = setTimeout(done, (S.config.timing.thanks_seconds || 5) * 1000);
}

// ---------- a station at an employee's desk: asks for ratings, shows none
let stationPoll = null;
function stationScreen() {
  const c = S.config;
  const state = el("p", { class: "k-sub", id: "station-state", role: "status" }, S.stationState ? t(S.stationState) : "");
  const poll = async (terminal) => {
    clearTimeout(stationPoll);
    try {
      const r = await api("GET", `/api/v1/kiosk/station/status?terminal=${terminal}`);
      const j = await r.json();
      if (j.state === "received") { S.stationState = "station-received"; state.textContent = t(S.stationState); return; }
    } catch (_) { /* next round */ }
    stationPoll = setTimeout(() => poll(terminal), 3000);
  };
  const ask = el("button", { class: "k-primary", id: "station-ask", onclick: async () => {
    try {
      const r = await api("POST", "/api/v1/kiosk/station/ask");
      if (r.ok) { const j = await r.json(); S.stationState = "station-waiting"; state.textContent = t(S.stationState); poll(j.terminal_id); }
      else { S.stationState = "flash-station-no-terminal"; state.textContent = t(S.stationState); }
    } catch (_) { state.textContent = t("offline"); }
  } }, t("station-ask"));
  const visit = async (action) => {
    try { await api("POST", "/api/v1/kiosk/station/visit", { action, id: uuid7() }); } catch (_) { /* shown as offline */ }
    loadConfig();
  };
  const visitPart = c.visit
    ? el("button", { class: "k-secondary", id: "visit-end", onclick: () => visit("end") }, t("station-visit-end"))
    : el("button", { class: "k-secondary", id: "visit-start", onclick: () => visit("start") }, t("station-visit-start"));
  show(el("h1", { class: "k-prompt" }, c.terminal.employee_name || c.terminal.name),
    ask, state,
    el("div", { class: "k-actions" }, visitPart),
    el("p", { class: "k-sub" }, c.visit ? "" : t("station-no-visit")),
    el("p", { class: "k-sub" }, t("station-privacy")));
}

// ---------- sending: the queue drains whenever the server answers
let sending = false;
let backoff = 1000;
async function send() {
  if (sending || !S.token) return;
  sending = true;
  try {
    for (;;) {
      const batch = await queued(SEND_BATCH);
      if (!batch.length) break;
      const r = await api("POST", "/api/v1/kiosk/answers", { answers: batch });
      if (!r.ok) throw new Error(`status ${r.status}`);
      const j = await r.json();
      // Stored ones and ones refused for good leave the queue; a refusal is final.
      const done = j.results.map((res) => batch[res.index].id);
      for (const res of j.results) if (res.status !== "stored") console.warn("answer refused", batch[res.index], res.errors);
      await dequeue(done);
      setOnline(true);
      backoff = 1000;
    }
  } catch (e) {
    setOnline(false, `send: ${e}`);
    backoff = Math.min(backoff * 2, 30000);
    setTimeout(send, backoff);
  } finally {
    sending = false;
  }
}
setInterval(send, 5000);
window.addEventListener("online", send);

// ---------- heartbeat and remote changes
async function battery() {
  try { if (navigator.getBattery) return (await navigator.getBattery()).level; } catch (_) { /* not reported */ }
  return null;
}
async function statusBeat() {
  if (!S.token) return;
  try {
    const r = await api("POST", "/api/v1/kiosk/heartbeat", { app_version: APP_VERSION, queued: await queueCount(), battery: await battery(), tab: S.tab });
    if (r.status === 409) { S.blocked = "other-tab"; render(); return; }
    if (S.blocked) { S.blocked = null; render(); }
    if (r.ok) { setOnline(true); changed(await r.json()); }
  } catch (e) { setOnline(false, `heartbeat: ${e}`); }
}
function changed(v) {
  const c = S.config;
  if (!c || !v) return;
  if (v.reload_seq !== c.versions.reload_seq) { location.reload(); return; }
  if (v.config_version !== c.versions.config_version) {
    // Apply at once unless a customer is in the middle of the survey.
    if (S.visit) S.pendingConfig = true; else loadConfig();
  }
}
async function waitLoop() {
  for (;;) {
    if (!S.token || !S.config) { await new Promise((r) => setTimeout(r, 2000)); continue; }
    const v = S.config.versions;
    try {
      const r = await api("GET", `/api/v1/kiosk/wait?config=${v.config_version}&reload=${v.reload_seq}`);
      if (r.ok) { setOnline(true); changed(await r.json()); } else await new Promise((res) => setTimeout(res, 5000));
    } catch (e) {
      setOnline(false, `wait: ${e}`);
      await new Promise((res) => setTimeout(res, 5000));
    }
  }
}

// ---------- no way out for a customer
document.addEventListener("contextmenu", (e) => e.preventDefault());
document.addEventListener("gesturestart", (e) => e.preventDefault());
document.addEventListener("pointerdown", touch);

// ---------- start
(async () => {
  // The survey editor's preview: its settings from the editor, no pairing, no loops.
  const preview = document.body.dataset.preview;
  if (preview) {
    S.preview = true;
    const r = await fetch(preview, { cache: "no-store", credentials: "same-origin" });
    if (!r.ok) { show(el("h1", { class: "k-prompt" }, t("no-survey"))); return; }
    S.config = await r.json();
    applyBranding();
    S.lang = S.config.terminal.locales[0];
    start();
    return;
  }
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/kiosk/sw.js", { scope: "/kiosk/" }).catch(() => {});
  S.token = (await kvGet("token")) || null;
  if (!S.token) { pairScreen(); return; }
  S.config = (await kvGet("config")) || null;
  await loadConfig();
  begin();
})();

// The loops run once per page, from the start or from the moment of pairing.
let begun = false;
function begin() {
  if (begun) return;
  begun = true;
  statusBeat();
  setInterval(statusBeat, ((S.config && S.config.timing.heartbeat_seconds) || 15) * 1000);
  send();
  waitLoop();
}
