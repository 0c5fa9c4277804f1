//! What every end-to-end test uses: the driver, page helpers, shared steps and the desktop.

pub type Outcome<T = ()> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

pub const PASSPHRASE: &str = "rounds at dawn, coffee at noon";
pub const NEW_PASSPHRASE: &str = "a fresh passphrase after recovery";
pub const MENTORS: [&str; 2] = ["Dr. Amara Osei", "Dr. Tomasz Wierzbicki"];

/// Fails the step with a message, like `assert!` but as an `Err`, so the session is still quit
/// (and a failure screenshot taken) before the test reports.
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+).into());
        }
    };
}
pub(crate) use check;

mod desktop;
mod driver;
mod keys;
mod page;
mod steps;

pub use desktop::{SessionBus, clipboard, files_containing, scan};
pub use driver::{TauriDriver, built_app, in_app_on_bus, in_session, screenshot};
pub use keys::{chord, keys, new_note_by_keys, tap, wait_focus};
pub use page::{
    click, click_css, count, el, mentor_names, press, set_value, testid, texts, type_into,
    wait_count, wait_text,
};
pub use steps::{
    add_mentor, create_journal, quick_note, resume_draft, to_mentors, unlock, unlock_to_dashboard,
};
