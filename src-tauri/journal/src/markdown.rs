//! Markdown to safe HTML, in Rust, before anything reaches the webview.
//!
//! pulldown-cmark renders (raw HTML in the source passes through it), then ammonia keeps only a
//! small allow-list of tags and attributes: no scripts, no event handlers, no `javascript:` links,
//! no images or iframes that could fetch from the network. Links get `rel="noopener noreferrer"`.

use pulldown_cmark::{Options, Parser, html};
use std::collections::HashSet;

/// Renders text typed into the editor for its preview, refusing what no note may hold (over 1 MB).
pub fn preview_markdown(source: &str) -> crate::Result<String> {
    crate::validate::body("body", source).map(|body| render_markdown(&body))
}

pub fn render_markdown(source: &str) -> String {
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS;
    let mut unsafe_html = String::with_capacity(source.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(source, options));
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "input",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::default()
        .tags(tags)
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::render_markdown;

    #[test]
    fn renders_markdown() {
        let html = render_markdown("# Plan\n\n- **revise** CV\n- [x] draft protocol");
        assert!(html.contains("<h1>Plan</h1>"));
        assert!(html.contains("<strong>revise</strong>"));
        assert!(html.contains("checkbox"));
    }

    #[test]
    fn strips_scripts_handlers_and_dangerous_links() {
        for payload in [
            "<script>window.pwned = 1</script>",
            "<img src=x onerror=\"window.pwned=1\">",
            "[click](javascript:window.pwned=1)",
            "<iframe src=\"https://example.com\"></iframe>",
            "<svg onload=\"window.pwned=1\"></svg>",
            "<a href=\"#\" onclick=\"window.pwned=1\">x</a>",
        ] {
            let html = render_markdown(payload);
            for bad in [
                "<script",
                "onerror",
                "javascript:",
                "<iframe",
                "<svg",
                "onclick",
                "<img",
            ] {
                assert!(
                    !html.to_lowercase().contains(bad),
                    "{payload:?} rendered as {html:?}"
                );
            }
        }
    }
}
