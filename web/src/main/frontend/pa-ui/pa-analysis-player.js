// The session video with the analysed skeleton drawn over it on a canvas (not burned into the video, so it can be
// switched off), frame stepping by the stream's own timestamps, slow motion, and a time cursor pushed to every
// chart linked to this player (pa-echart for-player=<id>).
class PaAnalysisPlayer extends HTMLElement {
  constructor() {
    super();
    this._data = null;
    this._showSkeleton = true;
    this._showAngles = true;
    this._paths = [];
    this._showPaths = true;
    this._scaleLine = null;
    this._scaleClicks = [];
    this._corrections = [];
    this._notes = [];
    this._drawings = [];
    this._drawClicks = [];
    this._drag = null;
  }

  connectedCallback() {
    if (this._video) return;
    this.style.display = 'block';
    this.style.position = 'relative';
    this.style.background = '#111';
    this.style.borderRadius = '8px';
    this.style.overflow = 'hidden';
    const video = document.createElement('video');
    video.setAttribute('playsinline', '');
    video.setAttribute('preload', 'auto');
    video.muted = true;
    video.controls = true;
    video.style.cssText = 'display:block;width:100%;height:100%;object-fit:contain;';
    const canvas = document.createElement('canvas');
    canvas.style.cssText = 'position:absolute;left:0;top:0;pointer-events:none;';
    canvas.className = 'overlay';
    this.appendChild(video);
    this.appendChild(canvas);
    this._video = video;
    this._canvas = canvas;
    if (this._src) video.src = this._src;
    const redraw = () => this.draw();
    ['loadeddata', 'seeked', 'pause', 'timeupdate'].forEach((e) => video.addEventListener(e, redraw));
    video.addEventListener('play', () => this._loop());
    video.addEventListener('error', () => this.dispatchEvent(new CustomEvent('video-error')));
    this.addEventListener('mousedown', (e) => this._pointerDown(e));
    this.addEventListener('mousemove', (e) => this._pointerMove(e));
    this.addEventListener('mouseup', (e) => this._pointerUp(e));
    this._resize = new ResizeObserver(redraw);
    this._resize.observe(this);
    // Clicks on the picture report a point in video pixels (choosing a person, a point to track).
    this.addEventListener('click', (e) => {
      if (!this.hasAttribute('pick') || this.getAttribute('pick') === 'correct') return;
      const p = this.toVideo(e.offsetX, e.offsetY);
      if (p) {
        this._picked = p;
        // Drawing a scale line: its two ends are shown as they are clicked, joined once both are there.
        if (this.getAttribute('pick') === 'scale') this._scaleClicks = [...this._scaleClicks.slice(-1), p];
        if (this.getAttribute('pick') === 'draw') this._drawClicks = [...this._drawClicks, p];
        this.draw();
        this.dispatchEvent(new CustomEvent('video-pick', { detail: { x: p[0], y: p[1], t: video.currentTime, purpose: this.getAttribute('pick') || 'point' } }));
      }
    });
  }

  /**
   * Correcting keypoints: a press near one of the analysed person's keypoints picks it, dragging moves it, and the release
   * reports {frame, landmark, x, y (video px), moved, t} as 'keypoint-pick'; a press without a drag only selects it.
   */
  _pointerDown(e) {
    if (this.getAttribute('pick') !== 'correct') return;
    const d = this._data, v = this._video;
    if (!v || !this._covers(v.currentTime)) return;
    const i = this.frameAt(v.currentTime), kp = d.kp[i];
    if (!kp) return;
    const b = this._box();
    let best = -1, bestDist = 18;
    for (let j = 0; j < kp.length / 3; j++) {
      if (kp[3 * j] === null) continue;
      const dist = Math.hypot(b.ox + kp[3 * j] * b.s - e.offsetX, b.oy + kp[3 * j + 1] * b.s - e.offsetY);
      if (dist < bestDist) { best = j; bestDist = dist; }
    }
    if (best < 0) return;
    e.preventDefault();
    this._drag = { i, landmark: best, x0: e.offsetX, y0: e.offsetY, at: [kp[3 * best], kp[3 * best + 1]], moved: false };
    this.draw();
  }

