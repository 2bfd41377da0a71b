//! The domain scores of a dataset as a table: n, mean, SD and Cronbach's
//! alpha per scored domain.

use super::count_text;
use crate::env::AppEnv;
use candour_analysis::summary::{Alpha, DatasetSummary};
use yew::prelude::*;

/// Props of the table.
#[derive(Properties, PartialEq)]
pub struct DomainsProps {
    /// The dataset's summary.
    pub summary: DatasetSummary,
}

/// The domain table (nothing when no domain is scored).
#[component]
pub fn Domains(props: &DomainsProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let s = &props.summary;
    if s.domains.is_empty() {
        return html! {};
    }
    let stat = |x: Option<f64>| {
        x.map_or_else(
            || m.get("workbench.not_available").to_owned(),
            |x| format!("{x:.2}"),
        )
    };
    let rows = s.domains.iter().map(|d| {
        let alpha = match &d.alpha {
            Alpha::Value {
                alpha,
                cases,
                items,
            } => m.fill(
                "workbench.alpha_value",
                &[
                    ("alpha", &format!("{alpha:.2}")),
                    ("cases", &cases.to_string()),
                    ("items", &items.to_string()),
                ],
            ),
            Alpha::TooFewCases => m.get("workbench.alpha_too_few").to_owned(),
            Alpha::NotDefined => m.get("workbench.alpha_undefined").to_owned(),
        };
        html! {
            <tr>
                <th scope="row">{ format!("{} {}", d.code, d.name) }</th>
                <td>{ count_text(m, d.n, s.threshold) }</td>
                <td>{ stat(d.mean) }</td>
                <td>{ stat(d.sd) }</td>
                <td>{ alpha }</td>
            </tr>
        }
    });
    html! {
        <table class="domains">
            <caption>{ m.get("workbench.domains_heading") }</caption>
            <thead>
                <tr>
                    <th scope="col">{ m.get("workbench.domain") }</th>
                    <th scope="col">{ m.get("workbench.domain_n") }</th>
                    <th scope="col">{ m.get("workbench.domain_mean") }</th>
                    <th scope="col">{ m.get("workbench.domain_sd") }</th>
                    <th scope="col">{ m.get("workbench.domain_alpha") }</th>
                </tr>
            </thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}
