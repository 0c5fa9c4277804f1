//! The webview's security configuration, read from the files Tauri builds with, against an
//! allow-list: the exact CSP sources per directive and the exact permissions the app's
//! capabilities grant. Anything else fails, so a new source or permission is a reviewed edit of
//! the lists below, never a silent addition. Independent rules (no host or inline script sources,
//! no wildcard, no remote capability) run as well, so a careless edit of the lists still fails.
//!
//! Tauri reads capabilities from every file under src-tauri/capabilities (one capability, a list,
//! or `{ "capabilities": [...] }`; JSON, JSON5 or TOML) and from `app.security.capabilities` in
//! tauri.conf.json; the CSP may be an object of strings or lists, or one policy string. Each form
//! has a control below, so none can make a loop run zero times unnoticed.

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::root;

/// Every directive the shipped CSP has, with exactly its sources.
pub(super) const CSP: &[(&str, &[&str])] = &[
    ("default-src", &["'self'"]),
    ("script-src", &["'self'"]),
    ("style-src", &["'self'", "'unsafe-inline'"]),
    ("img-src", &["'self'", "data:"]),
    ("font-src", &["'self'"]),
    ("connect-src", &["ipc:", "http://ipc.localhost"]),
    ("object-src", &["'none'"]),
    ("base-uri", &["'none'"]),
    ("form-action", &["'none'"]),
    ("frame-src", &["'none'"]),
];

/// Every permission the app's capabilities grant, all together: listening for the desktop's
/// lock event, closing its own window (Ctrl+Q quits after locking), the native file and folder
/// choosers (the second place for backups, a file to import) and the native save dialog (where an
/// export goes); a chosen path goes to the core, which checks it. The app's own commands
/// need no permission (build.rs declares no app manifest). The single-instance and window-state
/// plugins work from Rust alone (D-Bus, the window's own events), so none of their commands
/// (`window-state:allow-save-window-state`, ...) is granted: the page cannot read or move them.
pub(super) const PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "core:window:allow-close",
    "dialog:allow-open",
    "dialog:allow-save",
];

/// The windows a capability may name.
const WINDOWS: &[&str] = &["main"];

/// Directives that decide what script runs; only `'self'` and `'none'` belong in them.
const SCRIPT_DIRECTIVES: &[&str] = &[
    "default-src",
    "script-src",
    "script-src-elem",
    "script-src-attr",
    "worker-src",
    "child-src",
    "object-src",
];

/// The CSP as directive -> sources, from either form Tauri accepts.
fn parse_csp(csp: &Value, problems: &mut Vec<String>) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    let mut add = |directive: &str, sources: Vec<String>| {
        let directive = directive.trim().to_ascii_lowercase();
        if out.insert(directive.clone(), sources).is_some() {
            problems.push(format!("CSP has {directive} twice"));
        }
    };
    match csp {
        Value::String(policy) => {
            for part in policy.split(';').filter(|p| !p.trim().is_empty()) {
                let mut words = part.split_whitespace();
                let directive = words.next().unwrap_or_default();
                add(directive, words.map(str::to_owned).collect());
            }
        }
        Value::Object(map) => {
            for (directive, value) in map {
                let sources = match value {
                    Value::String(s) => s.split_whitespace().map(str::to_owned).collect(),
                    Value::Array(list) => list
                        .iter()
                        .flat_map(|v| v.as_str().unwrap_or("<not a string>").split_whitespace())
                        .map(str::to_owned)
                        .collect(),
                    other => vec![format!("<unreadable: {other}>")],
                };
                add(directive, sources);
            }
        }
        other => problems.push(format!("CSP in a form the audit cannot read: {other}")),
    }
    out
}

fn audit_csp(name: &str, csp: &Value, problems: &mut Vec<String>) {
    let csp = parse_csp(csp, problems);
    let allowed: BTreeMap<&str, &[&str]> = CSP.iter().copied().collect();
    for (directive, sources) in &csp {
        let expected: &[&str] = match allowed.get(directive.as_str()) {
            Some(expected) => expected,
            None => {
                problems.push(format!(
                    "{name} has {directive}, which is not in the allow-list"
                ));
                &[]
            }
        };
        for source in sources {
            if !expected.contains(&source.as_str()) {
                problems.push(format!(
                    "{name} {directive} allows {source}, which is not in the allow-list"
                ));
            }
        }
        for source in expected {
            if !sources.iter().any(|s| s == source) {
                problems.push(format!("{name} {directive} lacks {source}"));
            }
        }
        for source in sources {
            let keyword = source.starts_with('\'');
            let scheme = source.ends_with(':') && !source.contains('/');
            let remote = !keyword && !scheme && source != "http://ipc.localhost";
            if remote {
                problems.push(format!("{name} {directive} allows a host: {source}"));
            }
            if SCRIPT_DIRECTIVES.contains(&directive.as_str())
                && !["'self'", "'none'"].contains(&source.as_str())
            {
                problems.push(format!("{name} {directive} allows script from {source}"));
            }
        }
    }
    for (directive, _) in CSP {
        if !csp.contains_key(*directive) {
            problems.push(format!("{name} has no {directive}"));
        }
    }
}

