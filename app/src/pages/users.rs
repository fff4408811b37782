//! Local user profiles and their roles.

use leptos::prelude::*;

#[component]
pub fn Users() -> impl IntoView {
    view! { <section></section> }
}
