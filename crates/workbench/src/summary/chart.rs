//! An item's chart as inline SVG, drawn by the app (no chart library): one
//! row per code, option or range, a bar as long as its count, the count
//! beside it. A hidden count gets no bar, only the words "fewer than N", so
//! the picture gives away nothing the numbers do not. The SVG is an image
//! whose text alternative lists every row in words.

use super::count_text;
use crate::env::AppEnv;
use candour_analysis::summary::{Bar, Chart as Kind, Count, ItemSummary, Threshold};
use candour_core::answer_text::format_number;
use candour_core::messages::Messages;
use yew::prelude::*;

const ROW: u32 = 26;
const LABEL_WIDTH: u32 = 230;
const BAR_WIDTH: u32 = 280;
const WIDTH: u32 = 620;
/// Characters of a label drawn in the chart; the text alternative and the
/// codebook have it whole.
const LABEL_CHARS: usize = 32;

/// Props of a chart.
#[derive(Properties, PartialEq)]
pub struct ChartProps {
    /// The item's summary.
    pub item: ItemSummary,
    /// The threshold applied.
    pub threshold: u64,
}

/// One row of a chart: its label and count.
struct Row {
    code: String,
    label: String,
    count: Count,
}

fn rows_of(m: &Messages, chart: &Kind) -> Vec<Row> {
    let bar = |b: &Bar| Row {
        code: b.code.to_string(),
        label: b.label.clone(),
        count: b.count,
    };
    match chart {
        Kind::Bars(bars) | Kind::Options(bars) => bars.iter().map(bar).collect(),
        Kind::Histogram(bins) => bins
            .iter()
            .map(|b| Row {
                code: format_number(b.from),
                label: if b.from == b.to {
                    format_number(b.from)
                } else {
                    m.fill(
                        "workbench.bin",
                        &[
                            ("from", &format_number(b.from)),
                            ("to", &format_number(b.to)),
                        ],
                    )
                },
                count: b.count,
            })
            .collect(),
        Kind::None => Vec::new(),
    }
}

fn short(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{cut}…")
    }
}

/// The chart of one item.
#[component]
pub fn Chart(props: &ChartProps) -> Html {
    let Some(env) = use_context::<AppEnv>() else {
        return html! {};
    };
    let m = &env.messages;
    let t = Threshold::new(props.threshold);
    let item = &props.item;
    let rows = rows_of(m, &item.chart);
    if rows.is_empty() {
        return html! { <p class="no-chart">{ m.get("workbench.no_chart") }</p> };
    }
    let entries: Vec<String> = rows
        .iter()
        .map(|r| {
            m.fill(
                "workbench.chart_entry",
                &[("label", &r.label), ("count", &count_text(m, r.count, t))],
            )
        })
        .collect();
    let key = if matches!(item.chart, Kind::Options(_)) {
        "workbench.chart_options_alt"
    } else {
        "workbench.chart_alt"
    };
    let alt = m.fill(key, &[("text", &item.text), ("list", &entries.join("; "))]);
    let max = rows
        .iter()
        .filter_map(|r| r.count.shown())
        .max()
        .unwrap_or(0)
        .max(1);
    let height = ROW * rows.len() as u32;
    let drawn = rows.iter().enumerate().map(|(i, r)| {
        let y = ROW * i as u32;
        let text_y = (y + 18).to_string();
        let label = html! { <text x="0" y={text_y.clone()} class="chart-label">{ short(&r.label) }</text> };
        let value = match r.count {
            Count::Shown(n) => {
                let width = (u64::from(BAR_WIDTH) * n / max) as u32;
                html! {
                    <>
                        <rect class="bar" x={LABEL_WIDTH.to_string()} y={(y + 5).to_string()}
                            width={width.to_string()} height="16"
                            data-code={r.code.clone()} data-count={n.to_string()} />
                        <text x={(LABEL_WIDTH + width + 6).to_string()} y={text_y}
                            class="chart-count">{ n.to_string() }</text>
                    </>
                }
            }
            Count::Hidden => html! {
                <text x={LABEL_WIDTH.to_string()} y={text_y} class="chart-hidden"
                    data-code={r.code.clone()} data-hidden="true">{ count_text(m, r.count, t) }</text>
            },
        };
        html! { <g>{ label }{ value }</g> }
    });
    html! {
        <svg class="chart" role="img" aria-label={alt} viewBox={format!("0 0 {WIDTH} {height}")}
            width="100%" preserveAspectRatio="xMinYMin meet" data-variable={item.variable.clone()}>
            { for drawn }
        </svg>
    }
}
