//! Mentors as records: validated fields, focus areas, the list with what is derived from the
//! conversations, introductions, and deletion (with what it would take along).

use chrono::NaiveDate;
use rusqlite::{OptionalExtension, Row, params};

use super::{
    Mentor, MentorDeletionImpact, MentorFilter, MentorId, MentorInput, MentorSort, MentorSummary,
};
use crate::error::{Error, Result};
use crate::journal::Journal;
use crate::kinds::{MentorStatus, Origin};
use crate::mentors::cadence::cadence_with_blocks;
use crate::validate::{self, LONG, SHORT};

struct Checked {
    name: String,
    role: String,
    specialty: String,
    institution: String,
    email: String,
    phone: String,
    how_we_met: String,
    private_notes: String,
    agreed_goals: String,
    focus_areas: Vec<String>,
}

impl MentorInput {
    fn check(&self) -> Result<Checked> {
        if let Some(days) = self.cadence_days {
            validate::range(
                "cadenceDays",
                days,
                1,
                366,
                "Meet at least once a year: 1 to 366 days.",
            )?;
        }
        let email = validate::text("email", &self.email, SHORT)?;
        if !email.is_empty() && !email.contains('@') {
            return Err(Error::validation(
                "email",
                "That does not look like an email address.",
            ));
        }
        let mut focus_areas = Vec::new();
        for area in &self.focus_areas {
            let area = validate::required("focusAreas", area, 80, "A focus area needs a name.")?;
            if !focus_areas
                .iter()
                .any(|a: &String| a.eq_ignore_ascii_case(&area))
            {
                focus_areas.push(area);
            }
        }
        Ok(Checked {
            name: validate::required("name", &self.name, SHORT, "Give the mentor a name.")?,
            role: validate::text("role", &self.role, SHORT)?,
            specialty: validate::text("specialty", &self.specialty, SHORT)?,
            institution: validate::text("institution", &self.institution, SHORT)?,
            email,
            phone: validate::text("phone", &self.phone, 60)?,
            how_we_met: validate::text("howWeMet", &self.how_we_met, LONG)?,
            private_notes: validate::text("privateNotes", &self.private_notes, LONG)?,
            agreed_goals: validate::text("agreedGoals", &self.agreed_goals, LONG)?,
            focus_areas,
        })
    }
}

const MENTOR_COLUMNS: &str = "id, name, role, specialty, institution, email, phone, how_we_met, origin, \
     private_notes, status, status_since, end_reason, cadence_days, usual_channel, agreed_goals, \
     introduced_by, default_template_id, created_at";

impl Mentor {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        let status: MentorStatus = row.get("status")?;
        Ok(Mentor {
            id: MentorId(row.get("id")?),
            name: row.get("name")?,
            role: row.get("role")?,
            specialty: row.get("specialty")?,
            institution: row.get("institution")?,
            email: row.get("email")?,
            phone: row.get("phone")?,
            how_we_met: row.get("how_we_met")?,
            origin: row.get("origin")?,
            private_notes: row.get("private_notes")?,
            focus_areas: Vec::new(),
            status,
            next_statuses: status.next().to_vec(),
            status_since: row.get("status_since")?,
            end_reason: row.get("end_reason")?,
            cadence_days: row.get("cadence_days")?,
            usual_channel: row.get("usual_channel")?,
            agreed_goals: row.get("agreed_goals")?,
            introduced_by: row.get::<_, Option<i64>>("introduced_by")?.map(MentorId),
            default_template_id: row
                .get::<_, Option<i64>>("default_template_id")?
                .map(crate::templates::TemplateId),
            created_at: row.get("created_at")?,
        })
    }
}

