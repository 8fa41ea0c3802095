// Follow-up questions on the public survey page: shown only when their rule is met
// (the server applies the same rules to what is sent, so without this script every
// question is simply shown).
(function () {
  "use strict";
  const form = document.querySelector(".a-form");
  if (!form) return;
  const follow = Array.from(form.querySelectorAll("fieldset[data-show-field]"));
  function values(name) {
    return Array.from(form.querySelectorAll("input:checked")).filter((i) => i.name === name).map((i) => i.value);
  }
  function met(fs) {
    const given = values(fs.dataset.showField);
    const want = fs.dataset.showValue;
    if (fs.dataset.showOp === "chose") return given.includes(want);
    if (given.length === 0) return false;
    const n = Number(given[0]);
    return fs.dataset.showOp === "at-most" ? n <= Number(want) : n >= Number(want);
  }
  function update() {
    for (const fs of follow) {
      const show = met(fs) && !document.getElementById(fs.dataset.showField)?.hidden;
      fs.hidden = !show;
      for (const i of fs.querySelectorAll("input, textarea")) i.disabled = !show;
    }
  }
  form.addEventListener("change", update);
  update();
})();