  _pointerMove(e) {
    const g = this._drag;
    if (!g) return;
    if (Math.hypot(e.offsetX - g.x0, e.offsetY - g.y0) > 2) g.moved = true;
    const p = this.toVideo(e.offsetX, e.offsetY);
    if (p) g.to = p;
    this.draw();
  }

  _pointerUp(e) {
    const g = this._drag;
    if (!g) return;
    this._drag = null;
    const p = g.moved ? (g.to || g.at) : g.at;
    this._selected = { i: g.i, landmark: g.landmark };
    this.draw();
    this.dispatchEvent(new CustomEvent('keypoint-pick', { detail: { frame: this._data.f ? this._data.f[g.i] : g.i, landmark: g.landmark,
      x: p[0], y: p[1], moved: g.moved, t: this._data.t[g.i] } }));
  }

  /** Timeline notes: [{t, to (null for a moment), text}]. */
  setNotes(json) { this._notes = json ? (typeof json === 'string' ? JSON.parse(json) : json) : []; this.draw(); }

  /** Drawings on frames: [{t, kind: line|angle|distance|text, pts: [x1, y1, ...], label, value}]. */
  setDrawings(json) { this._drawings = json ? (typeof json === 'string' ? JSON.parse(json) : json) : []; this.draw(); }

  /**
   * The drawings made at (or just before) the time shown, in orange: lines with end ticks, an angle's two arms with an arc
   * at its vertex, a text; each with its value and text beside it. While placing one, the points clicked so far, joined.
   */
  _drawDrawings(g, X, Y, t) {
    const shown = this._drawings.filter((d) => t >= d.t - 0.5 && t <= d.t + 1.0);
    if (this.getAttribute('pick') === 'draw' && this._drawClicks.length) {
      const pts = this._drawClicks.flat();
      shown.push({ kind: this._drawClicks.length === 1 ? 'point' : 'line', pts, label: '', value: '' });
    }
    if (!shown.length) return;
    g.save();
    g.lineWidth = 3; g.lineCap = 'round'; g.strokeStyle = '#ff922b'; g.fillStyle = '#ff922b';
    g.font = '600 14px system-ui, sans-serif'; g.textBaseline = 'middle';
    for (const d of shown) {
      const p = []; for (let k = 0; k + 1 < d.pts.length; k += 2) p.push([X(d.pts[k]), Y(d.pts[k + 1])]);
      if (d.kind !== 'text') {
        g.beginPath(); g.moveTo(p[0][0], p[0][1]); for (const q of p.slice(1)) g.lineTo(q[0], q[1]); g.stroke();
        for (const q of p) { g.beginPath(); g.arc(q[0], q[1], 4, 0, 2 * Math.PI); g.fill(); }
      }
      if (d.kind === 'angle' && p.length === 3) {
        const a1 = Math.atan2(p[0][1] - p[1][1], p[0][0] - p[1][0]), a2 = Math.atan2(p[2][1] - p[1][1], p[2][0] - p[1][0]);
        let from = a1, to = a2; let diff = to - from; while (diff > Math.PI) diff -= 2 * Math.PI; while (diff < -Math.PI) diff += 2 * Math.PI;
        g.beginPath(); g.arc(p[1][0], p[1][1], 22, from, from + diff, diff < 0); g.stroke();
      }
      const text = [d.value, d.label].filter((x) => x).join(' · ');
      if (text) {
        const at = d.kind === 'angle' ? p[1] : d.kind === 'text' ? p[0] : [(p[0][0] + p[p.length - 1][0]) / 2, (p[0][1] + p[p.length - 1][1]) / 2];
        const w = g.measureText(text).width + 12;
        g.fillStyle = 'rgba(0,0,0,0.72)'; g.fillRect(at[0] + 10, at[1] - 12, w, 24);
        g.fillStyle = '#ffc078'; g.fillText(text, at[0] + 16, at[1]);
        g.fillStyle = '#ff922b';
      }
    }
    g.restore();
  }

