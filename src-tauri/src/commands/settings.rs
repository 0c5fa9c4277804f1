//! The journal's settings, and what a page asks of the desktop: the reminders due now (shown from
//! Rust), opening a link outside the app and copying to the clipboard.

use journal::Settings;

commands! {
    fn settings_get(state) -> Settings { state.journal(|j| j.settings()) }

    fn settings_update(state, settings: Settings) -> Settings { state.journal(|j| j.update_settings(&settings)) }

    /// Shows the desktop reminders due now (none when off or in quiet hours), each once; how many.
    fn reminders_notify(state) -> u32 { state.notify_reminders() }

    /// Opens a web or mail link from a note in the system's browser or mail client.
    fn link_open(_state, url: String) -> () { crate::navigation::open_outside(&url) }

    /// Copies text (a recovery key, a note) to the clipboard and clears it after 30 s if unchanged.
    fn clipboard_copy(state, text: String) -> () { state.clipboard.copy(text) }
}
