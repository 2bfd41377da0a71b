//! The researcher area: reached by a discreet control on the start screen,
//! behind a PIN, where the device is set up and responses are exported.
//! It locks by itself after a set time without a touch, whenever the page
//! is hidden, and on every reload (the unlocked state lives only in memory).

pub mod gate;
pub mod home;

use crate::hooks::use_area_lock::{use_area_lock, LockReason};
use crate::state::AppEnv;
use yew::prelude::*;

/// Props of the researcher area.
#[derive(Properties, PartialEq)]
pub struct ResearcherProps {
    /// Leave the area (it locks again).
    pub on_leave: Callback<()>,
}

/// The PIN gate, then the researcher's home once unlocked. Nothing of the
/// unlocked area survives locking: the home unmounts, and the PIN is asked
/// for again.
#[component]
pub fn ResearcherArea(props: &ResearcherProps) -> Html {
    let env = use_context::<AppEnv>();
    let unlocked = use_state(|| false);
    let notice = use_state(|| None::<AttrValue>);
    let default_limit = env.as_ref().map_or(
        candour_core::researcher::area_lock::DEFAULT_AREA_LOCK_SECONDS,
        |e| e.settings.area_lock_seconds,
    );
    // Set in the area, it applies at once (and is stored for next time).
    let limit = use_state(|| default_limit);
    {
        let (unlocked, notice) = (unlocked.clone(), notice.clone());
        let m = env.as_ref().map(|e| e.messages.clone());
        let minutes = (*limit).div_ceil(60);
        use_area_lock(
            *unlocked,
            *limit,
            Callback::from(move |why: LockReason| {
                if let Some(m) = &m {
                    notice.set(Some(
                        match why {
                            LockReason::Idle => m.fill(
                                "researcher.locked_idle",
                                &[("minutes", &minutes.to_string())],
                            ),
                            LockReason::Hidden => m.get("researcher.locked_hidden").to_owned(),
                        }
                        .into(),
                    ));
                }
                unlocked.set(false);
            }),
        );
    }
    if *unlocked {
        let on_lock_time = {
            let limit = limit.clone();
            Callback::from(move |seconds: u32| limit.set(seconds))
        };
        html! { <home::ResearcherHome on_leave={props.on_leave.clone()} {on_lock_time} /> }
    } else {
        let on_unlocked = {
            let (unlocked, notice) = (unlocked.clone(), notice.clone());
            Callback::from(move |()| {
                notice.set(None);
                unlocked.set(true);
            })
        };
        html! {
            <gate::PinGate {on_unlocked} on_leave={props.on_leave.clone()} notice={(*notice).clone()} />
        }
    }
}