  /** Blue ticks above the picture at each note, and the notes near the time shown written at the top of the picture. */
  _drawNotes(g, b, v) {
    if (!this._notes.length) return;
    const dur = v.duration, t = v.currentTime;
    g.save();
    if (isFinite(dur) && dur > 0) for (const n of this._notes) {
      const x = b.w * n.t / dur, x1 = n.to === null || n.to === undefined ? x : b.w * n.to / dur;
      g.fillStyle = 'rgba(77,171,247,0.35)'; if (x1 > x) g.fillRect(x, 10, x1 - x, 6);
      g.fillStyle = '#4dabf7'; g.fillRect(x - 1.5, 6, 3, 12);
    }
    g.font = '600 14px system-ui, sans-serif'; g.textBaseline = 'middle';
    let y = 30;
    for (const n of this._notes) {
      const end = n.to === null || n.to === undefined ? n.t : n.to;
      if (t < n.t - 0.5 || t > end + 1.0) continue;
      const w = Math.min(b.w - 24, g.measureText(n.text).width + 16);
      g.fillStyle = 'rgba(0,0,0,0.72)'; g.fillRect(12, y - 13, w, 26);
      g.fillStyle = '#a5d8ff'; g.fillText(n.text, 20, y, w - 16);
      y += 30;
    }
    g.restore();
  }

  /** Corrections to mark: [{frame, landmark, hidden, from, to (s)}]; corrected frames get a ring on the keypoint and a tick above. */
  setCorrections(json) { this._corrections = json ? (typeof json === 'string' ? JSON.parse(json) : json) : []; this.draw(); }

  disconnectedCallback() { if (this._resize) this._resize.disconnect(); }

  /**
   * Side-by-side playback: this player follows another one, shifted so both reach their chosen event (e.g. the
   * start of the first repetition) together: my time = leader's time - leaderEvent + myEvent.
   */
  follow(leaderId, leaderEvent, myEvent) {
    const leader = document.getElementById(leaderId);
    if (!leader) return;
    this._shift = myEvent - leaderEvent;
    const sync = () => {
      const v = this._video, lv = leader._video;
      if (!v || !lv) return;
      const target = lv.currentTime + this._shift;
      v.playbackRate = lv.playbackRate;
      if (lv.paused) {
        if (!v.paused) v.pause();
        if (Math.abs(v.currentTime - target) > 0.01) v.currentTime = Math.max(0, target);
      } else {
        if (target < 0 || target > (v.duration || Infinity)) { if (!v.paused) v.pause(); return; }
        if (v.paused) v.play();
        if (Math.abs(v.currentTime - target) > 0.12) v.currentTime = target;
      }
    };
    leader.addEventListener('frame-drawn', sync);
    leader.addEventListener('player-seek', () => setTimeout(sync, 50));
  }

  setSource(url) { this._src = url; if (this._video) this._video.src = url; }

  /**
   * {t:[s], f:[frame], kp:[[x,y,v,...] per frame], bones:[[a,b]], labels:[{name, joint, values:[deg per frame]}], width,
   * height, others, window}. A long analysis comes a window at a time: window {from, to} (s; null at the analysis's
   * ends) is the span it was sent for, with a margin of frames either side; leaving it asks for the next ('player-window').
   */
  setData(json) { this._data = typeof json === 'string' ? JSON.parse(json) : json; this._askedWindow = null; this.draw(); }

  /** A long analysis: asks the server once for the window around t when t has left the one held. */
  _followWindow(t) {
    const w = this._data && this._data.window;
    if (!w || !((w.from !== null && t < w.from) || (w.to !== null && t >= w.to))) return;
    const now = performance.now();
    // one request at a time; asked again only if no answer came within 3 s
    if (this._askedWindow && now - this._askedWindow < 3000) return;
    this._askedWindow = now;
    this.dispatchEvent(new CustomEvent('player-window', { detail: { t } }));
  }

