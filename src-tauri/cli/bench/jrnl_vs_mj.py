#!/usr/bin/env python3
"""One search command, as a whole process, over the same 10,000 encrypted entries: jrnl 4.6
against `mj` (issue 15). Run by `make bench-mj` (or directly, after `cargo build --release -p mj`):
it installs jrnl from PyPI into target/bench-jrnl/venv (a bench needs the network once; the
tests never do), writes the entries as a jrnl journal encrypted the way jrnl 4.6 encrypts (v2:
Fernet under PBKDF2-SHA256, 100,000 rounds), imports the same entries into a new Mentor Journal
with `mj import jrnl`, and times `jrnl -contains WORD` and `mj search WORD`, each run 10 times.

Both print the matching entries: jrnl every match (it has no limit on -contains), mj the newest
50. Each decrypts what it needs: jrnl the whole file, then parses every entry; mj derives its key
with Argon2id (about 0.5 s, by design) and asks the index. The report says what mj's time is made
of: `mj --version` (process start), then the KDF (`--bench unlock`), then the search itself.
"""

import base64
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
VENV = ROOT / "target" / "bench-jrnl" / "venv"
MJ = ROOT / "target" / "release" / "mj"
ENTRIES = 10_000
PASSWORD = "correct horse battery staple"
RUNS = 10


def ensure_jrnl() -> Path:
    jrnl = VENV / "bin" / "jrnl"
    if not jrnl.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "jrnl==4.6"], check=True)
    return jrnl


def words() -> list[str]:
    """The benches' vocabulary (benches/common/seed.rs): real words first, made-up ones after."""
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


def jrnl_text(vocab: list[str]) -> str:
    """10,000 entries of ~100 Zipf-distributed words, a few hours apart, in jrnl's text format."""
    import random
    rng = random.Random(0x5EED)
    n = len(vocab)
    lines = []
    start = time.mktime((2026, 11, 30, 17, 0, 0, 0, 0, -1))
    for e in range(ENTRIES):
        at = time.localtime(start - 3 * 3600 * (ENTRIES - e))
        body = " ".join(vocab[min(int(n ** rng.random()) - 1, n - 1)] for _ in range(100))
        lines.append(f"[{time.strftime('%Y-%m-%d %H:%M', at)}] Meeting {e}\n{body}\n")
    return "\n".join(lines)


def jrnl_encrypt(plain: str) -> bytes:
    """jrnl 4.6's v2 encryption, with the cryptography package jrnl itself installs."""
    code = (
        "import base64,sys\n"
        "from cryptography.fernet import Fernet\n"
        "from cryptography.hazmat.primitives import hashes\n"
        "from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC\n"
        "salt=b'\\xf2\\xd5q\\x0e\\xc1\\x8d.\\xde\\xdc\\x8e6t\\x89\\x04\\xce\\xf8'\n"
        "k=PBKDF2HMAC(algorithm=hashes.SHA256(),length=32,salt=salt,iterations=100_000)"
        ".derive(sys.argv[1].encode())\n"
        "sys.stdout.buffer.write(Fernet(base64.urlsafe_b64encode(k)).encrypt(sys.stdin.buffer.read()))\n"
    )
    return subprocess.run([str(VENV / "bin" / "python"), "-c", code, PASSWORD],
                          input=plain.encode(), capture_output=True, check=True).stdout


def timed(cmd: list[str], env: dict, stdin: bytes) -> tuple[float, bytes]:
    """Seconds for one run; the process has no terminal (jrnl then reads its password from stdin)."""
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, input=stdin, capture_output=True, start_new_session=True)
    took = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{cmd[0]} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return took, done.stdout


def summary(times: list[float]) -> str:
    return f"median {statistics.median(times):.2f} s (range {min(times):.2f}-{max(times):.2f})"


def main() -> None:
    if not MJ.exists():
        sys.exit(f"{MJ} is missing: run `cargo build --release -p mj` first")
    jrnl = ensure_jrnl()
    with tempfile.TemporaryDirectory(dir="/dev/shm" if Path("/dev/shm").is_dir() else None) as tmp:
        tmp = Path(tmp)
        plain = jrnl_text(words())
        (tmp / "entries.txt").write_text(plain)
        (tmp / "journal.txt").write_bytes(jrnl_encrypt(plain))
        config = tmp / "config" / "jrnl"
        config.mkdir(parents=True)
        (config / "jrnl.yaml").write_text(
            "colors: {body: none, date: none, tags: none, title: none}\n"
            "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: true\n"
            "highlight: false\nindent_character: '|'\n"
            f"journals:\n  default:\n    journal: {tmp / 'journal.txt'}\n    encrypt: true\n"
            "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%F %r'\nversion: v4.6\n"
        )
        env = dict(os.environ, XDG_CONFIG_HOME=str(tmp / "config"), HOME=str(tmp), NO_COLOR="1",
                   PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        secret = (PASSWORD + "\n").encode()

        # A new Mentor Journal with the same entries, through the real binary.
        mj_dir = tmp / "mj"
        timed([str(MJ), "--dir", str(mj_dir), "--passphrase-fd", "0", "init"], env, secret)
        timed([str(MJ), "--dir", str(mj_dir), "--passphrase-fd", "0", "import", "jrnl",
               str(tmp / "entries.txt")], env, secret)

        print(f"{ENTRIES} entries; jrnl 4.6 journal {len((tmp / 'journal.txt').read_bytes()) / 2**20:.1f} MiB "
              f"encrypted; Mentor Journal {sum(f.stat().st_size for f in mj_dir.glob('journal.db*')) / 2**20:.1f} MiB")
        start, _ = zip(*[timed([str(MJ), "--version"], env, b"") for _ in range(RUNS)])
        print(f"  mj --version (process start): {summary(list(start))}")
        for word, what in [("kalomi3", "a rare word"), ("clinic", "a word in ~10 % of entries"),
                           ("mentor", "the most common word")]:
            j = [timed([str(jrnl), "-contains", word], env, secret) for _ in range(RUNS)]
            m = [timed([str(MJ), "--dir", str(mj_dir), "--passphrase-fd", "0", "search", word],
                       env, secret) for _ in range(RUNS)]
            print(f"  {what} ({word!r}): jrnl {summary([t for t, _ in j])}; "
                  f"mj {summary([t for t, _ in m])}")
            print(f"    (jrnl printed {len(j[0][1]) / 1024:.0f} KiB, mj {len(m[0][1]) / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
