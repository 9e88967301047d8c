// <sb-hourly-chart data='{"labels":["09:00",...],"series":[{"key":"handled","label":"Handled","counts":[...]},...]}'>
// Today's contacts by hour, stacked by outcome. Chart.js comes from its webjar (window.Chart); no build step.
const SB_OUTCOME_COLOURS = {
  handled: '#2e7d32',
  abandoned: '#c62828',
  timedOut: '#ef6c00',
  incomplete: '#757575',
  missed: '#6a1b9a',
  open: '#1565c0'
};

class SbHourlyChart extends HTMLElement {
  static get observedAttributes() { return ['data']; }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: 'open' });
      root.innerHTML = '<style>:host{display:block;position:relative;height:16rem;width:100%}</style><canvas></canvas>';
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.chart) {
      this.chart.destroy();
      this.chart = null;
    }
  }

  attributeChangedCallback() {
    if (this.isConnected && this.shadowRoot) {
      this.render();
    }
  }

  render() {
    if (!window.Chart) {
      // The webjar script is still loading: try again shortly.
      clearTimeout(this.retry);
      this.retry = setTimeout(() => this.isConnected && this.render(), 100);
      return;
    }
    const data = JSON.parse(this.getAttribute('data') || '{"labels":[],"series":[]}');
    const datasets = data.series.map(s => ({
      label: s.label,
      data: s.counts,
      backgroundColor: SB_OUTCOME_COLOURS[s.key] || '#999'
    }));
    if (this.chart) {
      this.chart.data.labels = data.labels;
      this.chart.data.datasets = datasets;
      this.chart.update();
      return;
    }
    this.chart = new window.Chart(this.shadowRoot.querySelector('canvas'), {
      type: 'bar',
      data: { labels: data.labels, datasets: datasets },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
  }
}

customElements.define('sb-hourly-chart', SbHourlyChart);