  /** Whether the data held covers time t (a window of a long analysis may not, until the next one arrives). */
  _covers(t) {
    const d = this._data;
    if (!d || !d.t.length) return false;
    return !d.window || (t >= d.t[0] - 0.05 && t <= d.t[d.t.length - 1] + 0.05);
  }

  /** Tracked points' paths: [{id, color, t:[s], x:[px|null], y:[px|null]}] (x, y null where the point was hidden). */
  setPaths(json) { this._paths = json ? (typeof json === 'string' ? JSON.parse(json) : json) : []; this.draw(); }
  showPaths(on) { this._showPaths = on; this.draw(); }

  /** The video's scale line: {x1, y1, x2, y2 (px of the displayed frame), label}, or null for none. */
  setScaleLine(json) { this._scaleLine = json ? (typeof json === 'string' ? JSON.parse(json) : json) : null; this.draw(); }

  /**
   * While picking, a click on the picture reports a point; the native controls are hidden so it does not play.
   * purpose ('point' to track a point, 'person' to choose the analysed person) comes back with the click.
   */
  setPicking(on, purpose) {
    if (on) this.setAttribute('pick', purpose || 'point'); else this.removeAttribute('pick');
    this._drawClicks = [];
    this._scaleClicks = [];
    this._selected = null;
    if (this._video) { this._video.controls = !on; if (on) this._video.pause(); }
    this.style.cursor = on ? 'crosshair' : '';
  }

  /** Draws one of the other people (by track id) in yellow: the person about to be chosen; null for none. */
  setHighlight(id) { this._highlight = id; this.draw(); }

  showSkeleton(on) { this._showSkeleton = on; this.draw(); }
  showAngles(on) { this._showAngles = on; this.draw(); }
  setRate(r) { if (this._video) this._video.playbackRate = r; }
  play() { this._video && this._video.play(); }
  pause() { this._video && this._video.pause(); }
  currentTime() { return this._video ? this._video.currentTime : 0; }

  seek(t) {
    if (!this._video) return;
    this._video.pause();
    this._video.currentTime = Math.max(0, Math.min(t, this._video.duration || t));
    this.dispatchEvent(new CustomEvent('player-seek', { detail: { t } }));
  }

  /** One frame forward (+1) or back (-1), by the analysed frames' own timestamps. */
  step(dir) {
    const d = this._data, v = this._video;
    if (!v) return;
    v.pause();
    if (!this._covers(v.currentTime)) { v.currentTime = Math.max(0, v.currentTime + dir / 30); return; }
    const i = this.frameAt(v.currentTime);
    const j = Math.max(0, Math.min(d.t.length - 1, i + dir));
    // A hair past the frame's timestamp so the browser shows that frame, not the one before.
    v.currentTime = d.t[j] + 0.001;
  }

