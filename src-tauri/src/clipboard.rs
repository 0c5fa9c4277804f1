//! Copying secrets and note text to the system clipboard, and taking them back.
//!
//! The copy happens in Rust, not through a webview clipboard permission, so the page never gets to
//! read the clipboard. After `CLEAR_AFTER`, the clipboard is cleared if it still holds what we put
//! there (if the user copied something else since, that is left alone). The clipboard handle lives
//! as long as the app: on X11 the owning process serves the content, so dropping it would empty
//! the clipboard at once.

use std::sync::{Arc, Mutex};
use std::time::Duration;
use zeroize::Zeroizing;

use crate::error::IpcError;

pub const CLEAR_AFTER: Duration = Duration::from_secs(30);
/// The most the app ever copies: a note body's limit.
const MAX_COPY_BYTES: usize = 1024 * 1024;

#[derive(Default)]
pub struct Clipboard {
    handle: Arc<Mutex<Option<arboard::Clipboard>>>,
}

impl std::fmt::Debug for Clipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Clipboard")
    }
}

fn unavailable() -> IpcError {
    journal::Error::Internal("the clipboard is not available".into()).into()
}

impl Clipboard {
    /// Puts `text` on the clipboard and schedules clearing it.
    pub fn copy(&self, text: String) -> Result<(), IpcError> {
        let text = Zeroizing::new(text);
        if text.len() > MAX_COPY_BYTES {
            return Err(journal::Error::Validation {
                field: "text".into(),
                message: "That is too much text to copy at once.".into(),
            }
            .into());
        }
        {
            let mut guard = self.handle.lock().unwrap_or_else(|p| p.into_inner());
            if guard.is_none() {
                *guard = Some(arboard::Clipboard::new().map_err(|_| unavailable())?);
            }
            let clipboard = guard.as_mut().ok_or_else(unavailable)?;
            clipboard
                .set_text(text.as_str())
                .map_err(|_| unavailable())?;
        }
        let handle = Arc::clone(&self.handle);
        std::thread::spawn(move || {
            std::thread::sleep(CLEAR_AFTER);
            let mut guard = handle.lock().unwrap_or_else(|p| p.into_inner());
            if let Some(clipboard) = guard.as_mut() {
                let still_ours = clipboard
                    .get_text()
                    .map(Zeroizing::new)
                    .is_ok_and(|now| *now == *text);
                if still_ours {
                    let _ = clipboard.clear();
                }
            }
        });
        Ok(())
    }
}
