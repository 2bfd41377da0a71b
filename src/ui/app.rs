//! The root component.

use yew::prelude::*;

/// The whole app.
#[component]
pub fn App() -> Html {
    html! {
        <main class="screen start-screen">
            <h1>{ "Candour" }</h1>
            <p>{ "Feedback about your treatment" }</p>
            <button type="button" class="button primary">{ "Start a new survey" }</button>
        </main>
    }
}
