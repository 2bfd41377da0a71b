//! The researcher's home once unlocked: the dashboard, the tablet check
//! (version, build and what is left to set up) and the tablet's
//! settings, then the export panel, the way to the workbench, the
//! instrument panel, and the area's own safety (lock time, PIN, recovery
//! code).

pub mod dashboard_view;
pub mod delete_safe;
pub mod device_settings;
pub mod export_panel;
pub mod export_run;
pub mod file_failure;
pub mod instrument_panel;
pub mod reading_panel;
pub mod security_panel;
pub mod setup_panel;
pub mod tablet_check_view;

use crate::hooks::use_focus_heading::use_focus_heading;
use crate::state::AppEnv;
use yew::prelude::*;

/// Props of the researcher's home.
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// Lock the area and go back to the start screen.
    pub on_leave: Callback<()>,
    /// The time without a touch before the area locks was set (seconds).
    pub on_lock_time: Callback<u32>,
}

/// The unlocked researcher area.
#[component]
pub fn ResearcherHome(props: &HomeProps) -> Html {
    let env = use_context::<AppEnv>();
    let heading = use_focus_heading(());
    // Bumped after an export or delete, so the dashboard reads its counts again.
    let revision = use_state(|| 0u32);
    let on_changed = {
        let revision = revision.clone();
        Callback::from(move |()| revision.set(*revision + 1))
    };
    let Some(env) = env else { return html! {} };
    let m = &env.messages;
    let leave = props.on_leave.reform(|_: MouseEvent| ());
    html! {
        <main class="screen researcher-home">
            <div class="researcher-top">
                <h1 ref={heading} tabindex="-1">{ m.get("researcher.heading") }</h1>
                <button type="button" class="button" onclick={leave}>{ m.get("researcher.leave") }</button>
            </div>
            <dashboard_view::DashboardView revision={*revision} />
            <tablet_check_view::TabletCheckView />
            <setup_panel::SetupPanel />
            <export_panel::ExportPanel {on_changed} />
            // The workbench is its own page (and wasm), loaded only now.
            <section class="panel" aria-labelledby="workbench-link">
                <a id="workbench-link" class="button" href="workbench.html">{ m.get("researcher.open_workbench") }</a>
                <p>{ m.get("researcher.workbench_help") }</p>
            </section>
            <device_settings::DeviceSettings />
            <reading_panel::ReadingPanel />
            <instrument_panel::InstrumentPanel />
            <security_panel::SecurityPanel on_lock_time={props.on_lock_time.clone()} />
        </main>
    }
}
