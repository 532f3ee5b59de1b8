/* Draws the report charts from the #report-charts JSON and lets each be saved as PNG. */
(function () {
  "use strict";
  var source = document.getElementById("report-charts");
  if (!source || typeof Chart === "undefined") {
    return;
  }
  var palette = ["#0d6efd", "#198754", "#dc3545", "#fd7e14", "#6f42c1", "#20c997", "#ffc107",
                 "#6c757d", "#0dcaf0", "#d63384"];
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
          return {
            label: series.name,
            data: series.values,
            backgroundColor: round ? palette : palette[index % palette.length],
            borderColor: round ? "#ffffff" : palette[index % palette.length]
          };
        })
      },
      options: {
        animation: false,
        responsive: true,
        plugins: {legend: {display: round || spec.series.length > 1}}
      },
      plugins: [whiteBackground]
    });
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
