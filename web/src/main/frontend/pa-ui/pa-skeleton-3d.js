// The triangulated skeleton in 3D: three.js with orbit controls, a floor grid in metres (0.5 m squares) and the
// cameras marked, following the time of the player named by for-player (the player announces each drawn frame).
// three.js is imported dynamically so the bundle of pages without this element does not carry it.
class PaSkeleton3d extends HTMLElement {
  connectedCallback() {
    if (this._started) { this._follow(); return; }
    this._started = true;
    this.style.display = 'block';
    this.style.position = 'relative';
    this.style.background = '#101418';
    this.style.borderRadius = '8px';
    this.style.overflow = 'hidden';
    this._ready = Promise.all([import('three'), import('three/addons/controls/OrbitControls.js')])
      .then(([THREE, controls]) => this._init(THREE, controls.OrbitControls));
    this._follow();
  }

  disconnectedCallback() {
    if (this._resize) this._resize.disconnect();
    if (this._unfollow) this._unfollow();
  }

  /** {t, p: [[x,y,z|null...] per sample], bones, floor, centre: [x, z], cameras: [{name, position}]} (metres, y up). */
  setData(json) {
    this._data = typeof json === 'string' ? JSON.parse(json) : json;
    this._follow();
    if (this._ready) this._ready.then(() => this._build());
  }

