//! The survey state and how each action changes it.

use crate::instrument::{Instrument, Item};
use crate::record::{InstrumentRef, ItemTimes, ResponseRecord, Status};
use crate::screen::screen_of;
use crate::survey::navigate;
use crate::survey::{Action, Draft, Position};
use crate::time::Timestamp;
use crate::validate::{missing_required, validate_answer, AnswerError};
use crate::visibility::prune_hidden;
use std::rc::Rc;

/// How the last survey ended, for the screen that says goodbye.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Submitted.
    Completed,
    /// Declined to take part.
    Declined,
}

/// What an item on the screen still needs, or why its answer was refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The item concerned.
    pub variable: String,
    /// What is wrong; the screen says it in the participant's language
    /// ([`AnswerError::in_words`]).
    pub error: AnswerError,
}

/// The screen to show, derived from the state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Screen<'a> {
    /// Staff start a survey.
    Start,
    /// Information and consent.
    Consent,
    /// A question screen, named by its first item (see [`Survey::screen_items`]
    /// for every item on it).
    Question(&'a Item),
    /// Every answer, with Submit.
    Review,
    /// Thank-you (or goodbye after declining), then back to the start.
    Ended(Ending),
}

/// Everything the participant's path needs.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    /// The instrument new surveys use.
    pub instrument: Rc<Instrument>,
    /// Its reference, computed once (hashing is not free).
    pub instrument_ref: InstrumentRef,
    /// The survey being answered, if any.
    pub draft: Option<Draft>,
    /// How the last survey ended, while its goodbye screen shows.
    pub ending: Option<Ending>,
    /// The record the last action produced, for the browser layer to store.
    /// Storing the same record twice is harmless: it is keyed by its id.
    pub finished: Option<ResponseRecord>,
    /// What the items of the screen need before Next can go on, or why an
    /// answer was refused, in screen order.
    pub problems: Vec<Problem>,
}

impl Survey {
    /// A survey state on the start screen.
    pub fn new(instrument: Rc<Instrument>) -> Self {
        let instrument_ref = InstrumentRef::of(&instrument);
        Survey {
            instrument,
            instrument_ref,
            draft: None,
            ending: None,
            finished: None,
            problems: Vec::new(),
        }
    }

