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
