// The report builder's chart: bars or lines, one series per metric.
(function () {
  "use strict";
  var rtl = document.documentElement.dir === "rtl";
  var data = document.getElementById("report-data");
  var canvas = document.getElementById("report-chart");
  if (!data || !canvas || !window.Chart) return;
  var d = JSON.parse(data.textContent);
  var palette = ["#0b6b5d", "#c2410c", "#4338ca", "#a16207", "#be123c", "#0e7490", "#7c3aed", "#4d7c0f"];
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  new Chart(canvas, {
    type: d.kind === "line" ? "line" : "bar",
    data: {
      labels: d.labels,
      datasets: d.series.map(function (s, i) {
        return { label: s.name, data: s.values, spanGaps: true, backgroundColor: palette[i % palette.length], borderColor: palette[i % palette.length] };
      })
    },
    options: {
      maintainAspectRatio: false,
      animation: false,
      // Arabic pages write every number in Arabic-Indic digits, the chart's too.
      locale: d.locale === "ar" ? "ar-u-nu-arab" : d.locale,
      scales: { x: { reverse: rtl }, y: { position: rtl ? "right" : "left" } },
      plugins: { legend: { rtl: rtl }, tooltip: { rtl: rtl } }
    }
  });
  canvas.dataset.ready = "1";
})();
