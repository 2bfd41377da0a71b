#![cfg(not(target_arch = "wasm32"))]
//! Hostile questionnaires and exports: names and codes that would run as
//! syntax are refused, wherever they come from: a loaded questionnaire, a
//! questionnaire inside an imported export (whose hash anyone can
//! recompute), or an instrument handed to the writers unchecked.

use candour_analysis::combine::{combine, FileRow};
use candour_analysis::write::datasets;
use candour_core::export::{
    parse_export, ExportError, ExportFile, ExportInstrument, ImportProblem,
};
use candour_core::instrument::load::load_instrument;
use candour_core::instrument::problem::InstrumentProblem;
use candour_core::instrument::Instrument;
use candour_testkit::export_support::small_export;

const BAD_NAMES: &str = include_str!("../../../tests/fixtures/hostile/bad_names_instrument.json");
const HOSTILE_CODE: &str = "A F8.0.\nHOST COMMAND=['touch candour-marker'].\n* x";

/// The hostile questionnaire read without any check, as an attacker would
/// build it.
fn unchecked() -> Instrument {
    serde_json::from_str(BAD_NAMES).expect("it has the format's shape")
}

#[test]
fn a_loaded_questionnaire_with_hostile_names_is_refused_with_every_problem() {
    let errors = load_instrument(BAD_NAMES).expect_err("refused");
    assert!(errors.problems.contains(&InstrumentProblem::BadDomainCode {
        domain: HOSTILE_CODE.into()
    }));
    assert!(errors.problems.iter().any(|p| matches!(
        p,
        InstrumentProblem::BadVariableName { variable } if variable.contains("system(")
    )));
}

/// An export whose embedded questionnaire carries the hostile names, with
/// its hash recomputed so that the hash check alone would pass.
fn hostile_export() -> String {
    let mut file: ExportFile = small_export();
    let instrument = unchecked();
    let entry = ExportInstrument::of(&instrument);
    for record in &mut file.records {
        record.instrument.id = entry.id.clone();
        record.instrument.version = entry.version.clone();
        record.instrument.hash = entry.hash.clone();
        let scores = std::mem::take(&mut record.domain_scores.0);
        record.domain_scores.0 = scores
            .into_iter()
            .map(|(_, s)| (HOSTILE_CODE.into(), s))
            .collect();
        let hostile: std::sync::Arc<str> = "u3 system(\"touch candour-marker\")".into();
        for (name, _) in record.answers.0.iter_mut() {
            if name.as_ref() == "u3_comment" {
                *name = hostile.clone();
            }
        }
        for (name, _) in record.paradata.0.iter_mut() {
            if name.as_ref() == "u3_comment" {
                *name = hostile.clone();
            }
        }
    }
    file.instruments = vec![entry];
    file.to_json().expect("json")
}

#[test]
fn an_imported_questionnaire_gets_the_full_checks_not_just_its_hash() {
    let text = hostile_export();
    let error = parse_export("hostile.json", text.as_bytes()).expect_err("refused");
    let ImportProblem::InstrumentProblems { problems, .. } = &*error.problem else {
        panic!("refused for its questionnaire: {error}");
    };
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("HOST COMMAND")),
        "{problems:?}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("The file \"hostile.json\" holds instrument fixture-bad-names"),
        "{message}"
    );

    // Combined with a good file, the good one is kept and the hostile one named.
    let good = small_export().to_json().expect("json");
    let c = combine(vec![
        ("good.json".into(), Ok(good.into_bytes())),
        ("hostile.json".into(), Ok(text.into_bytes())),
    ]);
    assert!(matches!(&c.rows[0], FileRow::Accepted { records: 4, .. }));
    assert!(matches!(&c.rows[1], FileRow::Rejected { file, .. } if file == "hostile.json"));
    assert_eq!(c.report.combined.records.len(), 4);
}

#[test]
fn the_writers_refuse_names_off_the_allow_list_even_unchecked() {
    let mut file = small_export();
    let mut instrument = small_export().instruments[0].definition.clone();
    instrument.domains[0].code = HOSTILE_CODE.into();
    for item in instrument
        .sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
    {
        if item.domain.as_deref() == Some("S") {
            item.domain = Some(HOSTILE_CODE.into());
        }
    }
    file.instruments = vec![ExportInstrument::of(&instrument)];
    let hash = file.instruments[0].hash.clone();
    for r in &mut file.records {
        r.instrument.hash = hash.clone();
    }
    let d = &datasets(&file)[0];
    let refused = |result: Result<String, ExportError>| match result {
        Err(ExportError::UnsafeName { name, .. }) => {
            assert!(name.to_ascii_uppercase().contains("HOST COMMAND"), "{name}")
        }
        other => panic!("not refused: {other:?}"),
    };
    refused(d.r_syntax("x.csv", "en"));
    refused(d.spss_syntax("x.csv", "en"));
    refused(d.stata_syntax("x.csv", "en"));

    let mut instrument = small_export().instruments[0].definition.clone();
    instrument.sections[1].items[2].variable = "u3 system(\"x\")".into();
    file.instruments = vec![ExportInstrument::of(&instrument)];
    let hash = file.instruments[0].hash.clone();
    for r in &mut file.records {
        r.instrument.hash = hash.clone();
    }
    let d = &datasets(&file)[0];
    for result in [
        d.r_syntax("x.csv", "en"),
        d.spss_syntax("x.csv", "en"),
        d.stata_syntax("x.csv", "en"),
    ] {
        assert!(
            matches!(
                result,
                Err(ExportError::UnsafeName {
                    what: "variable",
                    ..
                })
            ),
            "{result:?}"
        );
    }
}
