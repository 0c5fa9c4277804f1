//! Getting ready for the next meeting: the prep sheet and the questions parked for it.

use journal::{MentorId, PrepSheet, Question, QuestionId};

commands! {
    /// What to bring to the next conversation with a mentor.
    fn prep_sheet(state, mentor_id: MentorId) -> PrepSheet { state.journal(|j| j.prep_sheet(mentor_id, j.today())) }

    fn questions_list(state, mentor_id: MentorId) -> Vec<Question> { state.journal(|j| j.list_questions(mentor_id, 20)) }

    fn question_add(state, mentor_id: MentorId, text: String) -> Question { state.journal(|j| j.add_question(mentor_id, &text)) }

    /// Ticks a question off as discussed today, or reopens it.
    fn question_set_discussed(state, id: QuestionId, discussed: bool) -> Question {
        state.journal(|j| j.set_question_discussed(id, discussed.then(|| j.today())))
    }

    fn question_delete(state, id: QuestionId) -> () { state.journal(|j| j.delete_question(id)) }
}
