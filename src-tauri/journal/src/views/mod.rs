//! Read models that gather across domains for one screen in one call: the review dashboard, the
//! meeting prep sheet, search, the calendar (with "on this day") and well-being over time. They
//! only read; every rule they show (cadence, goal progress, target dates) comes from the domain
//! modules, so each view agrees with the pages it links to.

pub(crate) mod calendar;
pub(crate) mod dashboard;
pub(crate) mod highlight;
pub(crate) mod prefix;
pub(crate) mod prep;
pub(crate) mod search;
pub(crate) mod wellbeing;