impl Journal {
    pub fn add_mentor(&self, input: &MentorInput) -> Result<Mentor> {
        let c = input.check()?;
        let status = input.status.unwrap_or(MentorStatus::Active);
        if !matches!(status, MentorStatus::Prospective | MentorStatus::Active) {
            return Err(Error::validation(
                "status",
                "A new mentor is either a prospect or active.",
            ));
        }
        if let Some(by) = input.introduced_by {
            self.mentor(by)?;
        }
        let now = self.now();
        let today = self.today();
        self.write(|tx| {
            let id: i64 = tx.query_row(
                "INSERT INTO mentors (name, role, specialty, institution, email, phone, how_we_met, origin,
                     private_notes, status, status_since, cadence_days, usual_channel, agreed_goals,
                     introduced_by, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)
                 RETURNING id",
                params![
                    c.name, c.role, c.specialty, c.institution, c.email, c.phone, c.how_we_met,
                    input.origin.unwrap_or(Origin::Organic), c.private_notes, status, today,
                    input.cadence_days, input.usual_channel, c.agreed_goals,
                    input.introduced_by.map(|m| m.0), now
                ],
                |row| row.get(0),
            )?;
            tx.execute(
                "INSERT INTO mentor_status_changes (mentor_id, status, changed_on) VALUES (?1, ?2, ?3)",
                params![id, status, today],
            )?;
            set_focus_areas(tx, id, &c.focus_areas)?;
            Ok(MentorId(id))
        })
        .and_then(|id| self.mentor(id))
    }

    pub fn update_mentor(&self, id: MentorId, input: &MentorInput) -> Result<Mentor> {
        let c = input.check()?;
        self.mentor(id)?;
        if let Some(by) = input.introduced_by {
            if by == id {
                return Err(Error::validation(
                    "introducedBy",
                    "A mentor cannot introduce themselves.",
                ));
            }
            self.mentor(by)?;
        }
        let now = self.now();
        self.write(|tx| {
            tx.execute(
                "UPDATE mentors SET name = ?2, role = ?3, specialty = ?4, institution = ?5, email = ?6,
                     phone = ?7, how_we_met = ?8, origin = ?9, private_notes = ?10, cadence_days = ?11,
                     usual_channel = ?12, agreed_goals = ?13, introduced_by = ?14, updated_at = ?15
                 WHERE id = ?1",
                params![
                    id.0, c.name, c.role, c.specialty, c.institution, c.email, c.phone, c.how_we_met,
                    input.origin.unwrap_or(Origin::Organic), c.private_notes, input.cadence_days,
                    input.usual_channel, c.agreed_goals, input.introduced_by.map(|m| m.0), now
                ],
            )?;
            set_focus_areas(tx, id.0, &c.focus_areas)
        })?;
        self.mentor(id)
    }

    pub fn mentor(&self, id: MentorId) -> Result<Mentor> {
        let mut mentor = self
            .conn
            .prepare_cached(&format!(
                "SELECT {MENTOR_COLUMNS} FROM mentors WHERE id = ?1"
            ))?
            .query_row([id.0], Mentor::from_row)
            .optional()?
            .ok_or(Error::NotFound("That mentor"))?;
        mentor.focus_areas = self.mentor_focus_areas(id)?;
        Ok(mentor)
    }

    fn mentor_focus_areas(&self, id: MentorId) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.name FROM mentor_focus_areas m JOIN focus_areas f ON f.id = m.focus_area_id
             WHERE m.mentor_id = ?1 ORDER BY f.name COLLATE NOCASE",
        )?;
        let names = stmt
            .query_map([id.0], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(names)
    }

    /// The mentor list with what the list shows beside each name, filtered and sorted.
    pub fn list_mentors(
        &self,
        filter: &MentorFilter,
        today: NaiveDate,
    ) -> Result<Vec<MentorSummary>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MENTOR_COLUMNS},
                 (SELECT max(substr(occurred_at, 1, 10)) FROM conversations c WHERE c.mentor_id = mentors.id AND c.is_draft = 0) AS last_met,
                 (SELECT count(*) FROM conversations c WHERE c.mentor_id = mentors.id AND c.is_draft = 0) AS conversation_count,
                 (SELECT count(*) FROM action_items a WHERE a.mentor_id = mentors.id AND a.status = 'open') AS open_items
             FROM mentors
             WHERE (?1 IS NULL OR status = ?1)
               AND (?2 IS NULL OR EXISTS (SELECT 1 FROM mentor_focus_areas m JOIN focus_areas f ON f.id = m.focus_area_id
                                          WHERE m.mentor_id = mentors.id AND f.name = ?2 COLLATE NOCASE))
             ORDER BY name COLLATE NOCASE, id"
        ))?;
        let blocks = self.pausing_blocks()?;
        let rows = stmt.query_map(params![filter.status, filter.focus_area], |row| {
            let mentor = Mentor::from_row(row)?;
            let last_met: Option<NaiveDate> = row.get("last_met")?;
            Ok(MentorSummary {
                cadence: cadence_with_blocks(
                    mentor.id,
                    mentor.status,
                    mentor.cadence_days,
                    last_met,
                    today,
                    &blocks,
                ),
                last_met,
                conversations: row.get("conversation_count")?,
                open_action_items: row.get("open_items")?,
                mentor,
            })
        })?;
        let mut list = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        for summary in &mut list {
            summary.mentor.focus_areas = self.mentor_focus_areas(summary.mentor.id)?;
        }
        match filter.sort {
            MentorSort::Name => {}
            MentorSort::LastMet => list.sort_by_key(|s| std::cmp::Reverse(s.last_met)),
            MentorSort::Cadence => list.sort_by_key(|s| std::cmp::Reverse(s.cadence.urgency())),
        }
        Ok(list)
    }

    /// Mentors this one introduced the user to.
    pub fn introductions_by(&self, id: MentorId) -> Result<Vec<Mentor>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT id FROM mentors WHERE introduced_by = ?1 ORDER BY created_at, id",
            )?
            .query_map([id.0], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|i| self.mentor(MentorId(i))).collect()
    }

    pub fn mentor_deletion_impact(&self, id: MentorId) -> Result<MentorDeletionImpact> {
        self.mentor(id)?;
        let count =
            |sql: &str| -> Result<u32> { Ok(self.conn.query_row(sql, [id.0], |row| row.get(0))?) };
        Ok(MentorDeletionImpact {
            conversations: count("SELECT count(*) FROM conversations WHERE mentor_id = ?1")?,
            action_items: count("SELECT count(*) FROM action_items WHERE mentor_id = ?1")?,
            outreach: count("SELECT count(*) FROM outreach WHERE mentor_id = ?1")?,
            relationship_checks: count(
                "SELECT count(*) FROM relationship_checks WHERE mentor_id = ?1",
            )?,
            reviews: count("SELECT count(*) FROM mentorship_review_mentors WHERE mentor_id = ?1")?,
        })
    }

    /// Deletes a mentor and everything recorded with them (the UI confirms first, showing
    /// `mentor_deletion_impact`, and suggests ending the relationship instead).
    pub fn delete_mentor(&self, id: MentorId) -> Result<()> {
        self.mentor(id)?;
        self.delete_by_id("DELETE FROM mentors WHERE id = ?1", id.0)
    }

    /// All focus areas: the defaults from the mentorship literature plus the user's own.
    pub fn focus_areas(&self) -> Result<Vec<String>> {
        self.names("SELECT name FROM focus_areas ORDER BY builtin DESC, name COLLATE NOCASE")
    }
}

fn set_focus_areas(tx: &rusqlite::Transaction<'_>, mentor: i64, areas: &[String]) -> Result<()> {
    tx.execute(
        "DELETE FROM mentor_focus_areas WHERE mentor_id = ?1",
        [mentor],
    )?;
    for area in areas {
        tx.execute(
            "INSERT INTO focus_areas (name) VALUES (?1) ON CONFLICT (name) DO NOTHING",
            [area],
        )?;
        tx.execute(
            "INSERT INTO mentor_focus_areas (mentor_id, focus_area_id)
             SELECT ?1, id FROM focus_areas WHERE name = ?2 COLLATE NOCASE",
            params![mentor, area],
        )?;
    }
    Ok(())
}
