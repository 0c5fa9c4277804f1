//! End to end: the real app binary, driven through tauri-driver and WebKitWebDriver under Xvfb.
//!
//! Run with `make e2e` (it builds the app with the UI embedded and starts Xvfb). The app is pointed
//! at a temporary journal folder through `MENTOR_JOURNAL_DIR`, which tauri-driver passes on to it.
//! Each WebDriver session is quit before its observations are asserted, and tauri-driver is stopped
//! with SIGTERM (SIGKILL would orphan WebKitWebDriver and the next run would talk to a stale app).

mod support;

mod a11y;
mod backups;
mod calendar;
mod capture;
mod categories;
mod daily_loop;
mod goals;
mod keyboard;
mod locking;
mod long_lists;
mod plaintext;
mod reading;
mod readme;
mod reminders;
mod review;
mod settings;
mod templates_blocks;
mod transfer;
mod vault;
mod xss;
