//! Note templates: Markdown skeletons with prompts and suggested takeaways that a new note starts
//! from, so the same kinds of conversation (a first meeting, a check-in, feedback on a task) do not
//! start from a blank page every time.
//!
//! The user owns the list: built-ins (see `builtin`) can be edited and deleted like their own, and
//! a deleted built-in comes back with `restore_builtin_templates`, recognised by its key rather
//! than its name, which the user may have changed. A mentor may have a default template; deleting
//! the template forgets the default (the foreign key does it, so no path can leave a dangling one).
//! Templates hold no dates and no mentor: they are text, and a note copies it, so editing a
//! template never changes a note already written.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub(crate) mod builtin;
mod records;
#[cfg(test)]
mod tests;

pub(crate) use records::seed_builtins;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct TemplateId(pub i64);

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Template {
    pub id: TemplateId,
    pub name: String,
    /// One line for the picker: what kind of note it is for.
    pub description: String,
    /// The Markdown a new note's body starts as.
    pub body: String,
    /// Takeaways a new note starts with, for the trainee to fill in or remove.
    pub takeaways: Vec<String>,
    /// Set for the templates the app comes with (edited or not); `null` for the user's own.
    pub builtin_key: Option<String>,
    /// How many mentors start their new notes from it (for the delete confirmation).
    pub default_for_mentors: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the user fills in to add or edit a template.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct TemplateInput {
    pub name: String,
    pub description: String,
    pub body: String,
    pub takeaways: Vec<String>,
}

impl TemplateInput {
    pub fn named(name: impl Into<String>) -> Self {
        TemplateInput {
            name: name.into(),
            ..Self::default()
        }
    }
}