  /** The index of the sample shown at time t (the last one at or before t). */
  _sample(t) {
    const ts = this._data ? this._data.t : [];
    let lo = 0, hi = ts.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (ts[mid] <= t + 1e-4) lo = mid; else hi = mid - 1; }
    return lo;
  }

  _follow() {
    const id = this.getAttribute('for-player');
    const player = id ? document.getElementById(id) : null;
    if (!player || this._followed === player) return;
    this._followed = player;
    const onFrame = (e) => this.showTime(e.detail.t);
    player.addEventListener('frame-drawn', onFrame);
    player.addEventListener('player-seek', onFrame);
    this._unfollow = () => {
      player.removeEventListener('frame-drawn', onFrame);
      player.removeEventListener('player-seek', onFrame);
      this._followed = null;
    };
  }

  _init(THREE, OrbitControls) {
    let renderer;
    try {
      renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true });
    } catch (e) {
      // No WebGL (an old browser, or graphics switched off): say so instead of an empty box.
      const note = document.createElement('div');
      note.className = 'skeleton-3d-unavailable';
      note.style.cssText = 'color:#cfd8dc;padding:16px;font:14px sans-serif;';
      note.textContent = 'This browser cannot draw 3D graphics (WebGL is off), so the 3D skeleton cannot be shown. The angles and the views below are not affected.';
      this.appendChild(note);
      return;
    }
    this._THREE = THREE;
    renderer.setPixelRatio(window.devicePixelRatio || 1);
    renderer.domElement.style.cssText = 'display:block;width:100%;height:100%;';
    renderer.domElement.className = 'skeleton-3d-canvas';
    this.appendChild(renderer.domElement);
    const scene = new THREE.Scene();
    scene.background = new THREE.Color(0x101418);
    const camera = new THREE.PerspectiveCamera(45, 1, 0.05, 100);
    camera.position.set(2.5, 1.8, 3);
    const controls = new OrbitControls(camera, renderer.domElement);
    controls.addEventListener('change', () => this._render());
    Object.assign(this, { _renderer: renderer, _scene: scene, _camera: camera, _controls: controls });
    const label = document.createElement('div');
    label.className = 'skeleton-3d-time';
    label.style.cssText = 'position:absolute;left:8px;top:6px;color:#cfd8dc;font:12px sans-serif;pointer-events:none;';
    label.textContent = 'Drag to turn, scroll to zoom · grid 0.5 m';
    this.appendChild(label);
    this._label = label;
    this._resize = new ResizeObserver(() => this._size());
    this._resize.observe(this);
    this._size();
    if (this._data) this._build();
  }

  _size() {
    if (!this._renderer) return;
    const w = Math.max(1, this.clientWidth), h = Math.max(1, this.clientHeight);
    this._renderer.setSize(w, h, false);
    this._camera.aspect = w / h;
    this._camera.updateProjectionMatrix();
    this._render();
  }

  _build() {
    const THREE = this._THREE, d = this._data;
    if (!THREE || !d) return;
    if (this._group) this._scene.remove(this._group);
    const g = new THREE.Group();
    const grid = new THREE.GridHelper(6, 12, 0x5c6bc0, 0x37474f);
    grid.position.set(d.centre[0], d.floor, d.centre[1]);
    g.add(grid);
    // The cameras: small cones where they stood, so the view can be matched to the videos.
    for (const c of d.cameras) {
      const m = new THREE.Mesh(new THREE.SphereGeometry(0.06, 12, 8), new THREE.MeshBasicMaterial({ color: 0xffb300 }));
      m.position.set(c.position[0], c.position[1], c.position[2]);
      g.add(m);
    }
    const bones = new THREE.BufferGeometry();
    bones.setAttribute('position', new THREE.BufferAttribute(new Float32Array(d.bones.length * 6), 3));
    this._bones = new THREE.LineSegments(bones, new THREE.LineBasicMaterial({ color: 0x4fc3f7 }));
    this._bones.frustumCulled = false;
    g.add(this._bones);
    const joints = new THREE.BufferGeometry();
    const n = d.p.length ? d.p[0].length / 3 : 0;
    joints.setAttribute('position', new THREE.BufferAttribute(new Float32Array(n * 3), 3));
    this._joints = new THREE.Points(joints, new THREE.PointsMaterial({ color: 0xffffff, size: 0.035 }));
    this._joints.frustumCulled = false;
    g.add(this._joints);
    this._scene.add(g);
    this._group = g;
    const target = new THREE.Vector3(d.centre[0], d.floor + 0.9, d.centre[1]);
    this._controls.target.copy(target);
    this._camera.position.set(target.x + 2.6, target.y + 0.9, target.z + 2.6);
    this._controls.update();
    const player = this._followed;
    this.showTime(player && typeof player.currentTime === 'function' ? player.currentTime() : (d.t[0] || 0));
  }

  /** Shows the skeleton at time t (seconds, the followed player's clock). */
  showTime(t) {
    const d = this._data;
    if (!this._bones || !d) return;
    const i = this._sample(t);
    if (i < 0) return;
    const f = d.p[i];
    const bp = this._bones.geometry.attributes.position;
    d.bones.forEach(([a, b], k) => {
      const ok = f[3 * a] !== null && f[3 * b] !== null;
      // A bone with an end not triangulated collapses to a point (not drawn) rather than jumping to the origin.
      const A = ok ? a : -1;
      for (let e = 0; e < 2; e++) {
        const j = e === 0 ? A : (ok ? b : -1);
        const src = j < 0 ? [0, -1000, 0] : [f[3 * j], f[3 * j + 1], f[3 * j + 2]];
        bp.setXYZ(2 * k + e, src[0], src[1], src[2]);
      }
    });
    bp.needsUpdate = true;
    const jp = this._joints.geometry.attributes.position;
    for (let j = 0; j < jp.count; j++) {
      if (f[3 * j] === null) jp.setXYZ(j, 0, -1000, 0); else jp.setXYZ(j, f[3 * j], f[3 * j + 1], f[3 * j + 2]);
    }
    jp.needsUpdate = true;
    this.setAttribute('data-sample', String(i));
    if (this._label) this._label.textContent = `t = ${d.t[i].toFixed(2)} s · drag to turn, scroll to zoom · grid 0.5 m`;
    this._render();
  }

  /** How many pixels of a fresh frame are brighter than the background (-1 without WebGL): for tests and diagnostics. */
  litPixels() {
    if (!this._renderer) return -1;
    this._render();
    const gl = this._renderer.getContext();
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    const px = new Uint8Array(w * h * 4);
    gl.readPixels(0, 0, w, h, gl.RGBA, gl.UNSIGNED_BYTE, px);
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] + px[i + 1] + px[i + 2] > 200) n++;
    return n;
  }

  // Only draws: OrbitControls.update() announces 'change', whose listener draws, so updating here would recurse.
  _render() {
    if (!this._renderer) return;
    this._renderer.render(this._scene, this._camera);
  }
}

customElements.define('pa-skeleton-3d', PaSkeleton3d);
