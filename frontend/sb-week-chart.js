// <sb-week-chart data-chart='{"labels":[...],"series":[{"label":"...","data":[...]}]}'>: Week's Activity as
// grouped bars. Chart.js comes from its webjar (window.Chart); the element waits for it if it loads later.
class SbWeekChart extends HTMLElement {
  static get observedAttributes() { return ['data-chart']; }
  connectedCallback() {
    if (!this.canvas) {
      this.canvas = document.createElement('canvas');
      this.appendChild(this.canvas);
    }
    this.render();
  }
  disconnectedCallback() {
    clearTimeout(this.retry);
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }
  attributeChangedCallback() { this.render(); }
  render() {
    if (!this.isConnected || !this.canvas) {
      return;
    }
    if (!window.Chart) {
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.render(), 100);
      return;
    }
    const data = JSON.parse(this.getAttribute('data-chart') || '{"labels":[],"series":[]}');
    const colors = ['#1676f3', '#13a10e', '#e8710a'];
    const datasets = data.series.map((s, i) => ({ label: s.label, data: s.data, backgroundColor: colors[i % colors.length] }));
    if (this.chart) {
      this.chart.data.labels = data.labels;
      this.chart.data.datasets = datasets;
      this.chart.update();
      return;
    }
    this.chart = new window.Chart(this.canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
}
customElements.define('sb-week-chart', SbWeekChart);
