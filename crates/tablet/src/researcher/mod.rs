//! The researcher area: reached by a discreet control on the start screen,
//! behind a PIN, where the device is set up and responses are exported.

pub mod gate;
pub mod home;

use yew::prelude::*;

/// Props of the researcher area.
#[derive(Properties, PartialEq)]
pub struct ResearcherProps {
    /// Leave the area (it locks again).
    pub on_leave: Callback<()>,
}

/// The PIN gate, then the researcher's home once unlocked. Nothing of the
/// unlocked area survives leaving: the next visit asks for the PIN again.
#[component]
pub fn ResearcherArea(props: &ResearcherProps) -> Html {
    let unlocked = use_state(|| false);
    if *unlocked {
        html! { <home::ResearcherHome on_leave={props.on_leave.clone()} /> }
    } else {
        let on_unlocked = {
            let unlocked = unlocked.clone();
            Callback::from(move |()| unlocked.set(true))
        };
        html! { <gate::PinGate {on_unlocked} on_leave={props.on_leave.clone()} /> }
    }
}
