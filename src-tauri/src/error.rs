//! The one error shape that crosses IPC: `{ code, message, field }`.
//!
//! The UI branches on `code` (exported to TypeScript as a closed union) and shows `message` as is;
//! `field` names the input a validation error belongs to so the message can sit beside it.

use journal::ErrorCode;
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Serialize, TS)]
#[ts(export)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl From<journal::Error> for IpcError {
    fn from(err: journal::Error) -> Self {
        IpcError {
            code: err.code(),
            field: err.field().map(str::to_owned),
            message: err.to_string(),
        }
    }
}
