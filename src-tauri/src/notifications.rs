//! Desktop notifications for the reminders, through Tauri's notification plugin, and whether one
//! can be shown at all.
//!
//! The plugin's `show()` hands the notification to a background task and answers `Ok` whatever
//! the desktop then does, so by itself it cannot tell a shown reminder from a lost one. The
//! journal records a reminder as given only when it was shown (so a reminder is never lost to a
//! missing notification service, a session still starting, or a Wayland or X session without
//! one), so before handing it over the shell asks the session bus for the notification service
//! (`GetServerInformation`, which also starts a service that is only D-Bus-activatable). Nothing
//! of the reminder travels in that question.

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

/// Shows one notification; `false` when there is no notification service to show it.
pub fn show(app: &AppHandle, title: &str, body: &str) -> bool {
    service_answers()
        && app
            .notification()
            .builder()
            .title(title)
            .body(body)
            .show()
            .is_ok()
}

#[cfg(target_os = "linux")]
fn service_answers() -> bool {
    let Ok(bus) = zbus::blocking::Connection::session() else {
        return false;
    };
    bus.call_method(
        Some("org.freedesktop.Notifications"),
        "/org/freedesktop/Notifications",
        Some("org.freedesktop.Notifications"),
        "GetServerInformation",
        &(),
    )
    .is_ok()
}

#[cfg(not(target_os = "linux"))]
fn service_answers() -> bool {
    true
}
