//! Mentors: the list, each one's record and status lifecycle, introductions, outreach and the
//! private relationship check.

use journal::{
    Mentor, MentorDeletionImpact, MentorFilter, MentorId, MentorInput, MentorRef, MentorSummary,
    Outreach, OutreachId, OutreachInput, OutreachOutcome, RelationshipCheck, RelationshipCheckId,
    RelationshipCheckInput, RelationshipChecks, StatusChange, StatusEntry,
};

commands! {
    fn mentors_list(state, filter: MentorFilter) -> Vec<MentorSummary> {
        state.journal(|j| j.list_mentors(&filter, j.today()))
    }

    fn mentor_get(state, id: MentorId) -> Mentor { state.journal(|j| j.mentor(id)) }

    /// Mentors whose name is the same as `name` but for case, accents and titles (a duplicate
    /// warning), leaving out `except`, the one being edited.
    fn mentors_named_like(state, name: String, except: Option<MentorId>) -> Vec<MentorRef> {
        state.journal(|j| j.mentors_named_like(&name, except))
    }

    fn mentor_add(state, mentor: MentorInput) -> Mentor { state.journal(|j| j.add_mentor(&mentor)) }

    fn mentor_update(state, id: MentorId, mentor: MentorInput) -> Mentor {
        state.journal(|j| j.update_mentor(id, &mentor))
    }

    /// Moves a mentor through prospective / active / paused / ended, with a date and a private note.
    fn mentor_set_status(state, id: MentorId, change: StatusChange) -> Mentor {
        state.journal(|j| j.set_mentor_status(id, &change))
    }

    fn mentor_history(state, id: MentorId) -> Vec<StatusEntry> { state.journal(|j| j.mentor_status_history(id)) }

    fn mentor_introductions(state, id: MentorId) -> Vec<Mentor> { state.journal(|j| j.introductions_by(id)) }

    /// What deleting would remove, for the confirmation.
    fn mentor_deletion_impact(state, id: MentorId) -> MentorDeletionImpact {
        state.journal(|j| j.mentor_deletion_impact(id))
    }

    fn mentor_delete(state, id: MentorId) -> () { state.journal(|j| j.delete_mentor(id)) }

    fn focus_areas_list(state) -> Vec<String> { state.journal(|j| j.focus_areas()) }

    fn outreach_list(state, mentor_id: MentorId) -> Vec<Outreach> { state.journal(|j| j.list_outreach(mentor_id)) }

    fn outreach_log(state, mentor_id: MentorId, outreach: OutreachInput) -> Outreach {
        state.journal(|j| j.log_outreach(mentor_id, &outreach))
    }

    fn outreach_set_outcome(state, id: OutreachId, outcome: OutreachOutcome, note: String) -> Outreach {
        state.journal(|j| j.set_outreach_outcome(id, outcome, &note))
    }

    /// A mentor's private relationship checks: the schedule, whether one is due today, the
    /// answers oldest first and their trend (`falling` is the cue for the gentle prompt).
    fn relationship_checks_get(state, mentor_id: MentorId) -> RelationshipChecks {
        state.journal(|j| j.relationship_checks(mentor_id, j.today()))
    }

    /// How often to ask, in weeks (1 to 52); `null` stops asking and keeps the answers.
    fn relationship_check_schedule(state, mentor_id: MentorId, every_weeks: Option<u32>) -> RelationshipChecks {
        state.journal(|j| j.set_check_schedule(mentor_id, every_weeks))
    }

    /// Saves the answers to a check; `relationship_checks_get` then has the next due date and
    /// the trend with it.
    fn relationship_check_add(state, mentor_id: MentorId, check: RelationshipCheckInput) -> RelationshipCheck {
        state.journal(|j| j.add_relationship_check(mentor_id, &check))
    }

    fn relationship_check_delete(state, id: RelationshipCheckId) -> () {
        state.journal(|j| j.delete_relationship_check(id))
    }
}
