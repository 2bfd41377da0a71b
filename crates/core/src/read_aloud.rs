//! What each participant screen reads aloud, in order, and which voice
//! reads it.
//!
//! A screen's script is a list of [`Piece`]s: one utterance each, so the
//! browser layer can highlight the part of the screen being read (the option
//! a person is hearing is the one lit up) and stop between any two. The
//! order follows the screen from top to bottom, as a person would read it.

use crate::answer::{Answers, MissingCode};
use crate::answer_text::describe_answer;
use crate::instrument::Instrument;
use crate::locale;
use crate::messages::Messages;
use crate::survey::Ending;
use crate::visibility::visible_items;

mod question;

pub use question::{group_script, item_script, missing_label, question_script, shown_choices};

/// The part of a screen a piece of text belongs to, which is highlighted
/// while it is read.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Part {
    /// The screen's heading: the questionnaire's title, the question, "Check
    /// your answers", "Thank you".
    Heading,
    /// An introduction: a section's, or the review screen's.
    Intro,
    /// The item's help text.
    Help,
    /// The explanation of the item's hard word with this index.
    Glossary(usize),
    /// A sentence of the information before consent, by index.
    Sentence(usize),
    /// The consent question.
    ConsentQuestion,
    /// The consent answer: yes (`true`) or no.
    Consent(bool),
    /// The option with this code (a tile of a list or of the 0-10 scale).
    Choice(i64),
    /// The "Or" before "Don't know" and "Prefer not to say".
    Or,
    /// "Don't know" or "Prefer not to say".
    Missing(MissingCode),
    /// A row of the review screen, by the item's variable.
    Review(String),
    /// The heading of a group of rows on the review screen, by group id.
    ReviewGroup(String),
    /// The body text of the thank-you screen.
    Body,
    /// A part of one item (by variable) on a screen of several items: its
    /// question is `Item(v, Heading)`, its option `Item(v, Choice(3))`.
    Item(String, Box<Part>),
}

/// One utterance and the part of the screen it reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What is said.
    pub text: String,
    /// What is highlighted meanwhile.
    pub part: Part,
}

impl Piece {
    /// A piece reading `text` from `part`; `None` when there is nothing to say.
    pub(crate) fn new(part: Part, text: impl Into<String>) -> Option<Piece> {
        let text = text.into().trim().to_owned();
        (!text.is_empty()).then_some(Piece { text, part })
    }
}

