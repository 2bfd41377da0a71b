//! Records made the way the app makes them, through the survey flow, for the
//! export tests.
#![allow(dead_code)]

use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::export::{build_export, ExportFile};
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::{Instrument, Item, ItemKind};
use candour_core::record::ResponseRecord;
use candour_core::survey::{Action, Screen, Survey};
use candour_core::time::Timestamp;
use std::rc::Rc;

/// The small fixture instrument, as a file.
pub const SMALL_JSON: &str = include_str!("../../../tests/fixtures/small_instrument.json");

/// The version every test record claims, so that golden files do not change
/// with the app's version.
pub const TEST_APP_VERSION: &str = "0.0.0-test";

/// The small fixture instrument.
pub fn small() -> Instrument {
    load_instrument(SMALL_JSON).expect("fixture loads")
}

/// The default instrument.
pub fn default() -> Instrument {
    default_instrument().expect("default instrument loads")
}

/// A moment on 2026-11-25, `s` seconds after 09:46:40 UTC.
pub fn t(s: i64) -> Timestamp {
    Timestamp(1_795_600_000_000 + s * 1000)
}

/// Answers on the survey's path, in order: `Some(value)` answers the item
/// shown, `None` leaves it unanswered.
pub type Pick<'a> = dyn FnMut(&Item) -> Option<AnswerValue> + 'a;

fn started(instrument: &Instrument, id: &str, code: Option<&str>, start: i64) -> Survey {
    let mut s = Survey::new(Rc::new(instrument.clone()));
    s.apply(Action::Start {
        id: id.into(),
        participant_code: code.map(str::to_owned),
        locale: "en".into(),
        device_label: "Clinic A, tablet 2".into(),
        service_code: Some("MBRO-HAT".into()),
        now: t(start),
    });
    s
}

/// Walks consent and `steps` question screens (all when `None`), answering
/// every item of each screen with `pick`; returns the time reached.
fn walk(s: &mut Survey, start: i64, steps: Option<usize>, pick: &mut Pick<'_>) -> i64 {
    s.apply(Action::Consent {
        agreed: true,
        now: t(start + 1),
    });
    let mut now = start + 2;
    let mut done = 0;
    while let Screen::Question(_) = s.screen() {
        if steps == Some(done) {
            break;
        }
        let items: Vec<Item> = s.screen_items().into_iter().cloned().collect();
        for item in &items {
            if let Some(value) = pick(item) {
                s.apply(Action::Answer {
                    variable: item.variable.clone(),
                    value: Some(value),
                    now: t(now),
                });
                assert!(s.problems.is_empty(), "{}: {:?}", item.variable, s.problems);
            }
        }
        now += 1;
        s.apply(Action::Next { now: t(now) });
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        now += 1;
        done += 1;
    }
    now
}

fn finish(s: Survey) -> ResponseRecord {
    let mut record = s.finished.expect("a record");
    record.app_version = TEST_APP_VERSION.into();
    record
}

/// A complete record through the survey flow.
pub fn complete(
    instrument: &Instrument,
    id: &str,
    code: Option<&str>,
    start: i64,
    pick: &mut Pick<'_>,
) -> ResponseRecord {
    let mut s = started(instrument, id, code, start);
    let now = walk(&mut s, start, None, pick);
    assert_eq!(s.screen(), Screen::Review, "reached the review");
    s.apply(Action::Submit { now: t(now + 1) });
    finish(s)
}

/// A partial record: `steps` question screens passed with Next, the next
/// one shown and left, then nobody answered "Are you still there?".
pub fn partial(
    instrument: &Instrument,
    id: &str,
    start: i64,
    steps: usize,
    pick: &mut Pick<'_>,
) -> ResponseRecord {
    let mut s = started(instrument, id, None, start);
    let now = walk(&mut s, start, Some(steps), pick);
    s.apply(Action::Abandon { now: t(now + 200) });
    finish(s)
}

/// A declined record.
pub fn declined(instrument: &Instrument, id: &str, start: i64) -> ResponseRecord {
    let mut s = started(instrument, id, None, start);
    s.apply(Action::Consent {
        agreed: false,
        now: t(start + 3),
    });
    finish(s)
}

/// Answers from a list keyed by variable; items not listed are left unanswered.
pub fn answers<'a>(
    list: &'a [(&'a str, AnswerValue)],
) -> impl FnMut(&Item) -> Option<AnswerValue> + 'a {
    move |item| {
        list.iter()
            .find(|(v, _)| *v == item.variable)
            .map(|(_, a)| a.clone())
    }
}

