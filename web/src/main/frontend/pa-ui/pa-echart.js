// An ECharts chart as a custom element. The server sends the option as JSON; the element only adds what must
// run in the browser at video speed: a time cursor that follows a linked player, and click-to-seek.
import * as echarts from 'echarts';

class PaEchart extends HTMLElement {
  connectedCallback() {
    if (!this._chart) {
      this.style.display = this.style.display || 'block';
      this._chart = echarts.init(this, null, { renderer: 'canvas' });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
      // A click anywhere in the plot (not only on a point) seeks the linked player to that time.
      this._chart.getZr().on('click', (e) => {
        const p = [e.offsetX, e.offsetY];
        if (!this._chart.containPixel('grid', p)) return;
        const t = this._chart.convertFromPixel({ seriesIndex: 0 }, p)[0];
        const player = this.player();
        if (player && typeof player.seek === 'function') player.seek(t + (this._offset || 0));
        this.dispatchEvent(new CustomEvent('chart-click', { detail: { x: t } }));
      });
      if (this._pending) { this.setOption(this._pending); this._pending = null; }
    }
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
  }

  /** The player whose time this chart follows (attribute for-player = the player's id). */
  player() {
    const id = this.getAttribute('for-player');
    return id ? document.getElementById(id) : null;
  }

  setOption(json) {
    if (!this._chart) { this._pending = json; return; }
    const option = typeof json === 'string' ? JSON.parse(json) : json;
    this._chart.setOption(option, true);
    this._cursor = undefined;
    this.dataset.rendered = 'true';
  }

  /** Offset added to the chart's x to get the player's time (aligned comparisons shift curves). */
  setOffset(seconds) { this._offset = seconds; }

  /** Moves the vertical time cursor; called by the player on every drawn frame. */
  setCursor(t) {
    if (!this._chart) return;
    const x = t - (this._offset || 0);
    if (this._cursor !== undefined && Math.abs(this._cursor - x) < 1e-4) return;
    this._cursor = x;
    this._chart.setOption({
      series: [{ id: '__cursor', type: 'line', data: [], silent: true,
        markLine: { symbol: 'none', silent: true, animation: false, label: { show: false },
          lineStyle: { color: '#d9480f', width: 2, type: 'solid' }, data: [{ xAxis: x }] } }],
    });
  }
}

if (!customElements.get('pa-echart')) customElements.define('pa-echart', PaEchart);
