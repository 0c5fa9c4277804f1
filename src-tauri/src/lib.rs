//! The desktop shell: wires the window, the app state and the command list. All behaviour lives in
//! the `journal` crate; this crate only adapts it to Tauri.

mod args;
mod clipboard;
mod commands;
mod error;
mod navigation;
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
    let result = tauri::Builder::default()
        .plugin(navigation::guard(dev_url))
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let dir = journal_dir(app.handle())?;
            let state = state::AppState::new(dir);
            let window = app.handle().clone();
            let _ = state.events.set(Box::new(move |name, payload| {
                use tauri::Emitter;
                let _ = window.emit(name, payload);
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

fn journal_dir(app: &tauri::AppHandle) -> tauri::Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => Ok(app.path().app_data_dir()?.join("journal")),
    }
}
