//! The desktop shell: wires the window, the app state and the command list. All behaviour lives in
//! the `journal` crate; this crate only adapts it to Tauri.

mod args;
mod clipboard;
mod commands;
mod error;
mod navigation;
mod notifications;
#[cfg(test)]
mod robustness;
mod session_watch;
mod state;

use std::path::PathBuf;
use tauri::Manager;

/// Overrides where the journal lives; tests and e2e point it at a temporary folder.
pub const DATA_DIR_ENV: &str = "MENTOR_JOURNAL_DIR";

pub fn run() {
    if let Err(err) = journal::refuse_core_dumps() {
        eprintln!("Mentor Journal: {err}");
    }
    let context = tauri::generate_context!();
    let dev_url = context.config().build.dev_url.clone();
    let dir_override = data_dir_override();
    // Registered first, so a second launch hands over before it builds a window or opens anything.
    let mut builder = tauri::Builder::default().plugin(single_instance(dir_override.as_deref()));
    // Window state lives in the user's config folder, shared by every journal: a journal named by
    // `MENTOR_JOURNAL_DIR` (the tests, a throwaway journal) starts at the configured size and
    // leaves the user's remembered geometry alone.
    if dir_override.is_none() {
        builder = builder.plugin(
            tauri_plugin_window_state::Builder::new()
                .with_state_flags(WINDOW_STATE)
                .build(),
        );
    }
    let result = builder
        .plugin(navigation::guard(dev_url))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            if let Some(window) = app.get_webview_window("main") {
                paint_background(&window);
            }
            let dir = journal_dir(app.handle())?;
            let state = state::AppState::new(dir);
            let window = app.handle().clone();
            let _ = state.events.set(Box::new(move |name, payload| {
                use tauri::Emitter;
                let _ = window.emit(name, payload);
            }));
            let handle = app.handle().clone();
            let _ = state.notify.set(Box::new(move |title, body| {
                notifications::show(&handle, title, body)
            }));
            app.manage(state);
            session_watch::watch(app.handle());
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(context);
    if let Err(err) = result {
        eprintln!("Mentor Journal could not start: {err}");
        std::process::exit(1);
    }
}

/// The window and its webview start in the page's own background (`--bg` in
/// ui/src/styles/tokens.css, light or dark as the system theme) instead of white: set before the
/// window is first shown, so nothing flashes while WebKit starts and the page loads.
fn paint_background(window: &tauri::WebviewWindow) {
    let (red, green, blue) = match window.theme() {
        Ok(tauri::Theme::Dark) => (0x16, 0x18, 0x1b),
        _ => (0xf6, 0xf5, 0xf2),
    };
    let _ = window.set_background_color(Some(tauri::window::Color(red, green, blue, 255)));
}

/// What the window-state plugin keeps (in the config folder, `.window-state.json`): the window's
/// geometry and nothing else. The title is not among the flags, so nothing from the journal is
/// stored; visibility and decorations are left to the app.
const WINDOW_STATE: tauri_plugin_window_state::StateFlags =
    tauri_plugin_window_state::StateFlags::SIZE
        .union(tauri_plugin_window_state::StateFlags::POSITION)
        .union(tauri_plugin_window_state::StateFlags::MAXIMIZED);

fn data_dir_override() -> Option<PathBuf> {
    std::env::var_os(DATA_DIR_ENV)
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
}

/// One window per journal: a second launch on the same journal asks the running one (over the
/// D-Bus session bus) to show and focus its window, then exits. The plugin keys the instance on a
/// D-Bus name, by default the app identifier; a journal named by `MENTOR_JOURNAL_DIR` (tests, a
/// throwaway journal) gets a name of its own, so launches on different journals never hand off to
/// each other. Without a session bus the plugin lets every launch start normally.
fn single_instance(
    dir_override: Option<&std::path::Path>,
) -> tauri::plugin::TauriPlugin<tauri::Wry> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, _argv, _cwd| {
        if let Some(window) = app.get_webview_window("main") {
            let _ = window.unminimize();
            let _ = window.show();
            let _ = window.set_focus();
        }
    });
    match dir_override {
        Some(dir) => {
            use std::hash::{Hash, Hasher};
            let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
            let mut hasher = std::hash::DefaultHasher::new();
            dir.hash(&mut hasher);
            builder
                .dbus_id(format!(
                    "org.mentorjournal.desktop.j{:016x}",
                    hasher.finish()
                ))
                .build()
        }
        None => builder.build(),
    }
}

/// The default journal folder comes from the app identifier (`~/.local/share/<identifier>/journal`),
/// never from where the binary is, so a packaged and a built app share one journal.
fn journal_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match data_dir_override() {
        Some(dir) => Ok(dir),
        None => Ok(app.path().app_data_dir()?.join("journal")),
    }
}
