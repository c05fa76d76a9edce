// Turns each chart spec written by the report (title, axes, series, data columns) into a uPlot chart.
(function () {
  var specs = JSON.parse(document.getElementById('chart-data').textContent);
  specs.forEach(function (s) {
    var el = document.getElementById(s.id);
    var series = [{ label: s.xLabel }].concat(s.series.map(function (x) {
      return { label: x.label, stroke: x.color, width: 1.5, spanGaps: true, points: { show: s.points } };
    }));
    var opts = {
      title: s.title,
      width: Math.max(360, Math.min(1200, el.clientWidth || 960)),
      height: 280,
      scales: { x: { time: false, distr: s.logX ? 3 : 1 }, y: { distr: s.logY ? 3 : 1 } },
      axes: [{ label: s.xLabel }, { label: s.yLabel }],
      series: series
    };
    new uPlot(opts, s.data, el);
  });
})();
