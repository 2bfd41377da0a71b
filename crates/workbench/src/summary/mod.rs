//! The summary section: the threshold, then per questionnaire version its
//! record counts, every item with its chart, and the domain scores. The
//! counts and their suppression come from `candour_analysis::summary`;
//! this only draws them.

mod chart;
mod domains;
mod item;

use crate::env::AppEnv;
use crate::work::Shared;
use candour_analysis::combine::Combined;
use candour_analysis::summary::{
    summarise, Count, DatasetSummary, Threshold, DEFAULT_THRESHOLD, MIN_THRESHOLD,
};
use candour_core::messages::Messages;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The largest threshold offered (a higher one would hide almost anything).
const MAX_THRESHOLD: u64 = 100;

/// A count in words: the number, or "fewer than N".
pub fn count_text(m: &Messages, count: Count, threshold: Threshold) -> String {
    match count {
        Count::Shown(n) => n.to_string(),
        Count::Hidden => m.fill(
            "workbench.fewer_than",
            &[("n", &threshold.get().to_string())],
        ),
    }
}

/// Props of the summary.
#[derive(Properties, PartialEq)]
pub struct SummaryViewProps {
    /// The combination summarised.
    pub combined: Shared<Combined>,
}

/// The summary of every dataset, with its threshold setting.
#[component]
pub fn SummaryView(props: &SummaryViewProps) -> Html {
    let threshold = use_state(|| DEFAULT_THRESHOLD);
    let env = use_context::<AppEnv>();
    let locale = env
        .as_ref()
        .map(|e| e.messages.locale().to_owned())
        .unwrap_or_default();
    let summaries = use_memo(
        (props.combined.clone(), *threshold, locale),
        |(c, t, locale)| summarise(&c.report.combined, Threshold::new(*t), locale),
    );
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let on_change = {
        let threshold = threshold.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            // Anything unreadable or too low becomes the lowest allowed.
            let n = input.value().trim().parse::<u64>().unwrap_or(MIN_THRESHOLD);
            let n = n.clamp(MIN_THRESHOLD, MAX_THRESHOLD);
            input.set_value(&n.to_string());
            threshold.set(n);
        })
    };
    html! {
        <section class="panel" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{ m.get("workbench.summary_heading") }</h2>
            <div class="field">
                <label for="threshold">{ m.get("workbench.threshold_label") }</label>
                <input id="threshold" type="number" min={MIN_THRESHOLD.to_string()}
                    max={MAX_THRESHOLD.to_string()} step="1" value={threshold.to_string()}
                    aria-describedby="threshold-help" onchange={on_change} />
                <p id="threshold-help" class="help">{ m.get("workbench.threshold_help") }</p>
            </div>
            { for summaries.iter().enumerate().map(|(i, s)| dataset(m, i, s)) }
        </section>
    }
}

fn dataset(m: &Messages, index: usize, s: &DatasetSummary) -> Html {
    let t = s.threshold;
    let c = |count: Count| count_text(m, count, t);
    let heading_id = format!("dataset-{index}");
    html! {
        <section class="dataset" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ m.fill(
                "workbench.dataset_heading",
                &[("title", &s.title), ("id", &s.id), ("version", &s.version)],
            ) }</h3>
            <p>{ m.fill(
                "workbench.dataset_counts",
                &[
                    ("records", &c(s.records)),
                    ("complete", &c(s.statuses[0])),
                    ("partial", &c(s.statuses[1])),
                    ("declined", &c(s.statuses[2])),
                ],
            ) }</p>
            <domains::Domains summary={s.clone()} />
            <h4>{ m.get("workbench.items_heading") }</h4>
            <div class="items">
                { for s.items.iter().map(|item| html! {
                    <item::ItemView item={item.clone()} threshold={t.get()} />
                }) }
            </div>
        </section>
    }
}
