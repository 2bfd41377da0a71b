//! The workbench's root: the open files, the combination, the threshold and
//! the running job live here; the sections below draw them.

use crate::env::{AppEnv, WORKBENCH_EN};
use crate::key::KeyPanel;
use crate::open::{FileList, Picker, ReceiptPanel, Report, Verification};
use crate::progress::ProgressBar;
use crate::summary::SummaryView;
use crate::work::{report, CancelFlag, Progress, Shared, Stage};
use crate::write::Downloads;
use candour_analysis::combine::Combined;
use candour_analysis::open::{combine_opened, open_file_with_key, Opened};
use candour_analysis::sealing::ResearchKeyPair;
use candour_core::messages::Messages;
use candour_web::file_pick::read_file;
use candour_web::locale::{app_locale, mark_page_language};
use candour_web::timing::Step;
use std::rc::Rc;
use web_sys::File;
use yew::prelude::*;

/// The open files, in the order opened.
pub type Files = Rc<Vec<Rc<Opened>>>;

/// What the sections share: the state and the ways to change it.
#[derive(Clone, PartialEq)]
pub struct Workbench {
    /// The open files.
    pub files: UseStateHandle<Files>,
    /// Their combination, once made.
    pub combined: UseStateHandle<Option<Shared<Combined>>>,
    /// The running job, if any.
    pub job: UseStateHandle<Option<Progress>>,
    /// The running job's cancel flag.
    pub cancel: CancelFlag,
    /// The research key, once opened: kept only in this page's memory.
    pub key: UseStateHandle<Option<Shared<ResearchKeyPair>>>,
}

impl Workbench {
    /// True while a job runs (controls that would change its input wait).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Opens `picked` after the files already open, one step per file, then
    /// combines them all.
    pub fn open(&self, picked: Vec<File>, m: Rc<Messages>) {
        if picked.is_empty() || self.busy() {
            return;
        }
        self.cancel.reset();
        let this = self.clone();
        let key = (*self.key).clone();
        wasm_bindgen_futures::spawn_local(async move {
            let timing = Step::start("candour:workbench:open");
            let mut list: Vec<Rc<Opened>> = (*this.files).as_ref().clone();
            let total = picked.len();
            for (done, file) in picked.iter().enumerate() {
                if this.cancel.is_cancelled() {
                    break;
                }
                report(&this.job, Stage::Reading, done, total).await;
                let name = file.name();
                let bytes = read_file(file, &name).await.map_err(|e| e.in_words(&m));
                list.push(Rc::new(open_file_with_key(
                    &name,
                    bytes.as_deref().map_err(Clone::clone),
                    key.as_deref(),
                )));
                this.files.set(Rc::new(list.clone()));
            }
            this.recombine(list).await;
            timing.end();
        });
    }

    /// Makes `key` the research key and opens every accepted file again
    /// with it (a refused file stays refused: its refusal is of its form,
    /// which no key changes), one step per file, then combines them all.
    /// False, and nothing changed, while other work runs.
    pub fn use_key(&self, key: Shared<ResearchKeyPair>) -> bool {
        if self.busy() {
            return false;
        }
        self.key.set(Some(key.clone()));
        self.cancel.reset();
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let timing = Step::start("candour:workbench:reopen");
            let mut list: Vec<Rc<Opened>> = (*this.files).as_ref().clone();
            let total = list.len();
            for done in 0..total {
                // Cancelled: the files not yet re-opened keep what they had.
                if this.cancel.is_cancelled() {
                    break;
                }
                let Some(text) = list[done].text.clone() else {
                    continue;
                };
                report(&this.job, Stage::Reading, done, total).await;
                let name = list[done].name.clone();
                list[done] = Rc::new(open_file_with_key(&name, Ok(text.as_bytes()), Some(&key)));
                this.files.set(Rc::new(list.clone()));
            }
            this.recombine(list).await;
            timing.end();
        });
        true
    }

    /// Removes the file at `index` (or every file) and combines again.
    pub fn remove(&self, index: Option<usize>) {
        if self.busy() {
            return;
        }
        let mut list: Vec<Rc<Opened>> = (*self.files).as_ref().clone();
        match index {
            Some(i) if i < list.len() => {
                list.remove(i);
            }
            Some(_) => return,
            None => list.clear(),
        }
        self.files.set(Rc::new(list.clone()));
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move { this.recombine(list).await });
    }

    async fn recombine(&self, list: Vec<Rc<Opened>>) {
        if list.is_empty() {
            self.combined.set(None);
            self.job.set(None);
            return;
        }
        report(&self.job, Stage::Combining, 0, 1).await;
        let opened: Vec<Opened> = list.iter().map(|o| (**o).clone()).collect();
        self.combined
            .set(Some(Shared(Rc::new(combine_opened(&opened)))));
        self.job.set(None);
    }
}

/// The whole workbench page.
#[component]
pub fn App() -> Html {
    let env = use_memo((), |()| {
        let locale = app_locale();
        mark_page_language(&locale);
        AppEnv {
            messages: Rc::new(Messages::for_page(&locale, WORKBENCH_EN)),
        }
    });
    let cancel = use_memo((), |()| CancelFlag::default());
    let wb = Workbench {
        files: use_state(|| Rc::new(Vec::new())),
        combined: use_state(|| None),
        job: use_state(|| None),
        cancel: (*cancel).clone(),
        key: use_state(|| None),
    };
    let m = env.messages.clone();
    let on_pick = {
        let (wb, m) = (wb.clone(), m.clone());
        Callback::from(move |files: Vec<File>| wb.open(files, m.clone()))
    };
    let on_cancel = {
        let cancel = wb.cancel.clone();
        Callback::from(move |()| cancel.cancel())
    };
    let dir = candour_core::locale::direction(m.locale()).as_attr();
    html! {
        <ContextProvider<AppEnv> context={(*env).clone()}>
            <main class="screen workbench" lang={m.locale().to_owned()} {dir}>
                <h1>{ m.get("workbench.heading") }</h1>
                <p>{ m.get("workbench.intro") }</p>
                <KeyPanel wb={wb.clone()} />
                <section class="panel" aria-labelledby="open-heading">
                    <h2 id="open-heading">{ m.get("workbench.open_heading") }</h2>
                    <Picker {on_pick} disabled={wb.busy()} />
                    if let Some(progress) = *wb.job {
                        <ProgressBar {progress} on_cancel={on_cancel.clone()} />
                    }
                    <FileList wb={wb.clone()} />
                    <Verification files={(*wb.files).clone()} />
                    <ReceiptPanel wb={wb.clone()} />
                </section>
                if let Some(combined) = (*wb.combined).clone() {
                    <Report combined={combined.clone()} />
                    if combined.accepted() > 0 {
                        <SummaryView combined={combined.clone()} />
                        <Downloads combined={combined} wb={wb.clone()} />
                    }
                }
            </main>
        </ContextProvider<AppEnv>>
    }
}
