//! Audits of the files the app and its tests are built from. Here, the webview's security
//! configuration, read from the files Tauri builds with: a CSP with no remote or inline script,
//! and capabilities that grant no shell, file-system or HTTP plugin and no wildcard. In `tools`
//! and `makefile`, the programs the tests and the make targets spawn, against tests/tools.txt.
//! Every audit is checked against a deliberately bad input too, so it can fail.

mod makefile;
mod tools;

use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

/// Problems found in a Tauri config and its capability files; empty is good.
fn audit(conf: &Value, capabilities: &[Value]) -> Vec<String> {
    let mut problems = Vec::new();
    match conf.pointer("/app/security/csp") {
        Some(Value::Object(csp)) => {
            for (directive, value) in csp {
                let sources = value.as_str().unwrap_or_default();
                for source in sources.split_whitespace() {
                    let remote = (source.starts_with("http:")
                        || source.starts_with("https:")
                        || source.starts_with("ws"))
                        && source != "http://ipc.localhost";
                    if remote || source == "*" || source.starts_with("*.") {
                        problems.push(format!("CSP {directive} allows a remote source: {source}"));
                    }
                }
                if directive == "script-src" || directive == "default-src" {
                    for unsafe_source in ["'unsafe-inline'", "'unsafe-eval'", "data:", "blob:"] {
                        if sources.contains(unsafe_source) {
                            problems.push(format!("CSP {directive} allows {unsafe_source}"));
                        }
                    }
                }
            }
            for required in ["default-src", "script-src", "object-src"] {
                if !csp.contains_key(required) {
                    problems.push(format!("CSP has no {required}"));
                }
            }
        }
        _ => problems.push("no CSP object in app.security.csp".into()),
    }
    if conf
        .pointer("/app/security/dangerousDisableAssetCspModification")
        .is_some_and(|v| v != false)
    {
        problems.push("asset CSP modification is disabled".into());
    }
    for cap in capabilities {
        if cap.get("remote").is_some() {
            problems.push(format!(
                "capability {} grants remote URLs",
                cap["identifier"]
            ));
        }
        for permission in cap["permissions"].as_array().into_iter().flatten() {
            let id = permission
                .as_str()
                .or_else(|| permission["identifier"].as_str())
                .unwrap_or_default();
            let plugin = id.split(':').next().unwrap_or_default();
            if id.contains('*') || ["shell", "fs", "http", "process", "opener"].contains(&plugin) {
                problems.push(format!("capability {} grants {id}", cap["identifier"]));
            }
        }
    }
    problems
}

/// The programs on tests/tools.txt.
fn listed() -> Vec<&'static str> {
    mentor_journal_tests::listed_tools()
        .into_iter()
        .map(|(program, _)| program)
        .collect()
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_shipped_csp_and_capabilities_pass_the_audit() {
    let conf = read_json(&root().join("src-tauri/tauri.conf.json"));
    let capabilities: Vec<Value> = std::fs::read_dir(root().join("src-tauri/capabilities"))
        .unwrap()
        .map(|e| read_json(&e.unwrap().path()))
        .collect();
    assert!(!capabilities.is_empty(), "the capability files are read");
    assert_eq!(audit(&conf, &capabilities), Vec::<String>::new());

    let manifest = std::fs::read_to_string(root().join("src-tauri/Cargo.toml")).unwrap();
    for plugin in ["tauri-plugin-shell", "tauri-plugin-fs", "tauri-plugin-http"] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be a dependency"
        );
    }
}

#[test]
fn control_the_audit_catches_a_weak_configuration() {
    let conf = serde_json::json!({ "app": { "security": { "csp": {
        "default-src": "'self' https://cdn.example.com",
        "script-src": "'self' 'unsafe-inline'"
    }}}});
    let capabilities = [serde_json::json!({
        "identifier": "bad", "remote": { "urls": ["https://*"] },
        "permissions": ["shell:allow-open", "fs:default", "core:*"]
    })];
    let problems = audit(&conf, &capabilities);
    for expected in [
        "remote source",
        "unsafe-inline",
        "no object-src",
        "grants remote",
        "shell:allow-open",
        "fs:default",
        "core:*",
    ] {
        assert!(
            problems.iter().any(|p| p.contains(expected)),
            "missed {expected:?} in {problems:?}"
        );
    }
}
