//! Locks the journal when the desktop locks the screen or the laptop is about to sleep.
//!
//! What is detected (Linux, over D-Bus): the screensaver's `ActiveChanged(true)` on the session
//! bus (`org.freedesktop.ScreenSaver`, used by KDE and others, and `org.gnome.ScreenSaver`), and on
//! the system bus logind's `PrepareForSleep(true)` and a session's `Lock` signal (what
//! `loginctl lock-session` and most desktops send). What is not: desktops that lock without any of
//! these signals, and machines with no D-Bus (then the watchers simply stop).
//!
//! The UI is asked first (`lock-requested`), so an open editor can save its draft; a moment later
//! Rust locks regardless, so a frozen page cannot keep the journal open.

use std::time::Duration;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// How long the UI gets to save drafts before Rust locks on its own.
const GRACE: Duration = Duration::from_millis(1500);

pub fn watch(app: &AppHandle) {
    #[cfg(target_os = "linux")]
    {
        let session = app.clone();
        std::thread::spawn(move || linux::watch_session_bus(&session));
        let system = app.clone();
        std::thread::spawn(move || linux::watch_system_bus(&system));
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}

fn lock_now(app: &AppHandle, reason: &str) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let before = state.generation();
    let _ = app.emit("lock-requested", reason);
    std::thread::sleep(GRACE);
    // If the UI locked in the meantime (the usual case), or the user is already back in, leave
    // the session alone; otherwise the page did not answer and Rust locks on its own.
    if state.lock_if_unchanged(before) {
        let _ = app.emit("journal-locked", reason);
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use tauri::AppHandle;
    use zbus::MatchRule;
    use zbus::blocking::{Connection, MessageIterator};
    use zbus::message::Type;

    fn rule(interface: &'static str, member: &'static str) -> Option<MatchRule<'static>> {
        MatchRule::builder()
            .msg_type(Type::Signal)
            .interface(interface)
            .ok()?
            .member(member)
            .ok()
            .map(|b| b.build())
    }

    /// Listens for one signal; `wants` decides from the message whether to lock.
    fn listen(
        conn: &Connection,
        rule: MatchRule<'static>,
        app: &AppHandle,
        reason: &str,
        wants: fn(&zbus::Message) -> bool,
    ) {
        let Ok(iter) = MessageIterator::for_match_rule(rule, conn, None) else {
            return;
        };
        for message in iter.flatten() {
            if wants(&message) {
                super::lock_now(app, reason);
            }
        }
    }

    fn is_true(message: &zbus::Message) -> bool {
        message.body().deserialize::<bool>().unwrap_or(false)
    }

    pub fn watch_session_bus(app: &AppHandle) {
        let Ok(conn) = Connection::session() else {
            return;
        };
        let mut threads = Vec::new();
        for interface in ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"] {
            let (conn, app) = (conn.clone(), app.clone());
            if let Some(rule) = rule(interface, "ActiveChanged") {
                threads.push(std::thread::spawn(move || {
                    listen(&conn, rule, &app, "screen-locked", is_true)
                }));
            }
        }
        for t in threads {
            let _ = t.join();
        }
    }

    pub fn watch_system_bus(app: &AppHandle) {
        let Ok(conn) = Connection::system() else {
            return;
        };
        let sleep = (conn.clone(), app.clone());
        let sleeping = std::thread::spawn(move || {
            if let Some(rule) = rule("org.freedesktop.login1.Manager", "PrepareForSleep") {
                listen(&sleep.0, rule, &sleep.1, "sleep", is_true);
            }
        });
        if let Some(rule) = rule("org.freedesktop.login1.Session", "Lock") {
            listen(&conn, rule, app, "screen-locked", |_| true);
        }
        let _ = sleeping.join();
    }
}
