//! Command arguments that fail like everything else: a malformed or missing argument is answered
//! with the `{ code: "VALIDATION", message, field }` envelope instead of Tauri's plain string, so
//! the UI and any other caller see one error shape. The message names the argument but never
//! echoes the value (it could be a passphrase typed into the wrong field).

use journal::ErrorCode;
use serde::Deserialize;
use tauri::Runtime;
use tauri::ipc::{CommandArg, CommandItem, InvokeError};

use crate::error::IpcError;

#[derive(Debug)]
pub struct Arg<T>(pub T);

impl<'de, T: Deserialize<'de>, R: Runtime> CommandArg<'de, R> for Arg<T> {
    fn from_command(command: CommandItem<'de, R>) -> Result<Self, InvokeError> {
        let key = command.key;
        T::deserialize(command).map(Arg).map_err(|_| {
            InvokeError::from(IpcError {
                code: ErrorCode::Validation,
                message: format!("The request's \"{key}\" is missing or not in the expected form."),
                field: Some(key.to_owned()),
            })
        })
    }
}
