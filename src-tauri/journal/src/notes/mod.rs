//! What comes out of meetings: conversation notes (with takeaways and the well-being check),
//! the action items they produce, and the questions parked for the next conversation; and the
//! trainee's private reflections, which are notes about no single mentor (`timeline` lists them).

pub(crate) mod actions;
pub(crate) mod conversations;
pub(crate) mod questions;
pub(crate) mod timeline;
