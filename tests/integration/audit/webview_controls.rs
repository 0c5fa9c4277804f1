//! Controls for the webview audit: the allow-list itself passes, and each way the audit could be
//! fooled (a form it would not read, a source or permission it would not notice) fails it.

use serde_json::{Value, json};

use super::webview::{CSP, PERMISSIONS, audit};

fn file(name: &str, text: Value) -> (String, String) {
    (name.to_owned(), text.to_string())
}

/// The shipped configuration with one change, audited.
fn problems_with(change: impl FnOnce(&mut Value, &mut Vec<(String, String)>)) -> Vec<String> {
    let csp: serde_json::Map<String, Value> = CSP
        .iter()
        .map(|(d, s)| ((*d).to_owned(), json!(s.join(" "))))
        .collect();
    let mut conf = json!({ "app": { "security": { "csp": csp } } });
    let cap = json!({ "identifier": "default", "windows": ["main"], "permissions": PERMISSIONS });
    let mut files = vec![("default.json".to_owned(), cap.to_string())];
    change(&mut conf, &mut files);
    audit(&conf, &files)
}

fn set_csp(conf: &mut Value, directive: &str, sources: Value) {
    conf["app"]["security"]["csp"][directive] = sources;
}

#[test]
fn control_the_allow_list_itself_passes() {
    assert_eq!(problems_with(|_, _| {}), Vec::<String>::new());
}

#[test]
fn control_each_way_the_audit_could_be_fooled_fails() {
    type Change = Box<dyn FnOnce(&mut Value, &mut Vec<(String, String)>)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "script-src allows cdn.example.com",
            Box::new(|c, _| set_csp(c, "script-src", json!("'self' cdn.example.com"))),
        ),
        (
            "script-src-elem allows script from 'unsafe-inline'",
            Box::new(|c, _| set_csp(c, "script-src-elem", json!("'self' 'unsafe-inline'"))),
        ),
        (
            "script-src-attr allows script from 'unsafe-inline'",
            Box::new(|c, _| set_csp(c, "script-src-attr", json!("'unsafe-inline'"))),
        ),
        (
            "connect-src allows a host: wss://evil.example",
            Box::new(|c, _| {
                set_csp(
                    c,
                    "connect-src",
                    json!(["ipc:", "http://ipc.localhost", "wss://evil.example"]),
                )
            }),
        ),
        (
            "img-src allows https:, which is not in the allow-list",
            Box::new(|c, _| set_csp(c, "img-src", json!("'self' data: https:"))),
        ),
        (
            "CSP has no object-src",
            Box::new(|c, _| {
                c["app"]["security"]["csp"]
                    .as_object_mut()
                    .unwrap()
                    .remove("object-src");
            }),
        ),
        (
            "CSP script-src allows 'unsafe-eval'",
            Box::new(|c, _| {
                let policy: Vec<String> = CSP
                    .iter()
                    .map(|(d, s)| match *d {
                        "script-src" => "script-src 'self' 'unsafe-eval'".to_owned(),
                        _ => format!("{d} {}", s.join(" ")),
                    })
                    .collect();
                c["app"]["security"]["csp"] = json!(policy.join("; "));
            }),
        ),
        (
            "devCsp default-src allows a host: localhost:1420",
            Box::new(|c, _| {
                c["app"]["security"]["devCsp"] = json!("default-src 'self' localhost:1420")
            }),
        ),
        (
            "asset CSP modification is disabled",
            Box::new(|c, _| {
                c["app"]["security"]["dangerousDisableAssetCspModification"] = json!(["script-src"])
            }),
        ),
        (
            "a capability grants core:window:allow-set-title, which is not in the allow-list",
            Box::new(|_, f| {
                f[0] = file(
                    "default.json",
                    json!({ "identifier": "default", "windows": ["main"],
                    "permissions": [PERMISSIONS[0], PERMISSIONS[1], "core:window:allow-set-title"] }),
                )
            }),
        ),
        (
            "a capability grants core:default, which is not in the allow-list",
            Box::new(|_, f| {
                f.push(file(
                    "list.json",
                    json!([{ "identifier": "more", "windows": ["main"],
                    "permissions": ["core:default"] }]),
                ))
            }),
        ),
        (
            "a capability grants opener:allow-open-url, which is not in the allow-list",
            Box::new(|_, f| {
                f.push(file(
                    "named.json",
                    json!({ "capabilities": [{ "identifier": "more",
                    "windows": ["main"], "permissions": ["opener:allow-open-url"] }] }),
                ))
            }),
        ),
        (
            "a capability grants fs:default, which is not in the allow-list",
            Box::new(|c, _| {
                c["app"]["security"]["capabilities"] = json!([{ "identifier": "inline",
                    "windows": ["main"], "permissions": ["fs:default"] }, "default"])
            }),
        ),
        (
            "a capability grants core:*, which is not in the allow-list",
            Box::new(|_, f| {
                f.push(file(
                    "star.json",
                    json!({ "identifier": "star", "windows": ["main"],
                    "permissions": ["core:*"] }),
                ))
            }),
        ),
        (
            "capability scoped grants a scoped permission",
            Box::new(|_, f| {
                f.push(file("scoped.json", json!({ "identifier": "scoped", "windows": ["main"],
                    "permissions": [{ "identifier": PERMISSIONS[0], "allow": [{ "path": "$HOME/**" }] }] })))
            }),
        ),
        (
            "capability remote has remote",
            Box::new(|_, f| {
                f.push(file(
                    "remote.json",
                    json!({ "identifier": "remote", "windows": ["main"],
                    "remote": { "urls": ["https://*.example.com"] }, "permissions": [] }),
                ))
            }),
        ),
        (
            "capability default applies to window \"*\"",
            Box::new(|_, f| {
                f[0] = file(
                    "default.json",
                    json!({ "identifier": "default", "windows": ["*"],
                    "permissions": PERMISSIONS }),
                )
            }),
        ),
        (
            "extra.toml: only .json capability files can be audited",
            Box::new(|_, f| {
                f.push((
                    "extra.toml".into(),
                    "identifier = \"extra\"\npermissions = [\"fs:default\"]".into(),
                ))
            }),
        ),
        ("no capability found", Box::new(|_, f| f.clear())),
    ];
    for (expected, change) in cases {
        let problems = problems_with(change);
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "the audit missed {expected:?}; it found {problems:?}"
        );
    }
}
