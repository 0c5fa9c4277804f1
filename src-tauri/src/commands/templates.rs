//! Note templates, and the one a mentor's new notes start from.

use journal::{Mentor, MentorId, Template, TemplateId, TemplateInput};

commands! {
    /// Note templates in picker order: the built-ins, then the user's own by name.
    fn templates_list(state) -> Vec<Template> { state.journal(|j| j.list_templates()) }

    fn template_get(state, id: TemplateId) -> Template { state.journal(|j| j.template(id)) }

    fn template_add(state, template: TemplateInput) -> Template { state.journal(|j| j.add_template(&template)) }

    fn template_update(state, id: TemplateId, template: TemplateInput) -> Template {
        state.journal(|j| j.update_template(id, &template))
    }

    /// Deletes a template, a built-in too; mentors who started from it start from none.
    fn template_delete(state, id: TemplateId) -> () { state.journal(|j| j.delete_template(id)) }

    /// Brings back the built-in templates that were deleted; returns the ones restored.
    fn templates_restore_builtin(state) -> Vec<Template> { state.journal(|j| j.restore_builtin_templates()) }

    /// Sets, or with `null` clears, the template new notes with this mentor start from.
    fn mentor_set_default_template(state, id: MentorId, template_id: Option<TemplateId>) -> Mentor {
        state.journal(|j| j.set_mentor_default_template(id, template_id))
    }

    /// What a new note with this mentor starts from: their default template, or `null` (blank).
    fn template_for_new_note(state, mentor_id: MentorId) -> Option<Template> {
        state.journal(|j| j.template_for_new_note(mentor_id))
    }
}
