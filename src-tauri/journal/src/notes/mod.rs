//! What comes out of meetings: conversation notes (with takeaways and the well-being check),
//! the action items they produce, and the questions parked for the next conversation.

pub(crate) mod actions;
pub(crate) mod conversations;
pub(crate) mod questions;