  frameAt(t) {
    const ts = this._data ? this._data.t : [];
    let lo = 0, hi = ts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ts[mid] <= t + 0.0005) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  _loop() {
    const v = this._video;
    const tick = () => { this.draw(); if (!v.paused && !v.ended) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  }

  /** Where the picture lies inside the element (object-fit: contain). */
  _box() {
    const v = this._video, w = this.clientWidth, h = this.clientHeight;
    const vw = v.videoWidth || (this._data && this._data.width) || w;
    const vh = v.videoHeight || (this._data && this._data.height) || h;
    const s = Math.min(w / vw, h / vh);
    return { s, ox: (w - vw * s) / 2, oy: (h - vh * s) / 2, vw, vh, w, h };
  }

  toVideo(px, py) {
    const b = this._box();
    const x = (px - b.ox) / b.s, y = (py - b.oy) / b.s;
    return x >= 0 && y >= 0 && x <= b.vw && y <= b.vh ? [x, y] : null;
  }

  draw() {
    const v = this._video, c = this._canvas;
    if (!v || !c) return;
    const b = this._box();
    const dpr = window.devicePixelRatio || 1;
    if (c.width !== Math.round(b.w * dpr) || c.height !== Math.round(b.h * dpr)) {
      c.width = Math.round(b.w * dpr); c.height = Math.round(b.h * dpr);
      c.style.width = b.w + 'px'; c.style.height = b.h + 'px';
    }
    const g = c.getContext('2d');
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, b.w, b.h);
    this._labelBoxes = [];
    const t = v.currentTime;
    for (const chart of document.querySelectorAll(`pa-echart[for-player="${this.id}"]`)) chart.setCursor(t);
    this.dispatchEvent(new CustomEvent('frame-drawn', { detail: { t } }));
    const d = this._data;
    const X = (x) => b.ox + x * b.s, Y = (y) => b.oy + y * b.s;
    if (this._showPaths) for (const p of this._paths) if (p.t.length) this._drawPath(g, X, Y, t, p);
    if (this.getAttribute('pick') === 'scale') {
      const c = this._scaleClicks;
      if (c.length) this._drawScale(g, X, Y, { x1: c[0][0], y1: c[0][1], x2: c[c.length - 1][0], y2: c[c.length - 1][1],
        label: c.length < 2 ? 'click the other end' : '' });
    } else if (this._scaleLine) this._drawScale(g, X, Y, this._scaleLine);
    if (this._picked && this.hasAttribute('pick')) {
      g.strokeStyle = '#ff4081'; g.lineWidth = 2;
      g.beginPath(); g.arc(X(this._picked[0]), Y(this._picked[1]), 9, 0, 2 * Math.PI); g.stroke();
    }
    if (d && d.others && this._showSkeleton) this._drawOthers(g, X, Y, t, d);
    this._drawCorrectionTicks(g, b, v);
    this._drawNotes(g, b, v);
    this._drawDrawings(g, X, Y, t);
    this._followWindow(t);
    if (!this._covers(t)) return;
    const i = this.frameAt(t);
    let kp = d.kp[i];
    if (!kp) return;
    if (this._drag && this._drag.to && this._drag.i === i) {
      kp = kp.slice();
      kp[3 * this._drag.landmark] = this._drag.to[0]; kp[3 * this._drag.landmark + 1] = this._drag.to[1]; kp[3 * this._drag.landmark + 2] = 1;
    }
    const ok = (j) => kp[3 * j + 2] >= 0.3 && kp[3 * j] !== null;
    const taken = [];
    if (this._showSkeleton) {
      g.lineWidth = 3; g.strokeStyle = 'rgba(0,230,118,0.9)'; g.lineCap = 'round';
      for (const [a, bb] of d.bones) {
        if (!ok(a) || !ok(bb)) continue;
        g.beginPath(); g.moveTo(X(kp[3 * a]), Y(kp[3 * a + 1])); g.lineTo(X(kp[3 * bb]), Y(kp[3 * bb + 1])); g.stroke();
      }
      g.fillStyle = '#fff';
      let top = null;
      for (let j = 0; j < kp.length / 3; j++) {
        if (!ok(j)) continue;
        g.beginPath(); g.arc(X(kp[3 * j]), Y(kp[3 * j + 1]), 3.5, 0, 2 * Math.PI); g.fill();
        if (!top || kp[3 * j + 1] < top[1]) top = [kp[3 * j], kp[3 * j + 1]];
      }
      // With other people in view, the analysed one is named too, so "Person 2" means the same on every skeleton.
      if (top && d.subject !== undefined && d.subject !== null && d.others && d.others.length) {
        g.font = '600 13px system-ui, sans-serif';
        g.fillStyle = 'rgba(0,0,0,0.6)'; g.fillRect(X(top[0]) - 4, Y(top[1]) - 34, 80, 20);
        g.fillStyle = 'rgb(0,230,118)'; g.fillText('Person ' + d.subject, X(top[0]), Y(top[1]) - 19);
        taken.push({ x: X(top[0]) - 4, y: Y(top[1]) - 34, w: 80, h: 20 });
      }
    }
    this._drawCorrected(g, X, Y, kp, d, i);
    if (this._showAngles && d.labels) {
      g.font = '600 14px system-ui, sans-serif';
      const items = [];
      for (const l of d.labels) {
        const val = l.values[i];
        if (val === null || val === undefined || !ok(l.joint)) continue;
        const text = `${Math.round(val)}°`;
        const jx = X(kp[3 * l.joint]), jy = Y(kp[3 * l.joint + 1]);
        const [dx, dy] = this._outward(kp, d.bones, l.joint, ok, X, Y);
        items.push({ x: jx, y: jy, dx, dy, w: g.measureText(text).width + 10, h: 21, text, color: l.color || '#ffd43b' });
      }
      const boxes = PaAnalysisPlayer.layoutLabels(items, { w: b.w, h: b.h }, taken);
      g.textBaseline = 'middle';
      items.forEach((it, k) => {
        const box = boxes[k];
        // A thin leader from the joint to its label, so a label pushed aside still says where it belongs.
        g.strokeStyle = 'rgba(0,0,0,0.55)'; g.lineWidth = 1;
        g.beginPath(); g.moveTo(it.x, it.y); g.lineTo(Math.max(box.x, Math.min(it.x, box.x + box.w)), Math.max(box.y, Math.min(it.y, box.y + box.h))); g.stroke();
        g.fillStyle = 'rgba(0,0,0,0.72)'; g.fillRect(box.x, box.y, box.w, box.h);
        g.fillStyle = it.color; g.fillText(it.text, box.x + 5, box.y + box.h / 2 + 1);
        this._labelBoxes.push({ x: box.x, y: box.y, w: box.w, h: box.h, text: it.text, jx: it.x, jy: it.y });
      });
      g.textBaseline = 'alphabetic';
    }
  }

