// The results page: the trend chart (Chart.js, vendored) and the live tile of today's
// answers. Right-to-left pages run time from right to left.
(function () {
  "use strict";
  var rtl = document.documentElement.dir === "rtl";
  var font = getComputedStyle(document.body).fontFamily;

  // The trend chart with its 95% interval as a band.
  var data = document.getElementById("trend-data");
  var canvas = document.getElementById("trend-chart");
  if (data && canvas && window.Chart) {
    var d = JSON.parse(data.textContent);
    var css = getComputedStyle(document.documentElement);
    var primary = css.getPropertyValue("--primary").trim() || "#1f5fbf";
    var soft = css.getPropertyValue("--primary-soft").trim() || "rgba(31,95,191,0.15)";
    // Arabic pages write every number in Arabic-Indic digits, the chart's too.
    var loc = d.locale === "ar" ? "ar-u-nu-arab" : d.locale;
    var digits = new Intl.NumberFormat(loc, { maximumFractionDigits: d.unit === "mean" ? 2 : 1 });
    Chart.defaults.font.family = font;
    new Chart(canvas, {
      type: "line",
      data: {
        labels: d.labels,
        // The line first: Chart.js draws the first dataset on top.
        datasets: [
          { label: d.metric, data: d.values, borderColor: primary, backgroundColor: primary, borderWidth: 2, pointRadius: 3, spanGaps: false },
          { label: d.interval, data: d.high, borderWidth: 0, pointRadius: 0, fill: "+1", backgroundColor: soft, spanGaps: false },
          { label: d.interval, data: d.low, borderWidth: 0, pointRadius: 0, fill: false, spanGaps: false }
        ].concat((d.external || []).map(function (e, i) {
          // Imported figures on their own axis, dashed, each a click on the legend away
          // (they are not Rida's answers).
          var colours = ["#b35c00", "#6a3d9a", "#1b7f5a", "#a61c3c"];
          return { label: e.label, data: e.values, yAxisID: "ext", borderColor: colours[i % 4], backgroundColor: colours[i % 4],
            borderDash: [6, 4], borderWidth: 2, pointRadius: 2, spanGaps: true, hidden: true };
        }))
      },
      options: {
        maintainAspectRatio: false,
        locale: loc,
        animation: false,
        scales: {
          x: { reverse: rtl },
          y: {
            position: rtl ? "right" : "left",
            min: d.axis_min,
            max: d.axis_max,
            ticks: { callback: function (v) { return digits.format(v); } }
          },
          ext: {
            display: "auto",
            position: rtl ? "left" : "right",
            grid: { drawOnChartArea: false },
            ticks: { callback: function (v) { return new Intl.NumberFormat(loc, { notation: "compact", maximumFractionDigits: 2 }).format(v); } }
          }
        },
        plugins: {
          legend: { rtl: rtl, labels: { filter: function (item) { return item.datasetIndex === 0 || item.datasetIndex > 2; } } },
          tooltip: {
            rtl: rtl,
            filter: function (item) { return item.datasetIndex === 0 || item.datasetIndex > 2; },
            callbacks: {
              label: function (ctx) {
                var i = ctx.dataIndex;
                if (ctx.datasetIndex > 2) return ctx.dataset.label + ": " + digits.format(ctx.parsed.y);
                if (d.values[i] === null) return "";
                return d.metric + ": " + digits.format(d.values[i]) + " (" + digits.format(d.low[i]) + "–" +
                  digits.format(d.high[i]) + "), " + d.answers + ": " + digits.format(d.n[i]);
              }
            }
          }
        }
      }
    });
    canvas.dataset.ready = "1";
  }

  // Today's answers, refreshed every 30 seconds.
  var today = document.getElementById("today");
  if (today && today.dataset.src) {
    setInterval(function () {
      fetch(today.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (t) {
          if (!t) return;
          today.querySelector("[data-today-n]").textContent = t.n_text;
          today.querySelector("[data-today-csat]").textContent = t.csat_text;
        })
        .catch(function () {});
    }, 30000);
  }
})();
