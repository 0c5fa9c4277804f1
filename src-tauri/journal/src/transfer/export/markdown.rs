//! The Markdown export: the journal as files a person can read in any editor, years from now and
//! without this app. One file per mentor (profile, agreement, status history, outreach, then the
//! conversations in date order, each with its takeaways and action items, then parked questions)
//! and one for goals (with milestones, reviews and status history), plus a short index.
//!
//! It is the user's own copy, so it holds everything, private notes and well-being checks
//! included (the PDF reports are the ones meant for others). Files are produced one at a time by
//! `markdown_files`, so the folder and the zip writers share one renderer and a 100,000-note
//! journal is never held in memory whole.

use rusqlite::{Connection, params};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::error::{Error, Result};
use crate::journal::Journal;

/// What a Markdown export wrote.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MarkdownExport {
    pub files: u32,
    pub notes: u32,
}

impl Journal {
    /// Calls `file(name, text)` for each file of the export, in order (see the module notes).
    pub fn markdown_files(
        &self,
        mut file: impl FnMut(&str, &str) -> Result<()>,
    ) -> Result<MarkdownExport> {
        let read = self.conn.unchecked_transaction()?;
        let names = file_names(&read)?;
        let mut done = MarkdownExport { files: 0, notes: 0 };
        let mut index = String::from("# Mentor Journal\n\n");
        let _ = writeln!(
            index,
            "Exported {}.\n\n## Mentors\n",
            self.local_now().format("%Y-%m-%d %H:%M")
        );
        for (id, name, file_name) in &names {
            let (text, notes) = mentor_file(&read, *id)?;
            file(file_name, &text)?;
            let _ = writeln!(
                index,
                "- [{}](<{file_name}>) ({notes} note{})",
                escape(name),
                if notes == 1 { "" } else { "s" }
            );
            done.files += 1;
            done.notes += notes;
        }
        if names.is_empty() {
            index.push_str("No mentors yet.\n");
        }
        // Notes about no single mentor (imported entries that named none) have a file of their own.
        let mut others = String::from("# Notes about no single mentor\n");
        let loose = conversations(&read, &mut others, None)?;
        if loose > 0 {
            file(LOOSE_NOTES, &others)?;
            let _ = writeln!(
                index,
                "\n## Other notes\n\n- [Notes about no single mentor](<{LOOSE_NOTES}>) ({loose} note{})",
                if loose == 1 { "" } else { "s" }
            );
            done.files += 1;
            done.notes += loose;
        }
        file("Goals.md", &goals_file(&read)?)?;
        index.push_str("\n## Goals\n\n- [Goals](<Goals.md>)\n");
        file("README.md", &index)?;
        done.files += 2;
        Ok(done)
    }

    /// Writes the Markdown export into `folder`, which must not exist yet (it is created).
    pub fn export_markdown_folder(&self, folder: &Path) -> Result<MarkdownExport> {
        crate::transfer::export::file::check_place(folder)?;
        if folder.exists() {
            return Err(Error::validation(
                "path",
                "Choose a name for a new folder: that one exists already.",
            ));
        }
        std::fs::create_dir_all(folder)?;
        self.markdown_files(|name, text| Ok(std::fs::write(folder.join(name), text)?))
    }
}

/// The file of the notes that are about no single mentor.
const LOOSE_NOTES: &str = "Notes about no single mentor.md";

/// A file name for each mentor: the name with characters no file system accepts replaced,
/// unique (a second "Dr. Kim" gets her id), sorted by name.
fn file_names(read: &Connection) -> Result<Vec<(i64, String, String)>> {
    let mut stmt = read.prepare("SELECT id, name FROM mentors ORDER BY name COLLATE NOCASE, id")?;
    let rows: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut seen: HashMap<String, u32> = HashMap::new();
    Ok(rows
        .into_iter()
        .map(|(id, name)| {
            let mut base: String = name
                .chars()
                .map(|c| match c {
                    '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
                    c if c.is_control() => ' ',
                    c => c,
                })
                .collect::<String>()
                .trim()
                .trim_start_matches('.')
                .chars()
                .take(80)
                .collect();
            let reserved = ["readme", "goals", "notes about no single mentor"];
            if base.is_empty() || reserved.contains(&base.to_lowercase().as_str()) {
                base = format!("Mentor {id}");
            }
            let count = seen.entry(base.to_lowercase()).or_default();
            *count += 1;
            let file = if *count == 1 {
                format!("{base}.md")
            } else {
                format!("{base} ({id}).md")
            };
            (id, name, file)
        })
        .collect())
}

