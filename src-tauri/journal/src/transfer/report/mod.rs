//! PDF reports with a purpose: a mentorship portfolio for a date range, and a summary to hand a
//! mentor. (Being written.)
