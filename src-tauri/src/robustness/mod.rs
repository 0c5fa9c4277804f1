//! Every command through Tauri's real IPC path (mock runtime), with the app's real handler:
//! `malformed` feeds random JSON to an empty journal (argument parsing), `valid` feeds inputs of
//! each command's real argument types, valid and just past each limit, to a populated journal.

mod fields;
mod inputs;
mod malformed;
mod strategies;
mod valid;

use serde_json::Value;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};

use crate::commands::handler;
use crate::state::AppState;

/// A journal with a cheap KDF in a temp folder, and the app's real command handler on Tauri's
/// mock runtime pointed at it (locked). The closure may add to the journal before it is locked.
fn mock_app(
    prepare: impl FnOnce(&journal::Journal),
) -> (
    tempfile::TempDir,
    journal::Passphrase,
    journal::RecoveryKey,
    tauri::App<tauri::test::MockRuntime>,
    tauri::WebviewWindow<tauri::test::MockRuntime>,
) {
    let dir = tempfile::tempdir().unwrap();
    let pass = journal::Passphrase::new("correct horse battery staple");
    let cheap = journal::KdfParams::cheap_for_tests();
    let (j, recovery) = journal::Vault::create_with(dir.path(), &pass, cheap).unwrap();
    prepare(&j);
    j.lock();
    let app = mock_builder()
        .invoke_handler(handler())
        .build(mock_context(noop_assets()))
        .unwrap();
    app.manage(AppState::new(dir.path().to_path_buf()));
    let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .unwrap();
    (dir, pass, recovery, app, webview)
}

/// Sends one command through the IPC path exactly as the page would.
fn invoke(
    webview: &tauri::WebviewWindow<tauri::test::MockRuntime>,
    cmd: &str,
    body: Value,
) -> Result<tauri::ipc::InvokeResponseBody, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(body),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
}

/// The code of an error answer, if it is the envelope: a known code and a message.
fn envelope_code(err: &Value) -> Result<&str, String> {
    let code = err.get("code").and_then(Value::as_str).unwrap_or_default();
    if !journal::ErrorCode::ALL.iter().any(|c| c.as_str() == code) {
        return Err(format!("not the envelope (unknown code): {err}"));
    }
    if !err.get("message").is_some_and(Value::is_string) {
        return Err(format!("no message in {err}"));
    }
    Ok(code)
}
