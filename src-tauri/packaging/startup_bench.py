#!/usr/bin/env python3
"""Start-up and memory of the desktop app (issue 17), on a release binary under its own Xvfb.

Run by `make startup-bench` (or directly: `python3 src-tauri/packaging/startup_bench.py
[--app PATH] [--mj PATH] [--runs N] [--mem-runs N]`; `MJ_BENCH_APP` / `MJ_BENCH_MJ` pick the
binaries too). Python 3 stdlib only; it spawns `xvfb-run`, `xdotool` and `mj` (tests/tools.txt).

Every figure is measured from outside the app, on a throwaway copy of a journal
(`MENTOR_JOURNAL_DIR` under target/startup-bench/run, never the user's):

- window mapped: the script holds its own X connection with SubstructureNotify selected on the
  root window before it execs the app, and takes the monotonic time of the MapNotify of the
  app's top-level window (there is no window manager under Xvfb, so it is a child of the root).
  Event-driven: the resolution is the event delivery, well under a millisecond.
- unlock screen drawn: on that window the script creates an XDamage object and grabs the
  window's pixels (XGetImage) at every damage report, and every 20 ms when none comes. About 3 s
  after the window stopped changing, the last frame is the unlock screen as drawn; the figure is
  the time of the first grab that matches it (fewer than 0.5 % of 32-pixel tiles differ, which
  lets the blinking caret through). The resolution is one grab (a few ms, printed).
- memory: the passphrase is typed into the window with xdotool; once the dashboard is up and the
  app and its processes have used no CPU for 2 s, 5 s more, then the sum of `Pss` in
  /proc/PID/smaps_rollup of the app and every descendant (WebKitWebProcess,
  WebKitNetworkProcess). With an empty journal, 10,000 and 100,000 notes.

The journals are generated once (jrnl plain text, ~100 words a note, 30 mentors by @tag) and
imported with `mj`; they are cached in target/startup-bench/journals. A screenshot of the
dashboard of the last memory run is written to target/startup-bench/dashboard-<size>.png.
"""

import argparse
import ctypes
import ctypes.util
import hashlib
import os
import random
import select
import shutil
import statistics
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "target" / "startup-bench"
PASSPHRASE = "correct horse battery staple"
TITLE = b"Mentor Journal"
MENTORS = ["amara", "bashir", "chen", "dana", "elif", "farid", "greta", "hana", "ivan", "jun",
           "kofi", "lena", "mateo", "nadia", "omar", "priya", "quinn", "rosa", "sami", "tomas",
           "uma", "viktor", "wen", "ximena", "yusuf", "zara", "aiko", "bruno", "carmen", "diego"]
SIZES = {"empty": 0, "10k": 10_000, "100k": 100_000}
GEN_VERSION = "1"


