/* Draws the report charts from the #report-charts JSON and lets each be saved as PNG.
   Colours are the project's (brand blue first, badge gold second); a chart of counts ticks in
   whole numbers from zero; bars with long labels lie down so their labels stay readable; the
   legend sits under the chart and numbers follow the page's language. */
(function () {
  "use strict";
  var source = document.getElementById("report-charts");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var css = getComputedStyle(document.documentElement);
  var brand = (css.getPropertyValue("--brand") || "").trim() || "#0b4f8a";
  var palette = [brand, "#f2c230", "#2e7d32", "#b3261e", "#6a4c93", "#1b7f8c", "#d9731a",
                 "#5c636a", "#7aa6d6", "#8d6e63"];
  var locale = document.documentElement.lang === "en" ? "en-GB" : "vi-VN";
  var numbers = new Intl.NumberFormat(locale, {maximumFractionDigits: 1});
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 13;
  Chart.defaults.color = "#212529";
  /* PNG exports get a white background instead of a transparent one. */
  var whiteBackground = {
    id: "whiteBackground",
    beforeDraw: function (chart) {
      var context = chart.canvas.getContext("2d");
      context.save();
      context.globalCompositeOperation = "destination-over";
      context.fillStyle = "#ffffff";
      context.fillRect(0, 0, chart.width, chart.height);
      context.restore();
    }
  };

  function longest(labels) {
    return labels.reduce(function (most, label) { return Math.max(most, String(label).length); }, 0);
  }

  function valueAxis(spec) {
    return {
      beginAtZero: true,
      ticks: {precision: spec.counts ? 0 : 1, callback: function (value) { return numbers.format(value); }},
      grid: {color: "#e9ecef"},
      title: {display: spec.series.length === 1, text: spec.series.length ? spec.series[0].name : ""}
    };
  }

  /* Long labels are shortened on the chart (the table beside it has them whole), more on a
     phone; "narrow" is read from the chart's width each time it draws, so turning or resizing
     the screen redraws the labels to fit. */
  var NARROW = 480;

  function shorten(text, chart) {
    var most = chart.width < NARROW ? 18 : 32;
    text = String(text);
    return text.length > most ? text.slice(0, most - 1) + "…" : text;
  }

  function options(spec) {
    var round = spec.kind === "doughnut";
    var lying = spec.kind === "bar" && (longest(spec.labels) > 14 || spec.labels.length > 8);
    var result = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: lying ? "y" : "x",
      plugins: {
        legend: {display: round || spec.series.length > 1, position: "bottom",
                 labels: {boxWidth: 14, boxHeight: 14, padding: 12,
                          generateLabels: function (chart) {
                            var base = Chart.overrides[chart.config.type] || Chart.defaults;
                            var make = (base.plugins && base.plugins.legend &&
                                        base.plugins.legend.labels.generateLabels) ||
                                       Chart.defaults.plugins.legend.labels.generateLabels;
                            return make(chart).map(function (item) {
                              item.text = shorten(item.text, chart);
                              return item;
                            });
                          }}},
        tooltip: {callbacks: {label: function (item) {
          var name = round ? item.label : item.dataset.label;
          return name + ": " + numbers.format(item.raw);
        }}}
      }
    };
    if (!round) {
      var label = {ticks: {autoSkip: false, callback: function (value) {
                     return shorten(this.getLabelForValue(value), this.chart);
                   }},
                   grid: {display: false}, title: {display: true, text: spec.axis}};
      result.scales = lying ? {x: valueAxis(spec), y: label} : {x: label, y: valueAxis(spec)};
      if (lying) {
        /* A lying bar chart on a phone has no room for its category title beside the labels. */
        result.onResize = function (chart, size) {
          var show = size.width >= NARROW;
          if (chart.options.scales.y.title.display !== show) {
            chart.options.scales.y.title.display = show;
            chart.update("none");
          }
        };
      }
    }
    return result;
  }

  var charts = {};
  JSON.parse(source.textContent).forEach(function (spec) {
    var canvas = document.getElementById("chart-" + spec.key);
    if (!canvas) {
      return;
    }
    var round = spec.kind === "doughnut";
    charts[spec.key] = new Chart(canvas, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map(function (series, index) {
          var colour = palette[index % palette.length];
          return {
            label: series.name,
            data: series.values,
            backgroundColor: round ? palette : colour,
            borderColor: round ? "#ffffff" : colour,
            borderWidth: round ? 2 : 1,
            maxBarThickness: 36
          };
        })
      },
      options: options(spec),
      plugins: [whiteBackground]
    });
    var chart = charts[spec.key];
    if (chart.options.onResize) {
      chart.options.onResize(chart, {width: chart.width, height: chart.height});
    }
  });
  document.querySelectorAll("[data-chart-png]").forEach(function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-chart-png");
      var chart = charts[key];
      if (!chart) {
        return;
      }
      var link = document.createElement("a");
      link.href = chart.canvas.toDataURL("image/png");
      link.download = "bieu-do-" + key + ".png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
}());