  /**
   * Which way a label at this joint should go: away from the angle's two arms (the outward bisector of the bones that
   * meet there), so it covers neither limb; along a straight limb, to the side away from the body's centre.
   */
  _outward(kp, bones, j, ok, X, Y) {
    const px = X(kp[3 * j]), py = Y(kp[3 * j + 1]);
    let sx = 0, sy = 0, n = 0;
    for (const [a, c] of bones) {
      const o = a === j ? c : c === j ? a : -1;
      if (o < 0 || !ok(o)) continue;
      const vx = X(kp[3 * o]) - px, vy = Y(kp[3 * o + 1]) - py, len = Math.hypot(vx, vy);
      if (len < 1) continue;
      sx += vx / len; sy += vy / len; n++;
    }
    let dx = -sx, dy = -sy;
    if (Math.hypot(dx, dy) < 0.3) {
      let cx = 0, cy = 0, m = 0;
      for (let k = 0; k < kp.length / 3; k++) if (ok(k)) { cx += X(kp[3 * k]); cy += Y(kp[3 * k + 1]); m++; }
      dx = m ? px - cx / m : 1; dy = m ? py - cy / m : 0;
      if (Math.hypot(dx, dy) < 1) { dx = 1; dy = 0; }
    }
    const len = Math.hypot(dx, dy);
    return [dx / len, dy / len];
  }