# ---------------------------------------------------------------- journals
def vocabulary() -> list[str]:
    """The benches' vocabulary (benches/common/seed.rs, as src-tauri/cli/bench/jrnl_vs_mj.py)."""
    common = ["mentor", "research", "the", "residency", "patient", "feedback", "goal", "project",
              "abstract", "career", "clinic", "meeting", "paper", "teaching", "leadership",
              "fellowship"]
    syllables = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "pha", "qui"]
    out = list(common)
    i = 0
    while len(out) < 20_000:
        out.append("".join(syllables[(i // 10**k) % 10] for k in range(3)) + str(i % 7))
        i += 1
    return out


def jrnl_text(entries: int) -> str:
    vocab = vocabulary()
    rng = random.Random(0x5EED)
    n = len(vocab)
    start = time.mktime((2026, 11, 30, 17, 0, 0, 0, 0, -1))
    parts = []
    for e in range(entries):
        at = time.localtime(start - 2 * 3600 * (entries - e))
        who = MENTORS[rng.randrange(len(MENTORS))]
        body = " ".join(vocab[min(int(n ** rng.random()) - 1, n - 1)] for _ in range(100))
        parts.append(f"[{time.strftime('%Y-%m-%d %H:%M', at)}] Meeting {e} with @{who}\n{body}\n")
    return "\n".join(parts)


def mj_run(mj: Path, journal: Path, *args: str) -> None:
    done = subprocess.run([str(mj), "--dir", str(journal), "--passphrase-fd", "0", *args],
                          input=(PASSPHRASE + "\n").encode(), capture_output=True)
    if done.returncode != 0:
        sys.exit(f"mj {args[0]} failed ({done.returncode}): {done.stderr.decode()[-600:]}")


def journal_for(size: str, mj: Path) -> Path:
    """The cached journal of that size, made on first use."""
    cached = OUT / "journals" / size
    stamp = cached / ".startup-bench"
    if stamp.exists() and stamp.read_text() == GEN_VERSION:
        return cached
    shutil.rmtree(cached, ignore_errors=True)
    cached.parent.mkdir(parents=True, exist_ok=True)
    t = time.monotonic()
    mj_run(mj, cached, "init")
    if SIZES[size]:
        src = OUT / f"entries-{size}.txt"
        src.write_text(jrnl_text(SIZES[size]))
        maps = [a for m in MENTORS for a in ("--map", f"{m}=+{m.capitalize()} Mentor")]
        mj_run(mj, cached, "import", "jrnl", str(src), *maps)
        src.unlink()
    stamp.write_text(GEN_VERSION)
    print(f"  made the {size} journal in {time.monotonic() - t:.0f} s", flush=True)
    return cached


def fresh_copy(cached: Path) -> Path:
    """A copy the app may write to; backups are hard links (the app only adds or unlinks them)."""
    run = OUT / "run"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    for p in cached.iterdir():
        if p.name == ".startup-bench":
            continue
        if p.is_dir():
            subprocess.run(["cp", "-al", str(p), str(run / p.name)], check=True)
        else:
            shutil.copy2(p, run / p.name)
    return run


# ---------------------------------------------------------------- X11 through ctypes
X = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
XD = ctypes.CDLL(ctypes.util.find_library("Xdamage") or "libXdamage.so.1")
X.XOpenDisplay.restype = ctypes.c_void_p
X.XOpenDisplay.argtypes = [ctypes.c_char_p]
X.XDefaultRootWindow.restype = ctypes.c_ulong
X.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
X.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
X.XConnectionNumber.argtypes = [ctypes.c_void_p]
X.XPending.argtypes = [ctypes.c_void_p]
X.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
X.XFlush.argtypes = [ctypes.c_void_p]
X.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
X.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_char_p)]
X.XGetImage.restype = ctypes.c_void_p
X.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                        ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
X.XGetGeometry.argtypes = [ctypes.c_void_p, ctypes.c_ulong] + [ctypes.c_void_p] * 7
X.XFree.argtypes = [ctypes.c_void_p]
X.XSetErrorHandler.restype = ctypes.c_void_p
XD.XDamageQueryExtension.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                     ctypes.POINTER(ctypes.c_int)]
XD.XDamageCreate.restype = ctypes.c_ulong
XD.XDamageCreate.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int]
XD.XDamageSubtract.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
XD.XDamageDestroy.argtypes = [ctypes.c_void_p, ctypes.c_ulong]
ERROR_HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)(lambda d, e: 0)
X.XSetErrorHandler(ERROR_HANDLER)  # a window gone between event and request is not fatal

MAP_NOTIFY, SUBSTRUCTURE_NOTIFY_MASK, Z_PIXMAP, ALL_PLANES = 19, 1 << 19, 2, 0xFFFFFFFF


class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int),
                ("bitmap_pad", ctypes.c_int), ("depth", ctypes.c_int),
                ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]


