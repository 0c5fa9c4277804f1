//! Notes and what they bring: conversations and private reflections, drafts, the Markdown
//! preview, and action items.

use chrono::NaiveDateTime;
use journal::{
    ActionItem, ActionItemFilter, ActionItemId, ActionItemInput, ActionStatus, Conversation,
    ConversationId, ConversationInput, MentorId, NoteScope,
};

commands! {
    /// Saves a new note; `draft` is the autosave of one still being written.
    fn conversation_add(state, conversation: ConversationInput, draft: bool) -> Conversation {
        state.journal(|j| j.add_conversation(&conversation, draft))
    }

    fn conversation_update(state, id: ConversationId, conversation: ConversationInput, draft: bool) -> Conversation {
        state.journal(|j| j.update_conversation(id, &conversation, draft))
    }

    fn conversation_get(state, id: ConversationId) -> Conversation { state.journal(|j| j.conversation(id)) }

    fn conversation_delete(state, id: ConversationId) -> () { state.journal(|j| j.delete_conversation(id)) }

    /// One page of finished notes, newest first, after `[occurredAt, id]` of the last one shown;
    /// and whether older ones follow.
    fn conversations_list(state, mentor_id: Option<MentorId>, after: Option<(NaiveDateTime, ConversationId)>) -> (Vec<Conversation>, bool) {
        state.journal(|j| j.conversation_page(mentor_id, after))
    }

    /// One page of private reflections (notes about no single mentor), newest first, after
    /// `[occurredAt, id]` of the last one shown; and whether older ones follow.
    fn reflections_list(state, after: Option<(NaiveDateTime, ConversationId)>) -> (Vec<Conversation>, bool) {
        state.journal(|j| j.conversation_page(NoteScope::Reflections, after))
    }

    fn drafts_list(state) -> Vec<Conversation> { state.journal(|j| j.list_drafts()) }

    /// Renders and sanitises Markdown for the editor's preview.
    fn markdown_preview(state, body: String) -> String { state.journal(|_| journal::preview_markdown(&body)) }

    fn action_items_list(state, filter: ActionItemFilter) -> Vec<ActionItem> {
        state.journal(|j| j.list_action_items(&filter, j.today()))
    }

    fn action_item_add(state, item: ActionItemInput) -> ActionItem { state.journal(|j| j.add_action_item(&item)) }

    fn action_item_update(state, id: ActionItemId, item: ActionItemInput) -> ActionItem {
        state.journal(|j| j.update_action_item(id, &item))
    }

    fn action_item_set_status(state, id: ActionItemId, status: ActionStatus) -> ActionItem {
        state.journal(|j| j.set_action_status(id, status))
    }

    fn action_item_delete(state, id: ActionItemId) -> () { state.journal(|j| j.delete_action_item(id)) }
}
