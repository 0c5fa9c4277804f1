//! Read models over the whole journal: search, the dashboard, well-being over time and the
//! calendar with "on this day".

use chrono::NaiveDate;
use journal::{CalendarMonth, Dashboard, OnThisDay, SearchHit, SearchQuery, WellbeingOverTime};

commands! {
    fn search(state, query: SearchQuery) -> Vec<SearchHit> { state.journal(|j| j.search(&query)) }

    /// The review dashboard the app opens on, for today.
    fn dashboard(state) -> Dashboard { state.journal(|j| j.dashboard(j.today())) }

    /// Well-being over the last `months` months, the current one included: the mean energy and
    /// stress noted per month, with the conversations per mentor in the same months. Private:
    /// no export for someone else reads it.
    fn wellbeing_over_time(state, months: u32) -> WellbeingOverTime {
        state.journal(|j| j.wellbeing(j.today(), months))
    }

    /// A month of the calendar (`month` 1 to 12): each day's notes, reflections, action items
    /// due, milestones done and goal target dates, and the blocks that overlap it.
    fn calendar_month(state, year: i32, month: u32) -> CalendarMonth {
        state.journal(|j| j.calendar_month(year, month, j.today()))
    }

    /// The notes written on this day (today unless `date` is given) in earlier years, the most
    /// recent year first.
    fn on_this_day(state, date: Option<NaiveDate>) -> OnThisDay {
        state.journal(|j| j.on_this_day(date.unwrap_or_else(|| j.today())))
    }
}
