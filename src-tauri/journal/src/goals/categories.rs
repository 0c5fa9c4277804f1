//! Goal categories: a short list the user owns. Seven defaults come with a new journal (skill
//! development, research, career planning, networking, leadership, work-life balance, well-being);
//! the user can add, rename and remove any of them.
//!
//! Removing a category never strips goals silently: if goals use it, the caller must say which
//! category they move to, and both happen in one transaction. Names are unique regardless of case,
//! so "research" and "Research" cannot split the same goals in two.

use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::journal::Journal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[ts(export, type = "number")]
pub struct GoalCategoryId(pub i64);

/// A category with how many goals use it, for the editor in Settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GoalCategory {
    pub id: GoalCategoryId,
    pub name: String,
    /// One of the defaults (renamed or not); they keep their usual order at the top of the list.
    pub builtin: bool,
    pub goals: u32,
}

/// Longest category name; it is a label, not a description.
pub(crate) const NAME_MAX: usize = 80;
/// More categories than anyone sorts goals into; keeps the picker usable.
const MAX_CATEGORIES: u32 = 100;

const ORDER: &str = "ORDER BY builtin DESC, CASE WHEN builtin THEN id END, name COLLATE NOCASE";

impl Journal {
    /// Category names for the goal form's picker: the defaults in their usual order, then the
    /// user's own by name.
    pub fn goal_categories(&self) -> Result<Vec<String>> {
        self.names(&format!("SELECT name FROM goal_categories {ORDER}"))
    }

    /// The categories with their goal counts, in picker order.
    pub fn list_goal_categories(&self) -> Result<Vec<GoalCategory>> {
        let mut stmt = self.conn.prepare_cached(&format!("{SELECT} {ORDER}"))?;
        let rows = stmt.query_map([], category_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn goal_category(&self, id: GoalCategoryId) -> Result<GoalCategory> {
        self.conn
            .prepare_cached(&format!("{SELECT} WHERE c.id = ?1"))?
            .query_row([id.0], category_from_row)
            .optional()?
            .ok_or(Error::NotFound("That category"))
    }

    pub fn add_goal_category(&self, name: &str) -> Result<GoalCategory> {
        let name = self.check_name(name, None)?;
        let id = self.write(|tx| {
            room_for_one_more(tx, "name")?;
            Ok(tx.query_row(
                "INSERT INTO goal_categories (name) VALUES (?1) RETURNING id",
                [&name],
                |row| row.get(0),
            )?)
        })?;
        self.goal_category(GoalCategoryId(id))
    }

    /// Renames a category; every goal in it shows the new name. Changing only the case is allowed.
    pub fn rename_goal_category(&self, id: GoalCategoryId, name: &str) -> Result<GoalCategory> {
        self.goal_category(id)?;
        let name = self.check_name(name, Some(id))?;
        self.write(|tx| {
            tx.execute(
                "UPDATE goal_categories SET name = ?2 WHERE id = ?1",
                params![id.0, name],
            )?;
            Ok(())
        })?;
        self.goal_category(id)
    }

    /// Removes a category. Goals using it move to `move_to`; when goals use it and no destination
    /// is given, nothing changes and the answer is a `VALIDATION` error on `moveTo`.
    pub fn delete_goal_category(
        &self,
        id: GoalCategoryId,
        move_to: Option<GoalCategoryId>,
    ) -> Result<()> {
        let category = self.goal_category(id)?;
        if let Some(target) = move_to {
            if target == id {
                return Err(Error::validation(
                    "moveTo",
                    "Choose another category to move its goals to.",
                ));
            }
            self.goal_category(target).map_err(|_| {
                Error::validation(
                    "moveTo",
                    "The category to move the goals to no longer exists.",
                )
            })?;
        } else if category.goals > 0 {
            return Err(Error::validation(
                "moveTo",
                if category.goals == 1 {
                    format!(
                        "1 goal uses “{}”: choose a category to move it to.",
                        category.name
                    )
                } else {
                    format!(
                        "{} goals use “{}”: choose a category to move them to.",
                        category.goals, category.name
                    )
                },
            ));
        }
        self.write(|tx| {
            if let Some(target) = move_to {
                tx.execute(
                    "UPDATE goals SET category_id = ?2 WHERE category_id = ?1",
                    params![id.0, target.0],
                )?;
            }
            tx.execute("DELETE FROM goal_categories WHERE id = ?1", [id.0])?;
            Ok(())
        })
    }

    fn check_name(&self, name: &str, renaming: Option<GoalCategoryId>) -> Result<String> {
        let name = crate::validate::required("name", name, NAME_MAX, "Give the category a name.")?;
        let clash: Option<i64> = self
            .conn
            .query_row(
                "SELECT id FROM goal_categories WHERE name = ?1 COLLATE NOCASE",
                [&name],
                |row| row.get(0),
            )
            .optional()?;
        match clash {
            Some(other) if Some(GoalCategoryId(other)) != renaming => Err(Error::validation(
                "name",
                format!("There is already a category called “{name}”."),
            )),
            _ => Ok(name),
        }
    }
}

/// The id of the category called `name` (any case), creating it when new; `None` for no name.
/// Used by the goal form, where typing a new name adds it to the list.
pub(crate) fn category_id(tx: &Transaction<'_>, name: &str) -> Result<Option<i64>> {
    if name.is_empty() {
        return Ok(None);
    }
    let existing = tx
        .query_row(
            "SELECT id FROM goal_categories WHERE name = ?1 COLLATE NOCASE",
            [name],
            |row| row.get(0),
        )
        .optional()?;
    if existing.is_some() {
        return Ok(existing);
    }
    room_for_one_more(tx, "category")?;
    Ok(Some(tx.query_row(
        "INSERT INTO goal_categories (name) VALUES (?1) RETURNING id",
        [name],
        |row| row.get(0),
    )?))
}

/// Refuses a new category once the list holds `MAX_CATEGORIES`, naming `field`.
fn room_for_one_more(tx: &Transaction<'_>, field: &'static str) -> Result<()> {
    let count: u32 = tx.query_row("SELECT count(*) FROM goal_categories", [], |row| row.get(0))?;
    if count >= MAX_CATEGORIES {
        return Err(Error::validation(
            field,
            format!(
                "You already have {MAX_CATEGORIES} categories; remove one you no longer use first."
            ),
        ));
    }
    Ok(())
}

const SELECT: &str = "SELECT c.id, c.name, c.builtin,
        (SELECT count(*) FROM goals WHERE category_id = c.id) AS goals
     FROM goal_categories c";

fn category_from_row(row: &Row<'_>) -> rusqlite::Result<GoalCategory> {
    Ok(GoalCategory {
        id: GoalCategoryId(row.get("id")?),
        name: row.get("name")?,
        builtin: row.get("builtin")?,
        goals: row.get("goals")?,
    })
}