  /**
   * Places label boxes so none overlaps another or leaves the picture: each starts a little out from its joint in its
   * preferred direction; where that spot is taken or clipped, directions turning away from it in 20° steps and then
   * larger distances are tried, the first free spot winning. Labels are placed in the order given (the clinician's
   * first chosen angle gets the best spot). items: [{x, y, dx, dy, w, h}] in canvas pixels; bounds: {w, h}; taken:
   * boxes already drawn that labels must not cover. Returns [{x, y, w, h}] (top-left corners), one per item.
   */
  static layoutLabels(items, bounds, taken = []) {
    const placed = [...taken];
    const gap = 2;
    const hits = (r) => placed.some((p) => r.x < p.x + p.w + gap && p.x < r.x + r.w + gap && r.y < p.y + p.h + gap && p.y < r.y + r.h + gap);
    const inside = (r) => r.x >= 0 && r.y >= 0 && r.x + r.w <= bounds.w && r.y + r.h <= bounds.h;
    const at = (it, ang, dist) => {
      const ux = Math.cos(ang), uy = Math.sin(ang);
      // The box's centre sits so that its nearest edge is dist from the joint in that direction.
      const reach = Math.min(Math.abs(ux) > 1e-6 ? it.w / 2 / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-6 ? it.h / 2 / Math.abs(uy) : Infinity);
      const cx = it.x + ux * (dist + reach), cy = it.y + uy * (dist + reach);
      return { x: cx - it.w / 2, y: cy - it.h / 2, w: it.w, h: it.h };
    };
    // First within 80° of the preferred direction, moving out; then all round the joint.
    const rounds = [{ dists: [8, 22, 40, 62], turns: 4 }, { dists: [8, 22, 40, 62, 90, 125], turns: 9 }];
    for (const it of items) {
      const base = Math.atan2(it.dy || 0, it.dx || 1);
      let best = null;
      search:
      for (const round of rounds) {
        for (const dist of round.dists) {
          for (let k = 0; k <= round.turns; k++) {
            for (const sign of k === 0 ? [1] : [1, -1]) {
              const r = at(it, base + sign * k * Math.PI / 9, dist);
              if (inside(r) && !hits(r)) { best = r; break search; }
            }
          }
        }
      }
      if (!best) {
        // Nowhere free near the joint (a crowded, tiny picture): the first free row from the top, inside the picture.
        const r = at(it, base, 8);
        r.x = Math.max(0, Math.min(bounds.w - r.w, r.x));
        r.y = 0;
        while (hits(r) && r.y + r.h < bounds.h) r.y += r.h + gap;
        r.y = Math.min(r.y, Math.max(0, bounds.h - r.h));
        best = r;
      }
      placed.push(best);
    }
    return placed.slice(taken.length);
  }