/// The four records of the golden files on the small instrument: complete
/// with every kind of value, complete with skips and unanswered items,
/// partial, and declined.
pub fn small_records(comment: &str) -> Vec<ResponseRecord> {
    let i = small();
    let first = [
        ("s1_respect", AnswerValue::Code(5)),
        ("s2_listen", AnswerValue::Code(4)),
        ("s3_rushed", AnswerValue::Code(2)),
        ("s4_help", AnswerValue::Codes(vec![1, 3])),
        ("u1_days", AnswerValue::Number(3.0)),
        (
            "u2_dealer",
            AnswerValue::Missing(MissingCode::PreferNotToSay),
        ),
        ("u3_comment", AnswerValue::Text(comment.into())),
    ];
    let second = [
        ("s1_respect", AnswerValue::Code(2)),
        ("s2_listen", AnswerValue::Code(3)),
        ("s3_rushed", AnswerValue::Code(5)),
        ("u1_days", AnswerValue::Number(0.0)),
    ];
    let third = [("s1_respect", AnswerValue::Code(3))];
    // Bound before returning: temporaries of a tail expression would outlive
    // the answer lists they borrow.
    let records = vec![
        complete(&i, "rec-1", Some("HAT-042"), 0, &mut answers(&first)),
        complete(&i, "rec-2", None, 100, &mut answers(&second)),
        partial(&i, "rec-3", 200, 1, &mut answers(&third)),
        declined(&i, "rec-4", 300),
    ];
    records
}

/// The comment of the first golden record: quotes, a comma, a line break,
/// emoji, right-to-left text, and a formula start.
pub const AWKWARD_COMMENT: &str = "=HYPERLINK(\"x\"), \"kind\" staff\nline two 😀 שלום";

/// The golden export of the small instrument.
pub fn small_export() -> ExportFile {
    build_export(
        &small_records(AWKWARD_COMMENT),
        &[&small()],
        "Clinic A, tablet 2",
        t(1000),
    )
    .expect("export builds")
}

/// A plausible answer to any item, varied by `n`; uses missing codes where
/// the item offers them, now and then.
pub fn plausible(item: &Item, n: usize) -> Option<AnswerValue> {
    if n % 17 == 3 && !item.required {
        return None;
    }
    if item.prefer_not_to_say && n % 11 == 5 {
        return Some(AnswerValue::Missing(MissingCode::PreferNotToSay));
    }
    if item.dont_know && n % 13 == 7 {
        return Some(AnswerValue::Missing(MissingCode::DontKnow));
    }
    if item.does_not_apply && n % 7 == 2 {
        return Some(AnswerValue::Missing(MissingCode::DoesNotApply));
    }
    Some(match &item.kind {
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {
            let codes = item.kind.shared_scale_codes().unwrap_or_default();
            AnswerValue::Code(codes[n % codes.len()])
        }
        ItemKind::Scale010 { .. } => AnswerValue::Code((n % 11) as i64),
        ItemKind::Scale020 { .. } => AnswerValue::Code((n % 21) as i64),
        ItemKind::SingleChoice { choices } => AnswerValue::Code(choices[n % choices.len()].code),
        ItemKind::MultipleChoice { choices } => {
            let mut codes: Vec<i64> = choices.iter().step_by(1 + n % 2).map(|c| c.code).collect();
            codes.truncate(1 + n % 3);
            // An exclusive choice ("None of these") goes alone.
            let exclusive = |c: &i64| choices.iter().any(|ch| ch.code == *c && ch.exclusive);
            if codes.len() > 1 {
                codes.retain(|c| !exclusive(c));
            }
            codes.sort_unstable();
            AnswerValue::Codes(codes)
        }
        ItemKind::Number { min, max, step, .. } => {
            let steps = ((max - min) / step).floor() as usize;
            AnswerValue::Number(min + step * (n % (steps + 1)) as f64)
        }
        ItemKind::FreeText { .. } => AnswerValue::Text(format!("Comment {n}, \"quoted\" 🙂")),
    })
}

/// `count` complete records on `instrument`, answered plausibly.
pub fn plausible_records(
    instrument: &Instrument,
    prefix: &str,
    count: usize,
) -> Vec<ResponseRecord> {
    (0..count)
        .map(|k| {
            let mut n = k * 7;
            let mut pick = |item: &Item| {
                n += 1;
                plausible(item, n)
            };
            let id = format!("{prefix}-{k}");
            complete(
                instrument,
                &id,
                Some("HAT-001"),
                (k * 1000) as i64,
                &mut pick,
            )
        })
        .collect()
}