/// Markdown-significant characters at the start of a line or in a heading, escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
        .replace('*', "\\*")
        .replace('#', "\\#")
}

fn words(word: &str) -> String {
    word.replace('_', " ")
}

fn mentor_file(read: &Connection, id: i64) -> Result<(String, u32)> {
    let mut out = String::new();
    let m = read.query_row(
        "SELECT m.name, m.role, m.specialty, m.institution, m.email, m.phone, m.how_we_met,
                m.origin, m.private_notes, m.status, m.status_since, m.end_reason,
                m.cadence_days, m.usual_channel, m.agreed_goals, i.name,
                (SELECT group_concat(f.name, ', ') FROM mentor_focus_areas mf
                   JOIN focus_areas f ON f.id = mf.focus_area_id WHERE mf.mentor_id = m.id)
         FROM mentors m LEFT JOIN mentors i ON i.id = m.introduced_by WHERE m.id = ?1",
        [id],
        |r| {
            (0..17)
                .map(|i| r.get::<_, Option<rusqlite::types::Value>>(i))
                .collect::<rusqlite::Result<Vec<_>>>()
        },
    )?;
    let text = |i: usize| match &m[i] {
        Some(rusqlite::types::Value::Text(t)) => t.trim().to_owned(),
        Some(rusqlite::types::Value::Integer(n)) => n.to_string(),
        _ => String::new(),
    };
    let _ = writeln!(out, "# {}\n", escape(&text(0)));
    let about: Vec<String> = [1, 2, 3]
        .iter()
        .map(|&i| text(i))
        .filter(|t| !t.is_empty())
        .collect();
    if !about.is_empty() {
        let _ = writeln!(out, "{}\n", about.join(" · "));
    }
    let mut facts = vec![format!("Status: {} since {}", text(9), text(10))];
    for (label, i) in [
        ("Focus", 16),
        ("Email", 4),
        ("Phone", 5),
        ("How we met", 6),
        ("Introduced by", 15),
    ] {
        if !text(i).is_empty() {
            facts.push(format!("{label}: {}", text(i)));
        }
    }
    facts.push(format!("Mentorship: {}", words(&text(7))));
    if !text(11).is_empty() {
        facts.push(format!("Why it ended: {}", text(11)));
    }
    for fact in facts {
        let _ = writeln!(out, "- {fact}");
    }
    out.push_str("\n## Agreement\n\n");
    let cadence = match text(12).parse::<u32>() {
        Ok(d) if d % 7 == 0 => format!("Meet every {} weeks", d / 7),
        Ok(d) => format!("Meet every {d} days"),
        Err(_) => "No agreed cadence".to_owned(),
    };
    let channel = text(13);
    let _ = writeln!(
        out,
        "- {cadence}{}",
        if channel.is_empty() {
            String::new()
        } else {
            format!(", usually {}", words(&channel))
        }
    );
    if !text(14).is_empty() {
        let _ = writeln!(out, "- Agreed goals: {}", text(14));
    }
    if !text(8).is_empty() {
        let _ = writeln!(out, "\n## Private notes\n\n{}", text(8));
    }
    section(read, &mut out, "Status history",
        "SELECT changed_on || ': ' || status || CASE WHEN note <> '' THEN ' (' || note || ')' ELSE '' END
         FROM mentor_status_changes WHERE mentor_id = ?1 ORDER BY changed_on, id", id)?;
    section(
        read,
        &mut out,
        "Outreach",
        "SELECT made_on || ': ' || request || ' (' || replace(outcome, '_', ' ') || ')'
                || CASE WHEN note <> '' THEN ' ' || note ELSE '' END
         FROM outreach WHERE mentor_id = ?1 ORDER BY made_on, id",
        id,
    )?;
    let notes = conversations(read, &mut out, Some(id))?;
    section(
        read,
        &mut out,
        "Questions for next time",
        "SELECT text FROM mentor_questions WHERE mentor_id = ?1 AND discussed_on IS NULL ORDER BY id",
        id,
    )?;
    section(
        read,
        &mut out,
        "Questions discussed",
        "SELECT discussed_on || ': ' || text FROM mentor_questions
         WHERE mentor_id = ?1 AND discussed_on IS NOT NULL ORDER BY discussed_on, id",
        id,
    )?;
    Ok((out, notes))
}

/// A heading and a bullet per row of `sql` (one text column, `?1` the id); nothing when empty.
fn section(read: &Connection, out: &mut String, heading: &str, sql: &str, id: i64) -> Result<()> {
    let mut stmt = read.prepare_cached(sql)?;
    let lines: Vec<String> = stmt
        .query_map([id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if !lines.is_empty() {
        let _ = writeln!(out, "\n## {heading}\n");
        for line in lines {
            let _ = writeln!(out, "- {}", line.replace('\n', " "));
        }
    }
    Ok(())
}

/// The finished notes of `mentor` (or, for `None`, those about no single mentor), in date order.
fn conversations(read: &Connection, out: &mut String, mentor: Option<i64>) -> Result<u32> {
    let mut stmt = read.prepare_cached(
        "SELECT id, occurred_at, channel, duration_minutes, title, body, energy, stress
         FROM conversations WHERE mentor_id IS ?1 AND is_draft = 0 ORDER BY occurred_at, id",
    )?;
    let mut takeaways = read.prepare_cached(
        "SELECT text FROM takeaways WHERE conversation_id = ?1 ORDER BY position, id",
    )?;
    let mut items = read.prepare_cached(
        "SELECT title, owner, status, due_on FROM action_items WHERE conversation_id = ?1 ORDER BY id",
    )?;
    let mut rows = stmt.query(params![mentor])?;
    let mut count = 0;
    while let Some(r) = rows.next()? {
        if count == 0 {
            out.push_str("\n## Conversations\n");
        }
        count += 1;
        let id: i64 = r.get(0)?;
        let at: String = r.get(1)?;
        let title: String = r.get(4)?;
        let when = at.get(..16).unwrap_or(&at).replace('T', " ");
        let _ = write!(out, "\n### {when}");
        if !title.trim().is_empty() {
            let _ = write!(out, ": {}", escape(title.trim()));
        }
        out.push_str("\n\n");
        let mut facts = Vec::new();
        if let Some(channel) = r.get::<_, Option<String>>(2)? {
            facts.push(words(&channel));
        }
        if let Some(minutes) = r.get::<_, Option<i64>>(3)? {
            facts.push(format!("{minutes} minutes"));
        }
        if let Some(energy) = r.get::<_, Option<i64>>(6)? {
            facts.push(format!("energy {energy}/5"));
        }
        if let Some(stress) = r.get::<_, Option<i64>>(7)? {
            facts.push(format!("stress {stress}/5"));
        }
        if !facts.is_empty() {
            let _ = writeln!(out, "*{}*\n", facts.join(" · "));
        }
        let body: String = r.get(5)?;
        if !body.trim().is_empty() {
            let _ = writeln!(out, "{}\n", body.trim_end());
        }
        let found: Vec<String> = takeaways
            .query_map([id], |t| t.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        if !found.is_empty() {
            out.push_str("**Takeaways**\n\n");
            for t in found {
                let _ = writeln!(out, "- {}", t.replace('\n', " "));
            }
            out.push('\n');
        }
        let found: Vec<(String, String, String, Option<String>)> = items
            .query_map([id], |t| Ok((t.get(0)?, t.get(1)?, t.get(2)?, t.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        if !found.is_empty() {
            out.push_str("**Action items**\n\n");
            for (title, owner, status, due) in found {
                let mark = if status == "done" { "x" } else { " " };
                let who = if owner == "mentor" { " (theirs)" } else { "" };
                let due = due.map(|d| format!(", due {d}")).unwrap_or_default();
                let dropped = if status == "dropped" { ", dropped" } else { "" };
                let _ = writeln!(
                    out,
                    "- [{mark}] {}{who}{due}{dropped}",
                    title.replace('\n', " ")
                );
            }
            out.push('\n');
        }
    }
    Ok(count)
}

fn goals_file(read: &Connection) -> Result<String> {
    let mut out = String::from("# Goals\n");
    let mut stmt = read.prepare(
        "SELECT g.id, g.title, g.description, c.name, g.success_criteria, g.target_date, g.status,
                g.status_since,
                (SELECT group_concat(m.name, ', ') FROM goal_mentors gm JOIN mentors m ON m.id = gm.mentor_id
                 WHERE gm.goal_id = g.id)
         FROM goals g LEFT JOIN goal_categories c ON c.id = g.category_id
         ORDER BY g.status <> 'active', g.created_on, g.id",
    )?;
    let mut rows = stmt.query([])?;
    let mut any = false;
    while let Some(r) = rows.next()? {
        any = true;
        let id: i64 = r.get(0)?;
        let title: String = r.get(1)?;
        let _ = writeln!(out, "\n## {}\n", escape(title.trim()));
        let status: String = r.get(6)?;
        let since: String = r.get(7)?;
        let mut facts = vec![format!("Status: {status} since {since}")];
        if let Some(category) = r.get::<_, Option<String>>(3)? {
            facts.push(format!("Category: {category}"));
        }
        if let Some(target) = r.get::<_, Option<String>>(5)? {
            facts.push(format!("Target: {target}"));
        }
        if let Some(mentors) = r.get::<_, Option<String>>(8)? {
            facts.push(format!("With: {mentors}"));
        }
        let criteria: String = r.get(4)?;
        if !criteria.trim().is_empty() {
            facts.push(format!("Success looks like: {}", criteria.trim()));
        }
        for fact in facts {
            let _ = writeln!(out, "- {}", fact.replace('\n', " "));
        }
        let description: String = r.get(2)?;
        if !description.trim().is_empty() {
            let _ = writeln!(out, "\n{}", description.trim_end());
        }
        section(
            read,
            &mut out,
            "Milestones",
            "SELECT CASE WHEN done_on IS NULL THEN '[ ] ' ELSE '[x] ' END || title
                    || CASE WHEN done_on IS NULL THEN '' ELSE ' (done ' || done_on || ')' END
             FROM milestones WHERE goal_id = ?1 ORDER BY position, id",
            id,
        )?;
        section(read, &mut out, "Reviews",
            "SELECT reviewed_on || ': ' || progress || '%'
                    || CASE WHEN note <> '' THEN ', ' || note ELSE '' END
                    || CASE WHEN new_title IS NOT NULL THEN '; renamed from \"' || old_title || '\"' ELSE '' END
                    || CASE WHEN new_criteria IS NOT NULL THEN '; criteria were \"' || old_criteria || '\"' ELSE '' END
                    || CASE WHEN reason <> '' THEN ' (' || reason || ')' ELSE '' END
             FROM goal_reviews WHERE goal_id = ?1 ORDER BY reviewed_on, id", id)?;
        section(read, &mut out, "Status history",
            "SELECT changed_on || ': ' || status || CASE WHEN note <> '' THEN ' (' || note || ')' ELSE '' END
             FROM goal_status_changes WHERE goal_id = ?1 ORDER BY changed_on, id", id)?;
    }
    if !any {
        out.push_str("\nNo goals yet.\n");
    }
    Ok(out)
}
