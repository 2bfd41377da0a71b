//! The gate's input boxes: PIN and recovery-code fields that no password
//! manager offers to save or fill, so the PIN is never filled in for the
//! next person.

use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Attributes the common password-manager extensions read as "leave this
/// field alone" (LastPass, 1Password, Bitwarden, Dashlane). Set after
/// rendering, because `data-1p-ignore` is not a name the `html!` macro
/// accepts.
const IGNORED_BY_MANAGERS: [&str; 4] = [
    "data-lpignore",
    "data-1p-ignore",
    "data-bwignore",
    "data-form-type",
];

/// Props of [`SecretField`].
#[derive(Properties, PartialEq)]
pub struct SecretFieldProps {
    /// The input's id (its label points at it).
    pub id: AttrValue,
    /// The label.
    pub label: AttrValue,
    /// Where the gate reads the typed value.
    pub node: NodeRef,
    /// A PIN (digits, hidden) rather than a recovery code (as written).
    pub pin: bool,
    /// The id of a help text describing the field.
    #[prop_or_default]
    pub help_id: Option<AttrValue>,
}

/// A PIN box (the digits keypad, characters hidden by the stylesheet's
/// `.secret-input`) or a recovery-code box. To the browser both are plain
/// text fields with autocomplete off: a `type="password"` field is offered
/// to the password manager whatever its `autocomplete` says.
#[component]
pub fn SecretField(props: &SecretFieldProps) -> Html {
    {
        let node = props.node.clone();
        use_effect_with(props.id.clone(), move |_| {
            if let Some(input) = node.cast::<HtmlInputElement>() {
                for name in IGNORED_BY_MANAGERS {
                    let value = if name == "data-form-type" {
                        "other"
                    } else {
                        "true"
                    };
                    let _ = input.set_attribute(name, value);
                }
            }
        });
    }
    let (class, mode, capitalise) = if props.pin {
        ("text-input secret-input", "numeric", "off")
    } else {
        ("text-input", "text", "characters")
    };
    html! {
        <>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <input id={props.id.clone()} ref={props.node.clone()} type="text" inputmode={mode}
                {class} autocomplete="off" autocorrect="off" autocapitalize={capitalise}
                spellcheck="false" aria-describedby={props.help_id.clone()} />
        </>
    }
}

/// A PIN box with its label.
pub fn pin_field(id: &'static str, label: &str, node: NodeRef) -> Html {
    html! { <SecretField {id} label={label.to_owned()} {node} pin=true /> }
}

/// The recovery-code box, with its label and help.
pub fn code_field(label: &str, help: &str, node: NodeRef) -> Html {
    html! {
        <>
            <SecretField id="recovery-code" label={label.to_owned()} {node} pin=false
                help_id={AttrValue::from("recovery-code-help")} />
            <p id="recovery-code-help" class="help">{ help.to_owned() }</p>
        </>
    }
}

/// The text typed into `node`, and the box emptied: a PIN never stays on
/// screen after it was used.
pub fn take(node: &NodeRef) -> String {
    node.cast::<HtmlInputElement>()
        .map(|input| {
            let value = input.value();
            input.set_value("");
            value
        })
        .unwrap_or_default()
}
