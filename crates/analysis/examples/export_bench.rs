//! Export speed and size on the default instrument (not a test).
//!
//! Run with `cargo run --release --example export_bench`. It builds N
//! complete records through the survey flow, as the app does, then times
//! the JSON export, the wide and long CSV, and reading back and merging ten
//! files of 1,000 records. Each figure is the best of three runs.
//!
//! `cargo run --release --example export_bench -- --write-export PATH N`
//! instead writes one JSON export of N such records to PATH and stops
//! (the workbench benchmark, `scripts/bench/workbench.mjs`, opens it).

use candour_analysis::combine::merge;
use candour_core::answer::{AnswerValue, MissingCode};
use candour_core::export::{build_export, export_json, parse_export};
use candour_core::instrument::default::default_instrument;
use candour_core::instrument::{Instrument, Item, ItemKind};
use candour_core::record::ResponseRecord;
use candour_core::survey::{Action, Screen, Survey};
use candour_core::time::Timestamp;
use std::rc::Rc;
use std::time::{Duration, Instant};

fn main() {
    let instrument = match default_instrument() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("the default instrument does not load: {e:?}");
            std::process::exit(1);
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, path, n] = args.as_slice() {
        if flag == "--write-export" {
            let n: usize = n.parse().unwrap_or(10_000);
            let records = synthetic(&instrument, "wb", n);
            match export_json(&records, &[&instrument], "Bench tablet", now()) {
                Ok(json) => {
                    if let Err(e) = std::fs::write(path, json) {
                        eprintln!("could not write {path}: {e}");
                        std::process::exit(1);
                    }
                }
                Err(e) => {
                    eprintln!("the export failed: {e}");
                    std::process::exit(1);
                }
            }
            return;
        }
    }
    println!("export_bench: default instrument, complete records, best of 3\n");
    println!("{:<34} {:>10} {:>12}", "what", "time", "bytes");
    for n in [1_000, 10_000] {
        let records = synthetic(&instrument, "r", n);
        let (json, time) = best(|| export_json(&records, &[&instrument], "Clinic A", now()));
        report(&format!("JSON, {n} records"), time, json.len());
        let (wide, time) = best(|| {
            build_export(&records, &[&instrument], "Clinic A", now())
                .and_then(|f| candour_analysis::write::datasets(&f)[0].wide_csv())
        });
        report(&format!("CSV wide, {n} records"), time, wide.len());
        let (long, time) = best(|| {
            build_export(&records, &[&instrument], "Clinic A", now())
                .and_then(|f| candour_analysis::write::datasets(&f)[0].long_csv())
        });
        report(&format!("CSV long, {n} records"), time, long.len());
        // The parts: the model once, then each writer over it.
        let (_, time) = best(|| {
            build_export(&records, &[&instrument], "Clinic A", now()).map(|_| String::new())
        });
        report(&format!("  of which the model, {n}"), time, 0);
        if let Ok(file) = build_export(&records, &[&instrument], "Clinic A", now()) {
            let (_, time) = best(|| file.to_json());
            report(&format!("  JSON writing alone, {n}"), time, 0);
            let (_, time) = best(|| candour_analysis::write::datasets(&file)[0].wide_csv());
            report(&format!("  wide writing alone, {n}"), time, 0);
        }
    }
    let files: Vec<(String, String)> = (0..10)
        .map(|k| {
            let records = synthetic(&instrument, &format!("t{k}"), 1_000);
            let json = export_json(&records, &[&instrument], "Tablet", now()).unwrap_or_default();
            (format!("tablet-{k}.json"), json)
        })
        .collect();
    let (combined, time) = best(|| {
        let parsed = files
            .iter()
            .map(|(name, json)| (name.clone(), parse_export(name, json.as_bytes())))
            .collect();
        merge(parsed, now()).combined.to_json()
    });
    report("read + merge 10 x 1,000, write JSON", time, combined.len());
}

/// The best time of three runs, and the output of the last.
fn best<E: std::fmt::Debug>(mut run: impl FnMut() -> Result<String, E>) -> (String, Duration) {
    let mut out = String::new();
    let mut fastest = Duration::MAX;
    for _ in 0..3 {
        let start = Instant::now();
        match run() {
            Ok(s) => out = s,
            Err(e) => {
                eprintln!("export failed: {e:?}");
                std::process::exit(1);
            }
        }
        fastest = fastest.min(start.elapsed());
    }
    (out, fastest)
}

fn report(what: &str, time: Duration, bytes: usize) {
    let ms = time.as_secs_f64() * 1000.0;
    println!("{what:<34} {ms:>8.1} ms {bytes:>12}");
}

fn now() -> Timestamp {
    Timestamp(1_795_600_000_000)
}

/// `count` complete records through the survey flow, answered plausibly.
fn synthetic(instrument: &Instrument, prefix: &str, count: usize) -> Vec<ResponseRecord> {
    let shared = Rc::new(instrument.clone());
    (0..count)
        .filter_map(|k| {
            let mut s = Survey::new(Rc::clone(&shared));
            let start = 1_795_000_000_000 + k as i64 * 600_000;
            s.apply(Action::Start {
                id: format!("{prefix}-{k:05}"),
                participant_code: Some(format!("HAT-{:03}", k % 1000)),
                locale: "en".into(),
                device_label: "Clinic A, tablet 2".into(),
                service_code: Some("MBRO-HAT".into()),
                now: Timestamp(start),
            });
            let mut t = start + 1000;
            s.apply(Action::Consent {
                agreed: true,
                now: Timestamp(t),
            });
            let mut n = k * 7;
            while let Screen::Question(_) = s.screen() {
                let items: Vec<Item> = s.screen_items().into_iter().cloned().collect();
                for item in &items {
                    n += 1;
                    t += 4000;
                    s.apply(Action::Answer {
                        variable: item.variable.clone(),
                        value: Some(answer(item, n)),
                        now: Timestamp(t),
                    });
                }
                s.apply(Action::Next {
                    now: Timestamp(t + 500),
                });
            }
            s.apply(Action::Submit {
                now: Timestamp(t + 2000),
            });
            s.finished.take()
        })
        .collect()
}

/// A valid answer to any item, varied by `n`.
fn answer(item: &Item, n: usize) -> AnswerValue {
    if item.prefer_not_to_say && n % 11 == 5 {
        return AnswerValue::Missing(MissingCode::PreferNotToSay);
    }
    match &item.kind {
        ItemKind::Agreement | ItemKind::Difficulty | ItemKind::YesNoNotSure => {
            let codes = item.kind.shared_scale_codes().unwrap_or_default();
            AnswerValue::Code(codes[n % codes.len()])
        }
        ItemKind::Scale010 { .. } => AnswerValue::Code((n % 11) as i64),
        ItemKind::Scale020 { .. } => AnswerValue::Code((n % 21) as i64),
        ItemKind::SingleChoice { choices } => AnswerValue::Code(choices[n % choices.len()].code),
        ItemKind::MultipleChoice { choices } => {
            AnswerValue::Codes(vec![choices[n % choices.len()].code])
        }
        ItemKind::Number { min, max, .. } => AnswerValue::Number((min + (n % 20) as f64).min(*max)),
        ItemKind::FreeText { .. } => {
            AnswerValue::Text(format!("Comment {n}: the staff are kind, \"really\" 🙂"))
        }
    }
}
