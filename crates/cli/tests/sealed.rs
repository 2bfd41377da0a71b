#![cfg(not(target_arch = "wasm32"))]
//! The command-line tool on signed, sealed exports, through the very code
//! `main` runs: the key opened with its passphrase (from a file or the
//! environment), sealed records recovered exactly, every tampering and gap
//! said in the workbench's words, the exit status of each case, and
//! `keygen`. The files the workbench's end-to-end test opens are made here
//! too (`tests/fixtures/sealing/workbench/`; rewrite them with
//! `CANDOUR_UPDATE_GOLDEN=1 cargo test -p candour-cli --test sealed`).

use candour_analysis::open::COMPLETE_AND_UNALTERED;
use candour_analysis::sealing::{
    begin_research_key, key_file_public_key, open_key_file, KdfCost, NewResearchKey,
};
use candour_cli::args::parse;
use candour_cli::run::{run_with_cost, Status};
use candour_core::answer::AnswerValue;
use candour_core::record::ResponseRecord;
use candour_core::seal::{EntryBody, RecordEntry};
use candour_testkit::export_support::{default, plausible_records, t};
use candour_testkit::fixture_files::check_fixture_files;
use candour_testkit::sealing_support::rng;
use candour_testkit::signed_export::{sealed, Tablet};
use std::path::{Path, PathBuf};

/// The passphrase of the fixture key files (also in `passphrase.txt`).
const PASSPHRASE: &str = "correct horse battery staple";
/// A free-text answer found in exactly one record, which the end-to-end
/// test looks for in the CSV the workbench writes.
const UNIQUE_ANSWER: &str = "A quiet room to wait in, please (sealed-e2e-7731)";
/// A low Argon2id cost, so tests and the end-to-end fixture open quickly;
/// the tool and the workbench write [`KdfCost::RECOMMENDED`].
const LOW: KdfCost = KdfCost {
    memory_kib: 1024,
    iterations: 1,
    parallelism: 1,
};

fn key(seed: u64) -> NewResearchKey {
    begin_research_key(PASSPHRASE, PASSPHRASE, None, LOW, t(5_000), &mut rng(seed))
        .and_then(|draft| draft.finish_here())
        .expect("key made")
}

fn records() -> Vec<ResponseRecord> {
    let mut records = plausible_records(&default(), "sealed", 4);
    records[2].answers.insert(
        "h6_something_else".to_owned(),
        AnswerValue::Text(UNIQUE_ANSWER.to_owned()),
    );
    records
}

