// Period fields of the results and report pages: a date inside the period, or a custom
// range when "custom" is chosen.
(function () {
  "use strict";
  var kind = document.getElementById("f-period");
  if (!kind) return;
  function showFields() {
    var custom = kind.value === "custom";
    document.querySelectorAll(".when-custom").forEach(function (el) { el.hidden = !custom; });
    document.querySelectorAll(".when-fixed").forEach(function (el) { el.hidden = custom; });
  }
  kind.addEventListener("change", showFields);
  showFields();
})();

// Date fields are typed as year-month-day in the page's digits; the calendar button opens
// the browser's picker and writes the chosen day back the page's way.
(function () {
  "use strict";
  var arabic = document.documentElement.lang === "ar";
  function ascii(s) {
    return s.replace(/[\u0660-\u0669]/g, function (c) { return String(c.charCodeAt(0) - 0x660); })
      .replace(/[\u06F0-\u06F9]/g, function (c) { return String(c.charCodeAt(0) - 0x6F0); })
      .replace(/[\/.]/g, "-");
  }
  function local(s) {
    return arabic ? s.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x660 + Number(d)); }) : s;
  }
  document.querySelectorAll(".date-field").forEach(function (box) {
    var text = box.querySelector("input[type=text]");
    var native = box.querySelector(".date-native");
    var pick = box.querySelector(".date-pick");
    if (!text || !native || !pick || typeof native.showPicker !== "function") return;
    pick.hidden = false;
    pick.addEventListener("click", function () {
      var v = ascii(text.value.trim());
      if (/^\d{4}-\d{2}-\d{2}$/.test(v)) native.value = v;
      try { native.showPicker(); } catch (e) { text.focus(); }
    });
    native.addEventListener("change", function () {
      if (native.value) text.value = local(native.value);
    });
  });
})();