class Display:
    def __init__(self) -> None:
        self.d = X.XOpenDisplay(None)
        if not self.d:
            sys.exit("cannot open the X display")
        self.root = X.XDefaultRootWindow(self.d)
        X.XSelectInput(self.d, self.root, SUBSTRUCTURE_NOTIFY_MASK)
        base, err = ctypes.c_int(), ctypes.c_int()
        if not XD.XDamageQueryExtension(self.d, ctypes.byref(base), ctypes.byref(err)):
            sys.exit("the X server has no DAMAGE extension")
        self.damage_notify = base.value  # XDamageNotify = 0
        self.fd = X.XConnectionNumber(self.d)
        self.ev = ctypes.create_string_buffer(192)
        X.XSync(self.d, 0)

    def events(self, timeout: float):
        """(type, window) of each event within timeout seconds; empty when none came."""
        if not X.XPending(self.d):
            select.select([self.fd], [], [], max(timeout, 0))
        out = []
        while X.XPending(self.d):
            X.XNextEvent(self.d, self.ev)
            kind = struct.unpack_from("i", self.ev, 0)[0]
            # XMapEvent.window and XDamageNotifyEvent.drawable both sit at offset 40 / 32.
            window = struct.unpack_from("L", self.ev, 40 if kind == MAP_NOTIFY else 32)[0]
            out.append((kind, window))
        return out

    def name(self, window: int) -> bytes:
        p = ctypes.c_char_p()
        if X.XFetchName(self.d, window, ctypes.byref(p)) and p.value is not None:
            return p.value
        return b""

    def size(self, window: int) -> tuple[int, int]:
        r, x, y = ctypes.c_ulong(), ctypes.c_int(), ctypes.c_int()
        w, h, b, dep = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
        X.XGetGeometry(self.d, window, *(ctypes.byref(v) for v in (r, x, y, w, h, b, dep)))
        return w.value, h.value

    def grab(self, window: int, w: int, h: int) -> bytes | None:
        p = X.XGetImage(self.d, window, 0, 0, w, h, ALL_PLANES, Z_PIXMAP)
        if not p:
            return None
        img = XImage.from_address(p)
        data = ctypes.string_at(img.data, img.bytes_per_line * img.height)
        X.XFree(img.data)
        X.XFree(p)
        return data


def differing_tiles(a: bytes, b: bytes, w: int, h: int, tile: int = 32) -> tuple[int, int]:
    """(tiles that differ, tiles) between two 32-bit frames, by rows of `tile` pixels."""
    stride, step = w * 4, tile * 4
    diff, total = 0, 0
    for ty in range(0, h, tile):
        rows = range(ty, min(ty + tile, h))
        for tx in range(0, stride, step):
            total += 1
            if any(a[y * stride + tx:y * stride + tx + step] != b[y * stride + tx:y * stride + tx + step]
                   for y in rows):
                diff += 1
    return diff, total


TIMELINE = False  # --timeline: each run's frames, as tiles that differ from the final one
SAME_SCREEN = 0.005  # share of tiles that may differ (a caret is 1-2 tiles of ~840)


def same_screen(a: bytes, b: bytes, w: int, h: int) -> bool:
    diff, total = differing_tiles(a, b, w, h)
    return diff <= total * SAME_SCREEN


def png(path: Path, frame: bytes, w: int, h: int) -> None:
    rgb = bytearray(w * h * 3)
    rgb[0::3], rgb[1::3], rgb[2::3] = frame[2::4], frame[1::4], frame[0::4]  # BGRX to RGB
    raw = b"".join(b"\0" + rgb[y * w * 3:(y + 1) * w * 3] for y in range(h))

    def chunk(t: bytes, d: bytes) -> bytes:
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


