//! The Markdown renderer against the hostile corpus: every tag and attribute in the output is on a
//! short allow-list, no URL has a scheme other than http(s)/mailto, and nothing loads by itself.
//! (The e2e suite renders the same corpus in the real webview and checks that nothing runs.)

use journal::render_markdown;
use mentor_journal_tests::hostile_payloads;

const TAGS: &[&str] = &[
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
];
const ATTRIBUTES: &[&str] = &[
    "href", "title", "rel", "type", "checked", "disabled", "start", "align",
];

/// (tag, [(attribute, value)]) for every opening tag of serialised HTML.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let mut chars = html.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '<' {
            continue;
        }
        if chars.peek() == Some(&'/') {
            continue;
        }
        let name: String =
            std::iter::from_fn(|| chars.next_if(|c| c.is_ascii_alphanumeric())).collect();
        let mut attrs = Vec::new();
        loop {
            while chars.next_if(|c| c.is_whitespace() || *c == '/').is_some() {}
            match chars.peek() {
                None | Some('>') => {
                    chars.next();
                    break;
                }
                _ => {}
            }
            let attr: String = std::iter::from_fn(|| {
                chars.next_if(|c| !c.is_whitespace() && *c != '=' && *c != '>')
            })
            .collect();
            let mut value = String::new();
            if chars.next_if_eq(&'=').is_some() && chars.next_if_eq(&'"').is_some() {
                value = std::iter::from_fn(|| chars.next_if(|c| *c != '"')).collect();
                chars.next();
            }
            attrs.push((attr.to_lowercase(), value));
        }
        out.push((name.to_lowercase(), attrs));
    }
    out
}

#[test]
fn no_hostile_payload_survives_rendering() {
    let payloads = hostile_payloads();
    assert!(
        payloads.len() >= 100,
        "the corpus has {} payloads",
        payloads.len()
    );
    for payload in &payloads {
        let html = render_markdown(payload);
        for (tag, attrs) in tags(&html) {
            assert!(
                TAGS.contains(&tag.as_str()),
                "{payload:?} produced <{tag}> in {html:?}"
            );
            for (attr, value) in attrs {
                assert!(
                    ATTRIBUTES.contains(&attr.as_str()),
                    "{payload:?} produced {attr}= on <{tag}> in {html:?}"
                );
                if attr == "href" {
                    let v = value.trim().to_lowercase();
                    let scheme_ok = v.starts_with("https://")
                        || v.starts_with("http://")
                        || v.starts_with("mailto:");
                    assert!(
                        scheme_ok || !v.contains(':'),
                        "{payload:?} produced href={value:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn control_the_scanner_sees_what_it_must_refuse() {
    let found = tags("<p title=\"a > b\"><img src=\"x\" onerror=\"y\"></p>");
    assert_eq!(found[0].0, "p");
    assert_eq!(
        found[1],
        (
            "img".to_owned(),
            vec![
                ("src".to_owned(), "x".to_owned()),
                ("onerror".to_owned(), "y".to_owned())
            ]
        )
    );
}
