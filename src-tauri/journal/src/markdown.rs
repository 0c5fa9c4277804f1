//! Markdown to safe HTML, in Rust, before anything reaches the webview.
//!
//! pulldown-cmark renders (raw HTML in the source passes through it), then ammonia keeps only a
//! small allow-list of tags and attributes: no scripts, no event handlers, no `javascript:` links,
//! no images or iframes that could fetch from the network. Links get `rel="noopener noreferrer"`.

use pulldown_cmark::{Event, Options, Parser, TagEnd, html};
use std::collections::HashSet;

/// Renders text typed into the editor for its preview, refusing what no note may hold (over 1 MB).
pub fn preview_markdown(source: &str) -> crate::Result<String> {
    crate::validate::body("body", source).map(|body| render_markdown(&body))
}

/// The words of a piece of Markdown without its syntax, for search snippets: "## Plan" is
/// "Plan", "**key**" is "key", a link is its text. `source` may be a fragment cut anywhere, so
/// markers left unpaired by the cut are dropped too. Characters other than syntax (such as the
/// search highlighter's sentinels) pass through.
pub fn plain_text(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for event in Parser::new_ext(source, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak
            | Event::HardBreak
            | Event::Rule
            | Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push(' '),
            _ => {}
        }
    }
    let mut text = String::with_capacity(out.len());
    let mut chars = out.chars().peekable();
    while let Some(c) = chars.next() {
        let doubled = chars.peek() == Some(&c);
        if matches!(c, '*' | '_' | '~' | '`') && doubled {
            while chars.peek() == Some(&c) {
                chars.next();
            }
            continue;
        }
        text.push(c);
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
        // A relative link ("notes.html", "#top") would point into the app itself; none is kept.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer"))
        .clean(&unsafe_html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::{plain_text, render_markdown};

    #[test]
    fn only_absolute_web_and_mail_links_are_kept() {
        let html = render_markdown(
            "[a](notes.html) [b](#top) [c](/x) [d](https://x.org) [e](mailto:a@b.org)",
        );
        assert!(
            !html.contains("notes.html") && !html.contains("#top") && !html.contains("\"/x\""),
            "{html}"
        );
        assert!(
            html.contains("href=\"https://x.org\"") && html.contains("href=\"mailto:a@b.org\""),
            "{html}"
        );
    }

    #[test]
    fn snippets_lose_the_markdown_syntax_but_keep_the_words_and_sentinels() {
        assert_eq!(
            plain_text("## Plan\n\n**Finish** the \u{1}draft\u{2} by [Friday](https://x.org)"),
            "Plan Finish the \u{1}draft\u{2} by Friday"
        );
        assert_eq!(
            plain_text("…it was great** and then - a list\n- item `code`"),
            "…it was great and then - a list item code",
            "a marker left unpaired by the cut is dropped"
        );
        assert_eq!(plain_text("> quoted <b>html</b>"), "quoted html");
    }

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