/// The sentences of a text, each with its end mark, for showing (and
/// reading) one sentence a line.
pub fn sentences(text: &str) -> Vec<String> {
    text.split_inclusive(['.', '?', '!', '؟', '।', '。'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The consent screen: title, each sentence of the information, the
/// consent question, then its two answers.
pub fn consent_script(instrument: &Instrument, locale: &str, m: &Messages) -> Vec<Piece> {
    let fallback = instrument.locale.as_str();
    let mut script = vec![Piece::new(
        Part::Heading,
        instrument.title.get(locale, fallback),
    )];
    script.extend(
        sentences(instrument.information.get(locale, fallback))
            .into_iter()
            .enumerate()
            .map(|(i, s)| Piece::new(Part::Sentence(i), s)),
    );
    script.push(Piece::new(
        Part::ConsentQuestion,
        instrument.consent.get(locale, fallback),
    ));
    script.push(Piece::new(Part::Consent(true), m.get("consent.yes")));
    script.push(Piece::new(Part::Consent(false), m.get("consent.no")));
    script.into_iter().flatten().collect()
}

/// The review screen: its heading and introduction, then each question with
/// the answer given.
pub fn review_script(
    instrument: &Instrument,
    answers: &Answers,
    locale: &str,
    m: &Messages,
) -> Vec<Piece> {
    let fallback = instrument.locale.as_str();
    let mut script = vec![
        Piece::new(Part::Heading, m.get("review.heading")),
        Piece::new(Part::Intro, m.get("review.intro")),
    ];
    let mut group_now = None;
    for item in visible_items(instrument, answers) {
        let group = instrument.group_of(item);
        if let Some(g) = group.filter(|g| Some(&g.id) != group_now) {
            let heading = g.heading.get(locale, fallback);
            script.push(Piece::new(Part::ReviewGroup(g.id.clone()), heading));
        }
        group_now = group.map(|g| &g.id);
        let answer = describe_answer(instrument, item, answers.get(&item.variable), locale, m)
            .unwrap_or_else(|| m.get("review.no_answer").to_owned());
        let said = m.fill(
            "read.review_row",
            &[
                ("question", item.text.get(locale, fallback)),
                ("answer", &answer),
            ],
        );
        script.push(Piece::new(Part::Review(item.variable.clone()), said));
    }
    script.into_iter().flatten().collect()
}

/// The keys of the thank-you screen's heading and text for an ending.
pub fn ending_keys(ending: Ending) -> (&'static str, &'static str) {
    match ending {
        Ending::Completed => ("ended.thanks_heading", "ended.thanks_text"),
        Ending::Declined => ("ended.declined_heading", "ended.declined_text"),
    }
}

/// The thank-you (or goodbye) screen: its heading and text.
pub fn ended_script(ending: Ending, m: &Messages) -> Vec<Piece> {
    let (heading, body) = ending_keys(ending);
    [
        Piece::new(Part::Heading, m.get(heading)),
        Piece::new(Part::Body, m.get(body)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A voice the device offers, as far as choosing one needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// Its name, as the settings store it.
    pub name: String,
    /// Its language, e.g. `en-GB` (some devices write `en_GB`).
    pub lang: String,
    /// Whether the device calls it its default voice.
    pub default: bool,
}

/// The voice to read `locale` with, as an index into `voices` (which must
/// hold only the device's own voices, never network ones): the one named
/// `wanted` if it speaks the language, else the device's default if it
/// does, else the first that does. `None` when no voice speaks the
/// language, since English words in an Arabic voice (or the reverse) help
/// nobody: the read-aloud button is then not shown.
pub fn choose_voice(voices: &[Voice], wanted: &str, locale: &str) -> Option<usize> {
    let language = locale::speech_language(locale);
    let speaks = |v: &Voice| locale::language(&v.lang) == language;
    let wanted = wanted.trim();
    let named = (!wanted.is_empty())
        .then(|| voices.iter().position(|v| v.name == wanted && speaks(v)))
        .flatten();
    named
        .or_else(|| voices.iter().position(|v| v.default && speaks(v)))
        .or_else(|| voices.iter().position(speaks))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answer::AnswerValue;
    use crate::instrument::default::default_instrument;
    use crate::instrument::Item;

    fn texts(script: &[Piece]) -> Vec<&str> {
        script.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn a_question_is_read_then_every_option_in_order() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let item = instrument.item("c1_respect").expect("item");
        let script = question_script(&instrument, item, "en", &m, &[]);
        let parts: Vec<&Part> = script.iter().map(|p| &p.part).collect();
        let heading = parts
            .iter()
            .position(|p| **p == Part::Heading)
            .expect("heading");
        assert_eq!(script[heading].text, item.text.get("en", "en"));
        let options: Vec<&str> = texts(&script[heading + 1..]);
        assert_eq!(
            options,
            vec![
                "I don't agree at all",
                "I don't agree",
                "In between",
                "I agree",
                "I agree a lot"
            ]
        );
        assert_eq!(script.last().map(|p| &p.part), Some(&Part::Choice(5)));
    }

    #[test]
    fn yes_no_and_missing_options_are_read_with_their_codes() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let item = instrument.item("e7_overdose").expect("item");
        let script = question_script(&instrument, item, "en", &m, &[]);
        let choices: Vec<&Part> = script
            .iter()
            .map(|p| &p.part)
            .filter(|p| matches!(p, Part::Choice(_)))
            .collect();
        assert_eq!(
            choices,
            vec![&Part::Choice(1), &Part::Choice(0), &Part::Choice(2)]
        );
        let housing = instrument.item("e13_housing").expect("item");
        let script = question_script(&instrument, housing, "en", &m, &[]);
        let tail: Vec<&str> = texts(&script).into_iter().rev().take(2).collect();
        assert!(tail.contains(&"Prefer not to say"), "{tail:?}");
    }

    #[test]
    fn an_opened_hard_word_is_explained_after_the_question() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let item = instrument.item("e7_overdose").expect("item");
        let closed = question_script(&instrument, item, "en", &m, &[]);
        assert!(!closed.iter().any(|p| matches!(p.part, Part::Glossary(_))));
        let open = question_script(&instrument, item, "en", &m, &[0]);
        let at = open
            .iter()
            .position(|p| p.part == Part::Glossary(0))
            .expect("explained");
        assert!(
            open[at].text.starts_with("overdose: When you take so much"),
            "{}",
            open[at].text
        );
        assert_eq!(open[at - 1].part, Part::Heading);
    }

    #[test]
    fn the_scale_is_read_by_its_two_ends() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let item = instrument.item("a2_keep_coming").expect("item");
        let script = question_script(&instrument, item, "en", &m, &[]);
        let ends: Vec<&str> = texts(&script)
            .into_iter()
            .skip_while(|t| !t.starts_with("0,"))
            .collect();
        assert_eq!(ends, vec!["0, Not at all sure", "10, Very sure"]);
        let top = instrument.item("e10_physical").expect("item");
        let script = question_script(&instrument, top, "en", &m, &[]);
        let ends: Vec<(&str, &Part)> = script
            .iter()
            .filter(|p| matches!(p.part, Part::Choice(_)))
            .map(|p| (p.text.as_str(), &p.part))
            .collect();
        assert_eq!(
            ends,
            vec![
                ("0, Very poor", &Part::Choice(0)),
                ("20, Very good", &Part::Choice(20))
            ]
        );
    }

    #[test]
    fn a_screen_of_several_items_reads_its_heading_then_each_item_marked_with_it() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let items: Vec<&Item> = ["b5_hard_work", "b6_hard_family"]
            .iter()
            .map(|v| instrument.item(v).expect("item"))
            .collect();
        let open = [("b6_hard_family".to_owned(), 0)];
        let script = group_script(&instrument, &items, "en", &m, &open);
        assert_eq!(script[0].part, Part::Heading);
        assert!(
            script[0].text.starts_with("Because you come here"),
            "{}",
            script[0].text
        );
        let first = |v: &str, part: Part| {
            script
                .iter()
                .position(|p| p.part == Part::Item(v.to_owned(), Box::new(part.clone())))
        };
        let work = first("b5_hard_work", Part::Heading).expect("b5 read");
        let family = first("b6_hard_family", Part::Heading).expect("b6 read");
        assert!(work < family, "in screen order");
        // Each item's options, then "Or" and "Does not apply to me".
        assert!(first("b5_hard_work", Part::Choice(5)).is_some_and(|at| at < family));
        let apply = first("b6_hard_family", Part::Missing(MissingCode::DoesNotApply));
        assert_eq!(script[apply.expect("offered")].text, "Does not apply to me");
    }

    #[test]
    fn consent_review_and_ending_scripts() {
        let instrument = default_instrument().expect("default loads");
        let m = Messages::english();
        let consent = consent_script(&instrument, "en", &m);
        assert_eq!(consent[0].part, Part::Heading);
        assert_eq!(
            texts(&consent[consent.len() - 2..]),
            vec!["Yes, I am happy to answer", "No, I do not want to"]
        );
        assert!(consent.iter().any(|p| p.part == Part::Sentence(1)));

        let mut answers = Answers::new();
        answers.insert("c1_respect".into(), AnswerValue::Code(4));
        let review = review_script(&instrument, &answers, "en", &m);
        let row = review
            .iter()
            .find(|p| p.part == Part::Review("c1_respect".into()))
            .expect("row");
        assert!(row.text.ends_with("Your answer: I agree."), "{}", row.text);
        let unanswered = review
            .iter()
            .find(|p| p.part == Part::Review("c2_trust".into()))
            .expect("row");
        assert!(
            unanswered.text.ends_with("Your answer: No answer."),
            "{}",
            unanswered.text
        );

        let ended = ended_script(Ending::Completed, &m);
        assert_eq!(texts(&ended)[0], "Thank you");
    }

    #[test]
    fn sentences_keep_their_end_marks() {
        assert_eq!(
            sentences("One. Two? Three! هل أنت بخير؟ Four"),
            vec!["One.", "Two?", "Three!", "هل أنت بخير؟", "Four"]
        );
    }

    #[test]
    fn choosing_a_voice() {
        let v = |name: &str, lang: &str, default: bool| Voice {
            name: name.into(),
            lang: lang.into(),
            default,
        };
        let voices = [
            v("Amira", "ar-SA", false),
            v("Daniel", "en-GB", false),
            v("Samantha", "en_US", true),
        ];
        assert_eq!(
            choose_voice(&voices, "Daniel", "en"),
            Some(1),
            "the researcher's choice"
        );
        assert_eq!(
            choose_voice(&voices, "", "en"),
            Some(2),
            "the device default"
        );
        assert_eq!(choose_voice(&voices, "Gone", "en-GB"), Some(2));
        assert_eq!(
            choose_voice(&voices, "Daniel", "ar"),
            Some(0),
            "a voice that speaks Arabic"
        );
        assert_eq!(
            choose_voice(&voices, "", "en-XA"),
            Some(2),
            "pseudo-locales: English"
        );
        assert_eq!(
            choose_voice(&voices, "", "fr"),
            None,
            "no French voice: no reading"
        );
        assert_eq!(choose_voice(&[], "", "en"), None);
    }
}