# ---------------------------------------------------------------- processes
def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = Path(f"/proc/{d}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def comm(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return "?"


def rollup(pid: int) -> dict[str, int]:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            k, v = line.split(":", 1)
            out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def cpu_ticks(pids: list[int]) -> int:
    total = 0
    for p in pids:
        try:
            f = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except OSError:
            pass
    return total


def stop(proc: subprocess.Popen) -> None:
    pids = descendants(proc.pid)
    proc.terminate()
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    for p in pids[1:]:  # WebKit's processes normally leave with the app
        try:
            os.kill(p, 9)
        except OSError:
            pass


# ---------------------------------------------------------------- one launch
def launch(app: Path, journal: Path, dpy: Display, settle: float = 3.0, quiet_max: float = 20.0):
    """Starts the app; returns (proc, window, w, h, t_map, t_drawn, grab_ms, last_frame)."""
    env = dict(os.environ, MENTOR_JOURNAL_DIR=str(journal), WEBKIT_DISABLE_DMABUF_RENDERER="1")
    dpy.events(0)  # drop what earlier runs left
    t0 = time.monotonic()
    proc = subprocess.Popen([str(app)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    window = t_map = None
    while window is None:
        if time.monotonic() - t0 > quiet_max or proc.poll() is not None:
            stop(proc)
            sys.exit("the app's window never mapped")
        for kind, win in dpy.events(0.5):
            if kind == MAP_NOTIFY and window is None and TITLE in dpy.name(win):
                window, t_map = win, time.monotonic() - t0
    w, h = dpy.size(window)
    damage = XD.XDamageCreate(dpy.d, window, 3)  # XDamageReportNonEmpty
    X.XFlush(dpy.d)
    frames: list[tuple[float, bytes]] = []  # (time, frame) of each change
    grab_times = []
    last_change = time.monotonic()
    while time.monotonic() - last_change < settle and time.monotonic() - t0 < quiet_max:
        dpy.events(0.02)
        XD.XDamageSubtract(dpy.d, damage, 0, 0)
        g0 = time.monotonic()
        frame = dpy.grab(window, w, h)
        grab_times.append(time.monotonic() - g0)
        if frame is None:
            continue
        if not frames or frames[-1][1] != frame:
            # The caret blinks for ever: only a change of more than SAME_SCREEN resets the wait.
            if not frames or not same_screen(frames[-1][1], frame, w, h):
                last_change = time.monotonic()
            frames.append((g0 - t0, frame))
    XD.XDamageDestroy(dpy.d, damage)
    X.XFlush(dpy.d)
    final = frames[-1][1]
    if TIMELINE:
        print("    frames: " + ", ".join(f"{t:.3f} s {differing_tiles(f, final, w, h)[0]} tiles off"
                                     for t, f in frames[:12]))
        for i, (t, f) in enumerate(frames[:6]):
            png(OUT / f"frame-{i}-{t * 1000:.0f}ms.png", f, w, h)
    t_drawn = None
    for t, f in frames:
        if same_screen(f, final, w, h):
            t_drawn = t
            break
    return proc, window, w, h, t_map, t_drawn, statistics.median(grab_times) * 1000, final


def wait_idle(proc: subprocess.Popen, since: float) -> None:
    """Until the app and its processes have used no CPU tick for 2 s."""
    idle_since, ticks = None, cpu_ticks(descendants(proc.pid))
    while True:
        time.sleep(0.25)
        now = cpu_ticks(descendants(proc.pid))
        idle_since = (idle_since or time.monotonic()) if now == ticks else None
        ticks = now
        if idle_since and time.monotonic() - idle_since >= 2:
            return
        if time.monotonic() - since > 180:
            sys.exit("the app never went idle after unlocking")


def unlock_and_measure(app: Path, journal: Path, dpy: Display, shot: Path | None):
    proc, window, w, h, t_map, t_drawn, _, unlock_frame = launch(app, journal, dpy, settle=1.5)
    try:
        hexid = str(window)
        subprocess.run(["xdotool", "mousemove", "--window", hexid, str(w // 2), str(h // 2)], check=True)
        subprocess.run(["xdotool", "windowfocus", "--sync", hexid], check=True)
        subprocess.run(["xdotool", "type", "--delay", "5", PASSPHRASE], check=True)
        subprocess.run(["xdotool", "key", "Return"], check=True)
        t_unlock = time.monotonic()
        wait_idle(proc, t_unlock)
        # A journal made by `mj init` has no confirmed recovery key, so the app asks about it
        # first (focus on "Issue a new recovery key"): two Shift+Tabs to "Later", Return.
        subprocess.run(["xdotool", "key", "shift+Tab", "shift+Tab", "Return"], check=True)
        wait_idle(proc, t_unlock)
        frame = dpy.grab(window, w, h)
        diff, total = differing_tiles(frame, unlock_frame, w, h)
        if diff < total * 0.05:
            sys.exit("after Return the window still shows the unlock screen (wrong passphrase?)")
        idle_at = time.monotonic()
        time.sleep(5)
        pids = descendants(proc.pid)
        per = [(p, comm(p), rollup(p)) for p in pids]
        if shot:
            png(shot, dpy.grab(window, w, h), w, h)
        return idle_at - t_unlock, per
    finally:
        stop(proc)


def summary(values: list[float], unit: str, fmt: str = "{:.3f}") -> str:
    f = lambda v: fmt.format(v)
    return f"median {f(statistics.median(values))} {unit} (range {f(min(values))}-{f(max(values))}, n={len(values)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--app", default=os.environ.get("MJ_BENCH_APP", ROOT / "target/release/mentor-journal"))
    ap.add_argument("--mj", default=os.environ.get("MJ_BENCH_MJ", ROOT / "target/release/mj"))
    ap.add_argument("--runs", type=int, default=10, help="launches timed (default 10)")
    ap.add_argument("--mem-runs", type=int, default=5, help="unlocks measured per journal size")
    ap.add_argument("--sizes", default="empty,10k,100k")
    ap.add_argument("--timeline", action="store_true", help="print each launch's frames")
    args = ap.parse_args()
    global TIMELINE
    TIMELINE = args.timeline
    app, mj = Path(args.app).resolve(), Path(args.mj).resolve()
    for p in (app, mj):
        if not p.exists():
            sys.exit(f"{p} is missing (build it, or pick one with --app / --mj)")
    if os.environ.get("MJ_STARTUP_BENCH_XVFB") != "1":  # run ourselves under a fresh Xvfb
        for tool in ("xvfb-run", "xdotool"):
            if not shutil.which(tool):
                sys.exit(f"{tool} is missing: run make test-deps")
        env = dict(os.environ, MJ_STARTUP_BENCH_XVFB="1")
        os.execvpe("xvfb-run", ["xvfb-run", "-a", "--server-args=-screen 0 1280x900x24 -nolisten tcp",
                                sys.executable, __file__, *sys.argv[1:]], env)
    OUT.mkdir(parents=True, exist_ok=True)
    sizes = args.sizes.split(",")
    print(f"app {app} ({app.stat().st_size / 2**20:.1f} MiB), {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f}", flush=True)
    journals = {s: journal_for(s, mj) for s in sizes}
    dpy = Display()

    # Start-up: with the biggest journal asked for (the unlock screen reads only the key file).
    start_journal = journals[sizes[-1]]
    maps, drawn, grabs = [], [], []
    for i in range(args.runs):
        run = fresh_copy(start_journal)
        proc, _, w, h, t_map, t_drawn, grab_ms, final = launch(Path(app), run, dpy)
        stop(proc)
        maps.append(t_map)
        drawn.append(t_drawn)
        grabs.append(grab_ms)
        print(f"  run {i + 1}: mapped {t_map:.3f} s, unlock screen drawn {t_drawn:.3f} s "
              f"({w}x{h}, grab {grab_ms:.1f} ms)", flush=True)
        if i == 0:
            png(OUT / "unlock.png", final, w, h)
    if maps:
        print(f"window mapped:        {summary(maps, 's')}")
        print(f"unlock screen drawn:  {summary(drawn, 's')}  (resolution: one grab, "
              f"median {statistics.median(grabs):.1f} ms)", flush=True)

    for size in sizes if args.mem_runs else []:
        pss, unlock = [], []
        for i in range(args.mem_runs):
            run = fresh_copy(journals[size])
            backups_before = sum(1 for _ in (run / "backups").iterdir()) if (run / "backups").is_dir() else 0
            shot = OUT / f"dashboard-{size}.png" if i == args.mem_runs - 1 else None
            took, per = unlock_and_measure(Path(app), run, dpy, shot)
            backups_after = sum(1 for _ in (run / "backups").iterdir()) if (run / "backups").is_dir() else 0
            total = sum(r.get("Pss", 0) for _, _, r in per) / 1024
            pss.append(total)
            unlock.append(took)
            parts = ", ".join(f"{c} {r.get('Pss', 0) / 1024:.0f} (anon {r.get('Pss_Anon', 0) / 1024:.0f}, "
                              f"file {r.get('Pss_File', 0) / 1024:.0f})" for _, c, r in per)
            print(f"  {size} run {i + 1}: PSS {total:.0f} MiB = {parts}; settled {took:.1f} s after Return"
                  f"{'; a backup was taken' if backups_after != backups_before else ''}", flush=True)
        print(f"PSS idle on the dashboard, {size}: {summary(pss, 'MiB', '{:.0f}')}")
    shutil.rmtree(OUT / "run", ignore_errors=True)


if __name__ == "__main__":
    main()
