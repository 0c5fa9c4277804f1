//! Running this test binary's helpers in child processes and killing them (SIGKILL) mid-work,
//! for the durability loops (`security`, `backups_killed`); the seeds and counts they share.
//! Loop counts are moderate in `make test`; `make soak` sets MJ_SOAK=1 for the full counts.

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub(crate) fn soak() -> bool {
    std::env::var_os("MJ_SOAK").is_some()
}

/// The seed of this run: `MJ_SEED` (hex with 0x, or decimal) to replay one, else a fresh one.
/// Printed, so a failure's output says how to replay it.
pub(crate) fn seed(test: &str) -> u64 {
    let seed = match std::env::var("MJ_SEED") {
        Ok(text) => {
            let parsed = match text.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => text.parse(),
            };
            parsed.unwrap_or_else(|e| panic!("MJ_SEED={text}: {e}"))
        }
        Err(_) => {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            // xorshift must not start at 0
            (nanos as u64 ^ u64::from(std::process::id()).rotate_left(32)) | 1
        }
    };
    println!("{test}: seed {seed:#x} (replay with MJ_SEED={seed:#x})");
    seed
}

/// A small deterministic generator, so a failing round can be replayed from its seed.
pub(crate) struct XorShift(pub(crate) u64);

impl XorShift {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The text after `marker` in a child's output line. The marker may follow other text on the line:
/// libtest prints "test name ... " with no newline before the helper's first line.
pub(crate) fn after_marker<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    line.find(marker).map(|at| &line[at + marker.len()..])
}

/// How long a child may take to start and acknowledge its first piece of work (a loaded machine
/// building in parallel can be slow; a healthy child needs milliseconds).
const CHILD_START_LIMIT: Duration = Duration::from_secs(60);

/// Runs one of this binary's helpers (an ignored test that acts only when its environment names
/// a journal folder), waits until it has acknowledged its first piece of work (a stdout line
/// containing `ack`), lets it work for `millis` more and kills it with SIGKILL (no destructor,
/// no checkpoint, no goodbye). Returns the lines it printed, each printed only after the work it
/// reports was done. A child that never acknowledges anything, or exits before it is killed,
/// fails the test with its stderr: such a round would test nothing.
pub(crate) fn run_child_until_killed(
    helper: &str,
    envs: &[(&str, &OsStr)],
    ack: &str,
    millis: u64,
) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            helper,
            "--nocapture",
            "--test-threads=1",
        ])
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("starting {helper} from this test binary: {e}"));
    let stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let (send, lines) = mpsc::channel();
    let out_reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let err_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let mut seen = Vec::new();
    let started = Instant::now();
    let acknowledged = loop {
        let left = CHILD_START_LIMIT.saturating_sub(started.elapsed());
        match lines.recv_timeout(left) {
            Ok(line) => {
                let is_ack = after_marker(&line, ack).is_some();
                seen.push(line);
                if is_ack {
                    break Ok(());
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => break Err("acknowledged nothing in 60 s"),
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                break Err("closed its output before acknowledging any work");
            }
        }
    };
    let exited_early = match acknowledged {
        Ok(()) => {
            std::thread::sleep(Duration::from_millis(millis));
            child
                .try_wait()
                .unwrap()
                .map(|status| format!("exited on its own ({status}) before it was killed"))
        }
        Err(why) => Some(why.to_owned()),
    };
    let _ = child.kill();
    let status = child.wait().unwrap();
    out_reader.join().unwrap();
    seen.extend(lines.try_iter());
    let stderr = err_reader.join().unwrap();
    if let Some(why) = exited_early {
        panic!(
            "the child {helper} {why}; status {status}\n--- its stdout:\n{}\n--- its stderr:\n{stderr}",
            seen.join("\n")
        );
    }
    seen
}