/// The fixtures, and the records sealed in them.
struct Fixtures {
    files: Vec<(&'static str, String)>,
    records: Vec<ResponseRecord>,
}

/// Two keys, a good sealed export for the first, and the same export with
/// record 2 cut out and record 3's ciphertext changed.
fn fixtures() -> Fixtures {
    let instrument = default();
    let records = records();
    let research = key(41);
    let other = key(42);
    let public = key_file_public_key(research.key_file.as_bytes()).expect("public key");
    let tablet = Tablet::new(9, "Clinic A, tablet 2");
    let entries = sealed(&records, &instrument, &public, 1);
    let good = tablet.export(&entries, &instrument, Some(&public), 4);
    let second = entries[1].to_json().expect("json");
    let mut tampered = good.replace(&format!(",{second}"), "");
    assert_ne!(tampered, good, "record 2 cut out");
    let ct = ciphertext(&entries[2]);
    let mut changed = ct.clone().into_bytes();
    changed[30] = if changed[30] == b'A' { b'B' } else { b'A' };
    tampered = tampered.replace(&ct, std::str::from_utf8(&changed).expect("ascii"));
    Fixtures {
        files: vec![
            ("research-key.json", research.key_file),
            ("other-key.json", other.key_file),
            ("passphrase.txt", format!("{PASSPHRASE}\n")),
            ("sealed-clinic-a.json", good),
            ("tampered-clinic-a.json", tampered),
        ],
        records,
    }
}

fn ciphertext(entry: &RecordEntry) -> String {
    match &entry.body {
        EntryBody::Sealed(s) => candour_core::seal::encode_base64(&s.ciphertext),
        _ => panic!("sealed"),
    }
}

/// A fresh folder holding `files`.
fn folder(name: &str, files: &[(&str, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("candour-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp folder");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("written");
    }
    dir
}

/// Runs a command line (with `{dir}` replaced), with `env` as the value of
/// `CANDOUR_PASSPHRASE`: its status, standard output and error.
fn cli(dir: &Path, line: &str, env: Option<&str>) -> (Status, String, String) {
    let argv: Vec<String> = line
        .split_whitespace()
        .map(|a| a.replace("{dir}", &dir.display().to_string()))
        .collect();
    let command = parse(&argv).expect("a good command line");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let status = run_with_cost(&command, env.map(str::to_owned), LOW, &mut out, &mut err);
    (
        status,
        String::from_utf8(out).expect("utf-8"),
        String::from_utf8(err).expect("utf-8"),
    )
}

fn wide_csv(out: &str) -> String {
    let path = out
        .lines()
        .find(|l| l.ends_with(".wide.csv"))
        .expect("a wide CSV");
    std::fs::read_to_string(path).expect("read")
}

#[test]
fn the_end_to_end_fixtures_are_current() {
    check_fixture_files("sealing/workbench", &fixtures().files);
}

#[test]
fn sealed_records_open_with_the_key_and_verify_complete() {
    let f = fixtures();
    let dir = folder("open", &f.files);
    let (status, out, err) = cli(
        &dir,
        "check {dir}/sealed-clinic-a.json --key {dir}/research-key.json --passphrase-file {dir}/passphrase.txt",
        None,
    );
    assert_eq!(status, Status::Done, "{out}{err}");
    assert!(
        out.contains("Signed by the tablet \"Clinic A, tablet 2\""),
        "{out}"
    );
    assert!(
        out.contains("the signature is valid. Records read: 4 of 4."),
        "{out}"
    );
    assert!(out.contains(COMPLETE_AND_UNALTERED), "{out}");
    assert!(err.starts_with("Research key "), "{err}");

    // The passphrase from the environment; every analysis file written,
    // the unique answer among them.
    let (status, out, err) = cli(
        &dir,
        "write {dir}/sealed-clinic-a.json --out {dir}/out --key {dir}/research-key.json",
        Some(PASSPHRASE),
    );
    assert_eq!(status, Status::Done, "{out}{err}");
    let csv = wide_csv(&out);
    assert!(csv.contains(UNIQUE_ANSWER), "{csv}");
    for r in &f.records {
        assert!(csv.contains(&r.id), "{} in the CSV", r.id);
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn without_the_key_sealed_records_are_counted_and_the_status_says_so() {
    let dir = folder("nokey", &fixtures().files);
    let (status, out, _) = cli(&dir, "check {dir}/sealed-clinic-a.json", None);
    assert_eq!(status, Status::Findings);
    assert_eq!(status.code(), 4);
    assert!(
        out.contains("4 records in the file \"sealed-clinic-a.json\" are sealed; open the research key file to read them."),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn tampering_and_gaps_are_said_and_end_with_status_4() {
    let f = fixtures();
    let dir = folder("tampered", &f.files);
    let (status, out, err) = cli(
        &dir,
        "write {dir}/tampered-clinic-a.json --out {dir}/out --key {dir}/research-key.json --passphrase-file {dir}/passphrase.txt",
        None,
    );
    assert_eq!(status, Status::Findings, "{out}{err}");
    let (second, third) = (&f.records[1].id, &f.records[2].id);
    for expected in [
        format!("Record 2 of Clinic A, tablet 2 (id {second}) was removed from the file \"tampered-clinic-a.json\" after export."),
        "Record 2 of Clinic A, tablet 2 is in none of the files opened.".to_owned(),
        format!("Record 3 of Clinic A, tablet 2 (id {third}) was altered in the file \"tampered-clinic-a.json\": it is not what the tablet signed, so it is not used."),
    ] {
        assert!(err.contains(&expected), "{expected}\n---\n{err}");
    }
    let csv = wide_csv(&out);
    assert!(
        !csv.contains(UNIQUE_ANSWER),
        "the altered record is not used"
    );
    assert!(
        !csv.contains(third.as_str()),
        "the altered record is not used"
    );
    assert!(csv.contains(f.records[0].id.as_str()));
    assert!(csv.contains(f.records[3].id.as_str()));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_wrong_passphrase_a_wrong_key_and_no_passphrase_are_refused_in_words() {
    let dir = folder("wrong", &fixtures().files);
    let (status, _, _) = cli(
        &dir,
        "check {dir}/sealed-clinic-a.json --key {dir}/research-key.json",
        Some("not the passphrase"),
    );
    assert_eq!(status.code(), 3);
    assert!(status
        .problem()
        .expect("why")
        .contains("The passphrase does not open this key file"));

    let (status, _, _) = cli(
        &dir,
        "check {dir}/sealed-clinic-a.json --key {dir}/research-key.json",
        None,
    );
    assert!(status
        .problem()
        .expect("why")
        .contains("CANDOUR_PASSPHRASE"));

    let (status, _, _) = cli(
        &dir,
        "check {dir}/sealed-clinic-a.json --key {dir}/sealed-clinic-a.json",
        Some(PASSPHRASE),
    );
    assert_eq!(status.code(), 3);
    assert!(status
        .problem()
        .expect("why")
        .contains("not a Candour research key file"));

    let right = key(41).fingerprint;
    let other = key(42).fingerprint;
    let (status, out, _) = cli(
        &dir,
        "check {dir}/sealed-clinic-a.json --key {dir}/other-key.json",
        Some(PASSPHRASE),
    );
    assert_eq!(status, Status::Findings);
    assert!(
        out.contains(&format!("4 records from Clinic A, tablet 2 in the file \"sealed-clinic-a.json\" are sealed to the research key {right}, but the key file opened is {other}.")),
        "{out}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn keygen_writes_a_key_file_and_a_setup_file() {
    let dir = folder("keygen", &[]);
    std::fs::write(dir.join("pass"), "a long enough passphrase\n").expect("written");
    let (status, out, err) = cli(
        &dir,
        "keygen --out {dir}/keys --passphrase-file {dir}/pass",
        None,
    );
    assert_eq!(status, Status::Done, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    let key_text = std::fs::read(lines[0]).expect("key file");
    let setup = std::fs::read(lines[1]).expect("setup file");
    let pair = open_key_file(&key_text, "a long enough passphrase").expect("opens");
    let read = candour_core::seal::read_setup_file(&setup).expect("a setup file");
    assert_eq!(read.research_key.fingerprint(), pair.fingerprint());
    assert!(out.contains(&format!("Fingerprint: {}", pair.fingerprint())));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(lines[0])
            .expect("key file")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "the key file is its owner's only");
    }

    // A short passphrase is refused.
    std::fs::write(dir.join("short"), "short\n").expect("written");
    let (status, _, _) = cli(
        &dir,
        "keygen --out {dir}/keys --passphrase-file {dir}/short",
        None,
    );
    assert_eq!(status.code(), 3);
    assert!(status
        .problem()
        .expect("why")
        .contains("at least 12 characters"));

    // A questionnaire goes in whole, checked; a broken one is refused.
    let questionnaire = dir.join("q.json");
    std::fs::write(&questionnaire, "{\"id\": ").expect("written");
    let (status, _, _) = cli(
        &dir,
        "keygen --out {dir}/k2 --questionnaire {dir}/q.json",
        Some("a long enough passphrase"),
    );
    assert!(
        status.problem().expect("why").contains("questionnaire"),
        "{status:?}"
    );
    let default_json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../instruments/default.json"),
    )
    .expect("default questionnaire");
    std::fs::write(&questionnaire, default_json).expect("written");
    let (status, out, _) = cli(
        &dir,
        "keygen --out {dir}/k3 --questionnaire {dir}/q.json",
        Some("a long enough passphrase"),
    );
    assert_eq!(status, Status::Done);
    let setup = std::fs::read(out.lines().nth(1).expect("setup path")).expect("setup");
    let read = candour_core::seal::read_setup_file(&setup).expect("a setup file");
    assert!(read.instrument.is_some(), "the questionnaire is in it");
    std::fs::remove_dir_all(&dir).ok();
}