  /** Other people in the video: thin grey skeletons with their track number, at the frame shown. */
  _drawOthers(g, X, Y, t, d) {
    g.lineWidth = 2; g.strokeStyle = 'rgba(200,200,200,0.7)'; g.font = '600 13px system-ui, sans-serif';
    for (const p of d.others) {
      const chosen = p.id === this._highlight;
      g.lineWidth = chosen ? 4 : 2; g.strokeStyle = chosen ? 'rgba(255,212,59,0.95)' : 'rgba(200,200,200,0.7)';
      if (!p.t.length || t < p.t[0] - 0.05 || t > p.t[p.t.length - 1] + 0.05) continue;
      let lo = 0, hi = p.t.length - 1;
      while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (p.t[mid] <= t + 0.0005) lo = mid; else hi = mid - 1; }
      const kp = p.kp[lo];
      const ok = (j) => kp[3 * j] !== null && kp[3 * j + 2] >= 0.3;
      let top = null;
      for (const [a, b] of d.bones) {
        if (!ok(a) || !ok(b)) continue;
        g.beginPath(); g.moveTo(X(kp[3 * a]), Y(kp[3 * a + 1])); g.lineTo(X(kp[3 * b]), Y(kp[3 * b + 1])); g.stroke();
        for (const j of [a, b]) if (!top || kp[3 * j + 1] < top[1]) top = [kp[3 * j], kp[3 * j + 1]];
      }
      if (top) {
        g.fillStyle = 'rgba(0,0,0,0.6)'; g.fillRect(X(top[0]) - 4, Y(top[1]) - 34, 80, 20);
        g.fillStyle = '#eee'; g.fillText('Person ' + p.id, X(top[0]), Y(top[1]) - 19);
      }
    }
  }

  /** Orange ticks along the top of the picture where corrections lie (their window as a faint span). */
  _drawCorrectionTicks(g, b, v) {
    const dur = v.duration;
    if (!this._corrections.length || !isFinite(dur) || dur <= 0) return;
    for (const c of this._corrections) {
      const x0 = b.w * c.from / dur, x1 = b.w * c.to / dur, x = b.w * c.t / dur;
      g.fillStyle = 'rgba(255,146,43,0.35)'; g.fillRect(x0, 0, Math.max(2, x1 - x0), 6);
      g.fillStyle = '#ff922b'; g.fillRect(x - 1.5, 0, 3, 10);
    }
  }

  /** On a corrected frame, an orange ring round each corrected keypoint (a cross where it was marked not visible). */
  _drawCorrected(g, X, Y, kp, d, i) {
    const frame = d.f ? d.f[i] : i;
    g.save(); g.lineWidth = 2.5; g.strokeStyle = '#ff922b';
    for (const c of this._corrections) {
      if (c.frame !== frame) continue;
      const j = c.landmark;
      if (c.hidden) {
        const x = X(c.x0), y = Y(c.y0);
        if (!isFinite(x)) continue;
        g.beginPath(); g.moveTo(x - 7, y - 7); g.lineTo(x + 7, y + 7); g.moveTo(x + 7, y - 7); g.lineTo(x - 7, y + 7); g.stroke();
      } else if (kp[3 * j] !== null) {
        g.beginPath(); g.arc(X(kp[3 * j]), Y(kp[3 * j + 1]), 8, 0, 2 * Math.PI); g.stroke();
      }
    }
    if (this._selected && this._selected.i === i && this.getAttribute('pick') === 'correct') {
      const j = this._selected.landmark;
      if (kp[3 * j] !== null) { g.strokeStyle = '#ff4081'; g.beginPath(); g.arc(X(kp[3 * j]), Y(kp[3 * j + 1]), 11, 0, 2 * Math.PI); g.stroke(); }
    }
    g.restore();
  }

  /** A scale line: yellow, with end ticks across it and its length written beside its middle. */
  _drawScale(g, X, Y, l) {
    const x1 = X(l.x1), y1 = Y(l.y1), x2 = X(l.x2), y2 = Y(l.y2);
    const len = Math.hypot(x2 - x1, y2 - y1), nx = len > 0 ? -(y2 - y1) / len : 0, ny = len > 0 ? (x2 - x1) / len : 1;
    g.save();
    g.strokeStyle = '#ffd600'; g.lineWidth = 2; g.setLineDash(len > 0 ? [8, 4] : []);
    g.beginPath(); g.moveTo(x1, y1); g.lineTo(x2, y2); g.stroke();
    g.setLineDash([]);
    for (const [x, y] of [[x1, y1], [x2, y2]]) { g.beginPath(); g.moveTo(x - 7 * nx, y - 7 * ny); g.lineTo(x + 7 * nx, y + 7 * ny); g.stroke(); }
    if (l.label) {
      g.font = '600 13px system-ui, sans-serif';
      const w = g.measureText(l.label).width + 10, mx = (x1 + x2) / 2 + 14 * nx, my = (y1 + y2) / 2 + 14 * ny;
      g.fillStyle = 'rgba(0,0,0,0.7)'; g.fillRect(mx - w / 2, my - 10, w, 20);
      g.fillStyle = '#ffd600'; g.textBaseline = 'middle'; g.fillText(l.label, mx - w / 2 + 5, my + 1);
    }
    g.restore();
  }

  /** The path so far (up to the frame shown) and a ring with the point's number where it is now. */
  _drawPath(g, X, Y, t, p) {
    const color = p.color || '#ff4081';
    g.lineWidth = 3; g.strokeStyle = color; g.lineJoin = 'round';
    g.beginPath();
    let started = false, last = -1;
    for (let k = 0; k < p.t.length && p.t[k] <= t + 0.0005; k++) {
      last = k;
      if (p.x[k] === null) { started = false; continue; }
      if (!started) { g.moveTo(X(p.x[k]), Y(p.y[k])); started = true; } else g.lineTo(X(p.x[k]), Y(p.y[k]));
    }
    g.stroke();
    if (last >= 0 && p.x[last] !== null) {
      const x = X(p.x[last]), y = Y(p.y[last]);
      g.lineWidth = 2; g.beginPath(); g.arc(x, y, 7, 0, 2 * Math.PI); g.stroke();
      g.font = '600 12px system-ui, sans-serif';
      g.fillStyle = 'rgba(0,0,0,0.6)'; g.fillRect(x + 9, y - 20, 18, 17);
      g.fillStyle = color; g.fillText(String(p.id), x + 13, y - 7);
    }
  }
}

if (!customElements.get('pa-analysis-player')) customElements.define('pa-analysis-player', PaAnalysisPlayer);
