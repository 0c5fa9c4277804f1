//! The window never leaves the app: every top-level navigation of every webview is checked here,
//! in Rust, and only the app's own pages load. A link in a note (`[AAMC](https://www.aamc.org)`)
//! therefore cannot take the journal's window to a remote page, whatever the page's own click
//! handling does or fails to do. The page asks before opening a web or mail link; `link_open`
//! then hands it to the system's browser or mail client through the opener plugin, from Rust,
//! after checking the scheme again. The page is granted no opener permission at all.

use journal::ErrorCode;
use tauri::{Runtime, Url, plugin::TauriPlugin};

use crate::error::IpcError;

/// Schemes a note's link may open outside the app (the same ones the Markdown sanitiser keeps).
const OUTSIDE_SCHEMES: &[&str] = &["http", "https", "mailto"];

/// Whether `url` is one of the app's own pages: the bundled UI (`tauri://localhost`, or
/// `http(s)://tauri.localhost` where the platform serves it so), or the dev server in `make dev`.
pub fn is_app_page(url: &Url, dev_url: Option<&Url>) -> bool {
    let host = url.host_str();
    match url.scheme() {
        "tauri" => host == Some("localhost"),
        "http" | "https" if host == Some("tauri.localhost") => true,
        _ => dev_url.is_some_and(|dev| dev.origin() == url.origin()),
    }
}

/// A link the user may open in another application, or a message saying why not.
pub fn outside_link(text: &str) -> Result<Url, &'static str> {
    let url = Url::parse(text.trim()).map_err(|_| "That link is not a valid address.")?;
    if !OUTSIDE_SCHEMES.contains(&url.scheme()) {
        return Err("Only web and email links can be opened.");
    }
    if url.scheme() != "mailto" && url.host_str().is_none_or(str::is_empty) {
        return Err("That link has no address to open.");
    }
    Ok(url)
}

/// Opens a web or mail link in the system's browser or mail client (the user confirmed it).
pub fn open_outside(text: &str) -> Result<(), IpcError> {
    let url = outside_link(text).map_err(|message| IpcError {
        code: ErrorCode::Validation,
        message: message.to_owned(),
        field: Some("url".to_owned()),
    })?;
    tauri_plugin_opener::open_url(url.as_str(), None::<&str>).map_err(|err| {
        eprintln!("Mentor Journal: the system could not open a link ({err})");
        IpcError {
            code: ErrorCode::Io,
            message: "No browser or mail app on this computer would open the link.".into(),
            field: None,
        }
    })
}

/// The guard on every webview's navigation (a plugin, so windows made later get it too).
pub fn guard<R: Runtime>(dev_url: Option<Url>) -> TauriPlugin<R> {
    tauri::plugin::Builder::new("navigation-guard")
        .on_navigation(move |_webview, url| {
            let allowed = is_app_page(url, dev_url.as_ref());
            if !allowed {
                eprintln!(
                    "Mentor Journal: kept the window from leaving the app ({} link)",
                    url.scheme()
                );
            }
            allowed
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    #[test]
    fn only_the_apps_own_pages_may_load_in_the_window() {
        let dev = url("http://localhost:5173/");
        for ok in [
            "tauri://localhost/",
            "tauri://localhost/index.html#x",
            "http://tauri.localhost/",
        ] {
            assert!(is_app_page(&url(ok), None), "{ok}");
        }
        assert!(is_app_page(&url("http://localhost:5173/src/x"), Some(&dev)));
        for no in [
            "https://www.aamc.org/",
            "http://localhost:5173/",
            "tauri://evil.example/",
            "mailto:mentor@example.org",
            "file:///etc/passwd",
            "data:text/html,<b>x</b>",
            "javascript:alert(1)",
            "about:blank",
            "http://tauri.localhost.evil.example/",
        ] {
            assert!(!is_app_page(&url(no), None), "{no} must not load");
        }
        assert!(
            !is_app_page(&url("http://localhost:5174/"), Some(&dev)),
            "another port is another origin"
        );
    }

    #[test]
    fn web_and_mail_links_open_outside_and_nothing_else() {
        assert!(outside_link("https://www.aamc.org").is_ok());
        assert!(outside_link(" mailto:osei@example.org ").is_ok());
        for no in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "tauri://localhost/",
            "data:text/html,x",
            "www.aamc.org",
            "https://",
            "",
        ] {
            assert!(outside_link(no).is_err(), "{no}");
        }
    }
}