/// The capabilities one file holds, in any of the three shapes Tauri reads.
fn capabilities_in(file: &str, text: &str, problems: &mut Vec<String>) -> Vec<Value> {
    if !file.ends_with(".json") {
        problems.push(format!(
            "{file}: only .json capability files can be audited"
        ));
        return Vec::new();
    }
    let parsed: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(err) => {
            problems.push(format!("{file}: not JSON: {err}"));
            return Vec::new();
        }
    };
    match parsed {
        Value::Array(list) => list,
        Value::Object(ref map) if map.contains_key("capabilities") => {
            map["capabilities"].as_array().cloned().unwrap_or_default()
        }
        Value::Object(_) => vec![parsed],
        other => {
            problems.push(format!("{file}: not a capability: {other}"));
            Vec::new()
        }
    }
}

/// Problems in a Tauri config and the capability files beside it (name, text); empty is good.
pub(super) fn audit(conf: &Value, files: &[(String, String)]) -> Vec<String> {
    let mut problems = Vec::new();
    match conf.pointer("/app/security/csp") {
        Some(csp) => audit_csp("CSP", csp, &mut problems),
        None => problems.push("no CSP in app.security.csp".into()),
    }
    if let Some(dev) = conf.pointer("/app/security/devCsp") {
        audit_csp("devCsp", dev, &mut problems);
    }
    if conf
        .pointer("/app/security/dangerousDisableAssetCspModification")
        .is_some_and(|v| v != false)
    {
        problems.push("asset CSP modification is disabled".into());
    }

    let mut capabilities = Vec::new();
    for (file, text) in files {
        capabilities.extend(capabilities_in(file, text, &mut problems));
    }
    // Entries inlined in tauri.conf.json are capabilities too; a string there names a file's.
    for entry in conf
        .pointer("/app/security/capabilities")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        if entry.is_object() {
            capabilities.push(entry.clone());
        }
    }
    if capabilities.is_empty() {
        problems.push("no capability found: the audit would check no permission".into());
    }

    let mut granted = BTreeSet::new();
    for cap in &capabilities {
        let id = cap["identifier"].as_str().unwrap_or("<no identifier>");
        for key in ["remote", "webviews"] {
            if cap.get(key).is_some() {
                problems.push(format!("capability {id} has {key}"));
            }
        }
        for window in cap["windows"].as_array().into_iter().flatten() {
            if !window.as_str().is_some_and(|w| WINDOWS.contains(&w)) {
                problems.push(format!("capability {id} applies to window {window}"));
            }
        }
        let Some(permissions) = cap["permissions"].as_array() else {
            problems.push(format!("capability {id} has no permission list"));
            continue;
        };
        for permission in permissions {
            match permission.as_str() {
                Some(p) => {
                    granted.insert(p.to_owned());
                }
                None => problems.push(format!(
                    "capability {id} grants a scoped permission: {permission}"
                )),
            }
        }
    }
    for p in &granted {
        if !PERMISSIONS.contains(&p.as_str()) {
            problems.push(format!(
                "a capability grants {p}, which is not in the allow-list"
            ));
        }
    }
    for p in PERMISSIONS {
        if !granted.contains(*p) {
            problems.push(format!("no capability grants {p}: update the allow-list"));
        }
    }
    problems
}

/// Every file under `dir`, as (path, text), as Tauri's `capabilities/**/*` glob finds them.
fn files_under(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn the_shipped_csp_and_capabilities_are_exactly_the_allow_list() {
    let conf: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    let mut files = Vec::new();
    files_under(&root().join("src-tauri/capabilities"), &mut files);
    assert!(!files.is_empty(), "the capability files are read");
    assert_eq!(audit(&conf, &files), Vec::<String>::new());
    assert!(
        !root().join("src-tauri/permissions").exists(),
        "app-defined permission sets would widen what the allow-list names"
    );

    let manifest = std::fs::read_to_string(root().join("src-tauri/Cargo.toml")).unwrap();
    for plugin in ["tauri-plugin-shell", "tauri-plugin-fs", "tauri-plugin-http"] {
        assert!(
            !manifest.contains(plugin),
            "{plugin} must not be a dependency"
        );
    }
}
