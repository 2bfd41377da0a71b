//! The staff area's tablet check: which lines show, whether each is ticked,
//! and what each says to do, for every state the browser can report.

use candour_core::messages::Messages;
use candour_core::researcher::tablet_check::{
    open_lines, tablet_check, CheckItem, CheckLine, CheckState, OfflineCopy, QuestionnaireInUse,
    TabletFacts,
};

fn ready() -> TabletFacts {
    TabletFacts {
        pin_set: true,
        device_label: "Clinic A, tablet 2".into(),
        service_code: Some("HAT01".into()),
        persisted: Some(true),
        offline: OfflineCopy::Ready,
        research_key: Some(true),
        questionnaire: Some(QuestionnaireInUse {
            title: "Tell us what you think".into(),
            version: "2.0.0".into(),
            own_unusable: false,
        }),
        standalone: Some(true),
    }
}

fn lines(facts: &TabletFacts) -> Vec<CheckLine> {
    tablet_check(facts, &Messages::english())
}

fn line(facts: &TabletFacts, item: CheckItem) -> CheckLine {
    lines(facts)
        .into_iter()
        .find(|l| l.item == item)
        .unwrap_or_else(|| panic!("no {item:?} line"))
}

#[test]
fn a_ready_tablet_ticks_every_line_in_setup_order() {
    let all = lines(&ready());
    let items: Vec<CheckItem> = all.iter().map(|l| l.item).collect();
    assert_eq!(
        items,
        [
            CheckItem::Pin,
            CheckItem::Identity,
            CheckItem::Storage,
            CheckItem::OfflineCopy,
            CheckItem::ResearchKey,
            CheckItem::Questionnaire,
            CheckItem::HomeScreen,
        ]
    );
    assert!(all.iter().all(|l| l.state == CheckState::Done), "{all:#?}");
    assert_eq!(open_lines(&all), 0);
    let identity = line(&ready(), CheckItem::Identity).text;
    assert!(identity.contains("Clinic A, tablet 2") && identity.contains("HAT01"));
    assert_eq!(
        line(&ready(), CheckItem::Questionnaire).text,
        "Questionnaire in use: Tell us what you think, version 2.0.0."
    );
}

/// A line, how to break it, and words its advice must hold.
type Case = (CheckItem, fn(&mut TabletFacts), &'static str);

#[test]
fn each_missing_setting_is_a_line_to_do_that_says_what_to_do() {
    let cases: [Case; 6] = [
        (CheckItem::Pin, |f| f.pin_set = false, "set one"),
        (
            CheckItem::Identity,
            |f| f.device_label = " ".into(),
            "\"This tablet\"",
        ),
        (
            CheckItem::Identity,
            |f| f.service_code = None,
            "service code",
        ),
        (
            CheckItem::Storage,
            |f| f.persisted = Some(false),
            "home screen",
        ),
        (
            CheckItem::ResearchKey,
            |f| f.research_key = Some(false),
            "tablet setup file",
        ),
        (
            CheckItem::HomeScreen,
            |f| f.standalone = Some(false),
            "Add to Home Screen",
        ),
    ];
    for (item, change, advice) in cases {
        let mut facts = ready();
        change(&mut facts);
        let all = lines(&facts);
        let found = all.iter().find(|l| l.item == item).expect("the line");
        assert_eq!(found.state, CheckState::ToDo, "{item:?}");
        assert!(found.text.contains(advice), "{item:?}: {}", found.text);
        assert_eq!(open_lines(&all), 1, "only {item:?} is open");
    }
}

#[test]
fn every_offline_state_has_its_own_words_and_only_ready_is_ticked() {
    let states = [
        (
            Some("ready"),
            OfflineCopy::Ready,
            CheckState::Done,
            "starts without network",
        ),
        (None, OfflineCopy::Checking, CheckState::Unknown, "Checking"),
        (
            Some("downloading"),
            OfflineCopy::Downloading,
            CheckState::ToDo,
            "network on",
        ),
        (
            Some("failed"),
            OfflineCopy::Failed,
            CheckState::ToDo,
            "open it again",
        ),
        (
            Some("incomplete"),
            OfflineCopy::Incomplete,
            CheckState::ToDo,
            "open it again",
        ),
        (
            Some("unsupported"),
            OfflineCopy::Unsupported,
            CheckState::ToDo,
            "https://",
        ),
        (
            Some("something new"),
            OfflineCopy::Checking,
            CheckState::Unknown,
            "Checking",
        ),
    ];
    for (reported, copy, state, words) in states {
        assert_eq!(OfflineCopy::from_page_state(reported), copy);
        assert_eq!(copy.is_ready(), copy == OfflineCopy::Ready);
        let facts = TabletFacts {
            offline: copy,
            ..ready()
        };
        let found = line(&facts, CheckItem::OfflineCopy);
        assert_eq!(found.state, state, "{copy:?}");
        assert!(found.text.contains(words), "{copy:?}: {}", found.text);
    }
}

#[test]
fn what_the_browser_cannot_tell_is_left_out_or_marked_to_check_by_hand() {
    let facts = TabletFacts {
        research_key: None,
        standalone: None,
        persisted: None,
        ..ready()
    };
    let all = lines(&facts);
    assert!(!all.iter().any(|l| l.item == CheckItem::ResearchKey));
    assert!(!all.iter().any(|l| l.item == CheckItem::HomeScreen));
    let storage = line(&facts, CheckItem::Storage);
    assert_eq!(storage.state, CheckState::Unknown);
    assert!(storage.text.contains("home-screen icon"));
    assert_eq!(open_lines(&all), 1);
}

#[test]
fn a_questionnaire_that_cannot_be_used_is_a_line_to_do() {
    let mut facts = ready();
    facts.questionnaire = facts.questionnaire.map(|q| QuestionnaireInUse {
        own_unusable: true,
        ..q
    });
    let found = line(&facts, CheckItem::Questionnaire);
    assert_eq!(found.state, CheckState::ToDo);
    assert!(found.text.contains("version 2.0.0") && found.text.contains("load the file again"));

    facts.questionnaire = None;
    assert_eq!(
        line(&facts, CheckItem::Questionnaire).state,
        CheckState::ToDo
    );
}
