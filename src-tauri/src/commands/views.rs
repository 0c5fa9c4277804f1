//! Read models over the whole journal: search and the dashboard.

use journal::{Dashboard, SearchHit, SearchQuery};

commands! {
    fn search(state, query: SearchQuery) -> Vec<SearchHit> { state.journal(|j| j.search(&query)) }

    /// The review dashboard the app opens on, for today.
    fn dashboard(state) -> Dashboard { state.journal(|j| j.dashboard(j.today())) }
}