    /// The screen to show now.
    pub fn screen(&self) -> Screen<'_> {
        match (&self.draft, self.ending) {
            (Some(draft), _) => match &draft.position {
                Position::Consent => Screen::Consent,
                Position::Review => Screen::Review,
                Position::Question(v) => match self.instrument.item(v) {
                    Some(item) => Screen::Question(item),
                    None => Screen::Review,
                },
            },
            (None, Some(ending)) => Screen::Ended(ending),
            (None, None) => Screen::Start,
        }
    }

    /// Applies one action. Actions that make no sense where the participant
    /// is (a second Submit, Next on the start screen) change nothing.
    pub fn apply(&mut self, action: Action) {
        self.problems.clear();
        match action {
            Action::Start {
                id,
                participant_code,
                locale,
                device_label,
                service_code,
                now,
            } => {
                self.ending = None;
                self.finished = None;
                self.draft = Some(Draft {
                    id,
                    participant_code,
                    locale,
                    instrument: self.instrument_ref.clone(),
                    device_label,
                    service_code,
                    started_at: now,
                    consented_at: None,
                    last_activity: now,
                    answers: Default::default(),
                    paradata: Default::default(),
                    position: Position::Consent,
                    returning_to_review: false,
                });
            }
            Action::Resume(draft) => {
                self.ending = None;
                self.finished = None;
                self.draft = Some(*draft);
            }
            Action::Consent { agreed, now } => self.consent(agreed, now),
            Action::Answer {
                variable,
                value,
                now,
            } => self.answer(variable, value, now),
            Action::Next { now } => self.next(now),
            Action::Back { now } => self.back(now),
            Action::Change { variable, now } => {
                if let Some(draft) = self.draft.as_mut() {
                    if draft.position == Position::Review {
                        draft.returning_to_review = true;
                        self.go_to(Position::Question(variable), now);
                    }
                }
            }
            Action::Submit { now } => {
                if self.draft.as_ref().map(|d| &d.position) == Some(&Position::Review) {
                    self.end(Status::Complete, Some(Ending::Completed), now);
                }
            }
            Action::StillHere { now } => {
                if let Some(draft) = self.draft.as_mut() {
                    draft.last_activity = now;
                }
            }
            Action::Abandon { now } => match &self.draft {
                Some(d) if d.consented_at.is_some() => self.end(Status::Partial, None, now),
                // Nothing was agreed to, so nothing may be kept.
                _ => self.draft = None,
            },
            Action::Finish => {
                self.ending = None;
                self.finished = None;
            }
        }
    }

    fn consent(&mut self, agreed: bool, now: Timestamp) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        if draft.position != Position::Consent {
            return;
        }
        if !agreed {
            self.end(Status::DeclinedConsent, Some(Ending::Declined), now);
            return;
        }
        draft.consented_at.get_or_insert(now);
        match navigate::first(&self.instrument, &draft.answers) {
            Some(first) => self.go_to(Position::Question(first), now),
            None => self.go_to(Position::Review, now),
        }
    }

    fn answer(
        &mut self,
        variable: String,
        value: Option<crate::answer::AnswerValue>,
        now: Timestamp,
    ) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let Some(item) = self.instrument.item(&variable) else {
            return;
        };
        match value {
            Some(value) => {
                if let Err(error) = validate_answer(item, &value) {
                    self.problems.push(Problem { variable, error });
                    return;
                }
                draft.answers.insert(variable.clone(), value);
            }
            None => {
                draft.answers.remove(&variable);
            }
        }
        // An answer can hide later items: their answers go, never kept stale.
        draft.answers = prune_hidden(&self.instrument, &draft.answers);
        draft.paradata.entry(variable).or_default().last_changed = Some(now);
        draft.last_activity = now;
    }

    fn next(&mut self, now: Timestamp) {
        let Some(draft) = self.draft.as_ref() else {
            return;
        };
        let Position::Question(current) = &draft.position else {
            return;
        };
        let needs: Vec<Problem> = screen_of(&self.instrument, &draft.answers, current)
            .into_iter()
            .filter_map(|item| {
                let error = missing_required(item, draft.answers.get(&item.variable))?;
                Some(Problem {
                    variable: item.variable.clone(),
                    error,
                })
            })
            .collect();
        if !needs.is_empty() {
            self.problems = needs;
            return;
        }
        let to = if draft.returning_to_review {
            None
        } else {
            navigate::after(&self.instrument, &draft.answers, current)
        };
        match to {
            Some(next) => self.go_to(Position::Question(next), now),
            None => self.go_to(Position::Review, now),
        }
    }

    fn back(&mut self, now: Timestamp) {
        let Some(draft) = self.draft.as_ref() else {
            return;
        };
        let to = match &draft.position {
            Position::Consent => return,
            Position::Review => {
                navigate::last(&self.instrument, &draft.answers).map(Position::Question)
            }
            Position::Question(_) if draft.returning_to_review => Some(Position::Review),
            Position::Question(current) => Some(
                navigate::before(&self.instrument, &draft.answers, current)
                    .map(Position::Question)
                    .unwrap_or(Position::Consent),
            ),
        };
        if let Some(to) = to {
            self.go_to(to, now);
        }
    }

    /// Moves to `position`, stamping the first time each item of a question
    /// screen is shown. A question position is kept as the screen's first
    /// shown item, so that every way onto a screen lands on the same one.
    fn go_to(&mut self, position: Position, now: Timestamp) {
        let Some(draft) = self.draft.as_mut() else {
            return;
        };
        let position = match position {
            Position::Question(variable) => {
                let items = screen_of(&self.instrument, &draft.answers, &variable);
                for item in &items {
                    let times: &mut ItemTimes =
                        draft.paradata.entry(item.variable.clone()).or_default();
                    times.first_shown.get_or_insert(now);
                }
                match items.first() {
                    Some(first) => Position::Question(first.variable.clone()),
                    None => Position::Question(variable),
                }
            }
            other => {
                draft.returning_to_review = false;
                other
            }
        };
        draft.position = position;
        draft.last_activity = now;
    }

    /// Ends the draft as a record with `status`, showing `ending` (or the
    /// start screen when `None`).
    fn end(&mut self, status: Status, ending: Option<Ending>, now: Timestamp) {
        if let Some(draft) = self.draft.take() {
            self.finished = Some(draft.into_record(&self.instrument, status, now));
            self.ending = ending;
        }
    }

    /// The shown items of the current question screen, in order; empty on
    /// any other screen.
    pub fn screen_items(&self) -> Vec<&Item> {
        match self.draft.as_ref().map(|d| (&d.position, &d.answers)) {
            Some((Position::Question(v), answers)) => screen_of(&self.instrument, answers, v),
            _ => Vec::new(),
        }
    }

    /// What the screen says under the item `variable`, if anything.
    pub fn problem_of(&self, variable: &str) -> Option<&AnswerError> {
        self.problems
            .iter()
            .find(|p| p.variable == variable)
            .map(|p| &p.error)
    }

    /// On a question screen: its 1-based number among the screens shown for
    /// the answers so far, and how many are shown ("Page 7 of 38").
    pub fn question_number(&self) -> Option<(usize, usize)> {
        let draft = self.draft.as_ref()?;
        match &draft.position {
            Position::Question(v) => navigate::number(&self.instrument, &draft.answers, v),
            _ => None,
        }
    }
}
