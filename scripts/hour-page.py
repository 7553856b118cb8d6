#!/usr/bin/env python3
"""Tries an hour-long video's analysis page as a clinic would, for docs/BENCHMARKS.md ("An hour-long video's analysis page").

Needs the app running on a new data directory, chromium and chromedriver (Debian's), curl. It sets the clinic up through
the setup page, signs in, makes an API token on the profile page, uploads VIDEO and its KEYPOINTS (attached to it, so the
pose job on the hour is cancelled), waits for the analysis, then opens the analysis page three times and seeks to 30:00,
59:59 and 10:00.5 in each view, printing what the player holds and the server's resident memory (PID).

    scripts/hour-page.py URL DATA_DIR PID VIDEO KEYPOINTS OUT_DIR
"""
import base64, json, os, subprocess, sys, time, urllib.request

BASE = "http://127.0.0.1:9515"

def call(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(BASE + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"{}").get("value")

def start_driver():
    p = subprocess.Popen(["chromedriver", "--port=9515"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.5)
    return p

class Browser:
    def __init__(self):
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
            "binary": "/usr/bin/chromium", "args": ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                                                     "--window-size=1400,1100", "--autoplay-policy=no-user-gesture-required"]}}}}
        self.sid = call("POST", "/session", caps)["sessionId"]
        call("POST", f"/session/{self.sid}/timeouts", {"script": 300000, "pageLoad": 300000})
    def go(self, url): call("POST", f"/session/{self.sid}/url", {"url": url})
    def js(self, script, *args): return call("POST", f"/session/{self.sid}/execute/sync", {"script": script, "args": list(args)})
    def find(self, css):
        v = call("POST", f"/session/{self.sid}/element", {"using": "css selector", "value": css})
        return list(v.values())[0]
    def send_keys(self, el, text): call("POST", f"/session/{self.sid}/element/{el}/value", {"text": text})
    def shadow_input(self, host_id):
        sr = call("GET", f"/session/{self.sid}/element/{self.find('#' + host_id)}/shadow")
        sid = list(sr.values())[0]
        v = call("POST", f"/session/{self.sid}/shadow/{sid}/element", {"using": "css selector", "value": "input[type='file']"})
        return list(v.values())[0]
    def wait(self, script, timeout=60, *args):
        t0 = time.time()
        while time.time() - t0 < timeout:
            try:
                r = self.js(script, *args)
                if r: return r
            except Exception as e:
                pass
            time.sleep(0.5)
        raise TimeoutError(script)
    def shot(self, path):
        png = call("GET", f"/session/{self.sid}/screenshot")
        open(path, "wb").write(base64.b64decode(png))
    def quit(self): call("DELETE", f"/session/{self.sid}")

def set_field(b, id_, value):
    b.js("const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input')); e.dispatchEvent(new Event('change'));", id_, value)

def click(b, id_):
    b.js("document.getElementById(arguments[0]).click()", id_)

def rss(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith(("VmRSS", "VmHWM")): print(" ", line.strip(), flush=True)
url, data_dir, pid, video, keypoints, out = sys.argv[1:7]
os.makedirs(out, exist_ok=True)
PW = "Kniebeuge-2026!"
drv = start_driver()
b = Browser()
try:
    token = open(os.path.join(data_dir, "setup-token.txt")).read().strip()
    b.go(url + "/setup")
    b.wait("return document.getElementById('setup-token') != null")
    for id_, v in [("setup-token", token), ("clinic-name", "Physio Nord"), ("admin-name", "Ana Berg"), ("admin-username", "ana"),
                   ("admin-password", PW), ("admin-password-repeat", PW)]:
        set_field(b, id_, v)
    click(b, "create-clinic")
    time.sleep(2)
    b.go(url + "/")
    b.wait("return document.querySelector('vaadin-login-form') != null")
    user = b.js("return document.querySelector('vaadin-login-form').querySelector(\"input[name='username']\")")
    pw = b.js("return document.querySelector('vaadin-login-form').querySelector(\"input[name='password']\")")
    b.send_keys(list(user.values())[0], "ana")
    b.send_keys(list(pw.values())[0], PW + "\ue007")
    b.wait("return document.getElementById('signed-in-user') != null")
    print("signed in", flush=True)
    b.go(url + "/profile")
    b.wait("return document.getElementById('token-name') != null")
    set_field(b, "token-name", "hour upload")
    click(b, "make-token")
    secret = b.wait("const e = document.getElementById('token-secret'); return e && e.value")
    print("API token made", flush=True)

    def api(method, path, body=None, ctype="application/json"):
        req = urllib.request.Request(url + path, data=body, method=method,
                                     headers={"Authorization": "Bearer " + secret, "Content-Type": ctype})
        with urllib.request.urlopen(req, timeout=3600) as r:
            return json.loads(r.read() or b"{}")
    def upload(path, field_file, params=""):
        r = subprocess.run(["curl", "-sS", "-f", "-H", "Authorization: Bearer " + secret, "-F", "file=@" + field_file,
                            url + path + params], capture_output=True, text=True)
        if r.returncode: raise RuntimeError(r.stderr + r.stdout)
        return json.loads(r.stdout)

    subject = api("POST", "/api/v1/subjects", json.dumps({"displayName": "Jonas Weber"}).encode())["id"]
    session = api("POST", f"/api/v1/subjects/{subject}/sessions", json.dumps({"date": "2026-12-03", "exercise": "squat"}).encode())["id"]
    t0 = time.time()
    v = upload(f"/api/v1/sessions/{session}/videos", video)
    vid = v["id"]
    print(f"video {vid} uploaded in {time.time() - t0:.1f} s", flush=True)
    # the pose job on an hour would take most of an hour here: cancel it, the keypoints stand in for it
    try: api("POST", f"/api/v1/videos/{vid}/analysis/cancel")
    except Exception as e: print("cancel:", e)
    t0 = time.time()
    k = upload(f"/api/v1/sessions/{session}/keypoints", keypoints, f"?videoId={vid}")
    print(f"keypoints uploaded in {time.time() - t0:.1f} s: {k}", flush=True)
    while True:
        s = api("GET", f"/api/v1/videos/{vid}/analysis")
        if s.get("state") in ("succeeded", "failed"): break
        time.sleep(5)
    print("analysis:", json.dumps(s)[:300], flush=True)
    rss(pid)
    for view in range(3):
        t0 = time.time()
        b.go(url + f"/analysis/{vid}")
        b.wait("return document.getElementById('analysis-title') != null", 300)
        b.wait("const p = document.getElementById('analysis-player'); return p && p._data != null", 120)
        print(f"view {view + 1}: page with player data in {time.time() - t0:.1f} s", flush=True)
        print("  player holds", b.js("const d = document.getElementById('analysis-player')._data; return [d.t.length, d.t[0], d.t[d.t.length-1], JSON.stringify(d.window)]"))
        b.wait("const v = document.querySelector('#analysis-player video'); return v && v.readyState >= 1", 120)
        for at in (1800.0, 3599.0, 600.5):
            b.js("document.getElementById('analysis-player').seek(arguments[0])", at)
            t1 = time.time()
            got = b.wait("const p = document.getElementById('analysis-player'); const w = p._data.window; return !p._video.seeking && p._covers(p.currentTime()) && w && (w.from === null || p.currentTime() >= w.from) && (w.to === null || p.currentTime() < w.to) && [p.currentTime(), p._data.t[p.frameAt(p.currentTime())], JSON.stringify(w), p._data.t.length]", 60)
            print(f"  seek {at}: window in {time.time() - t1:.1f} s: time {got[0]:.3f}, frame drawn at {got[1]}, window {got[2]}, {got[3]} frames held", flush=True)
            if view == 0: b.shot(f"{out}/hour-seek-{int(at)}.png")
        pts = b.js("const c = document.getElementById('angle-chart')._chart; return c ? c.getOption().series.map(s => s.data.length) : null")
        print("  chart points per curve:", pts, flush=True)
        rss(pid)
finally:
    b.quit(); drv.kill()
