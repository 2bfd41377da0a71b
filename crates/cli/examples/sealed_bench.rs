//! Opening sealed, signed exports natively (not a test): the figures for
//! issue 14's budgets (1,000 sealed records opened in at most 2 s, 10,000
//! in at most 15 s), through the pipeline the CLI and the workbench run:
//! `open_file_with_key`, `combine_opened` and `integrity`. Also Argon2id at
//! the recommended cost (opening the key file). Best of three.
//!
//! `cargo run --profile cli -p candour-cli --example sealed_bench`
//!
//! `... --example sealed_bench -- --write DIR N...` instead writes, for
//! the workbench benchmark (`scripts/bench/workbench-sealed.mjs`), a key
//! file at the recommended cost (`bench-key.json`, passphrase in
//! `bench-passphrase.txt`) and one sealed export per N
//! (`bench-sealed-N.json`).

use candour_analysis::open::{combine_opened, integrity, open_file_with_key};
use candour_analysis::sealing::{begin_research_key, open_key_file, KdfCost, ResearchKeyPair};
use candour_testkit::export_support::{default, plausible_records, t};
use candour_testkit::signed_export::{sealed, Tablet};
use std::time::{Duration, Instant};

const PASSPHRASE: &str = "bench passphrase, not a secret";

fn sealed_export(key: &ResearchKeyPair, n: usize) -> String {
    let instrument = default();
    let records = plausible_records(&instrument, "bench", n);
    let tablet = Tablet::new(7, "Bench tablet");
    let entries = sealed(&records, &instrument, key.public(), 1);
    tablet.export(&entries, &instrument, Some(key.public()), n as u64)
}

fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn report(name: &str, took: Duration, budget_ms: Option<u64>) {
    let ms = took.as_secs_f64() * 1000.0;
    let over = budget_ms.is_some_and(|b| ms > b as f64);
    let limit = budget_ms
        .map(|b| format!("  (budget {b} ms)"))
        .unwrap_or_default();
    println!(
        "{}{name:<52} {ms:>9.1} ms{limit}",
        if over { "OVER " } else { "     " }
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let made = begin_research_key(
        PASSPHRASE,
        PASSPHRASE,
        None,
        KdfCost::RECOMMENDED,
        t(0),
        &mut candour_testkit::sealing_support::rng(14),
    )
    .and_then(|draft| draft.finish_here())
    .expect("key made");
    let opened_key = Instant::now();
    let key = open_key_file(made.key_file.as_bytes(), PASSPHRASE).expect("key opens");
    let argon = opened_key.elapsed();
    if let Some((flag, rest)) = args.split_first() {
        if flag == "--write" {
            let Some((dir, counts)) = rest.split_first() else {
                eprintln!("usage: --write DIR N...");
                std::process::exit(2);
            };
            let dir = std::path::Path::new(dir);
            std::fs::write(dir.join("bench-key.json"), &made.key_file).expect("written");
            std::fs::write(dir.join("bench-passphrase.txt"), PASSPHRASE).expect("written");
            for n in counts {
                let n: usize = n.parse().expect("a count");
                let path = dir.join(format!("bench-sealed-{n}.json"));
                std::fs::write(&path, sealed_export(&key, n)).expect("written");
            }
            return;
        }
    }
    report("Argon2id, recommended cost (opening the key)", argon, None);
    for (n, budget) in [(1_000, 2_000), (10_000, 15_000)] {
        let text = sealed_export(&key, n);
        let took = best_of_three(|| {
            let files = vec![open_file_with_key(
                "bench.json",
                Ok(text.as_bytes()),
                Some(&key),
            )];
            let combined = combine_opened(&files);
            let report = integrity(&files);
            assert_eq!(combined.report.combined.records.len(), n);
            assert!(report.complete_and_unaltered());
        });
        report(
            &format!("native: open, verify, combine {n} sealed records"),
            took,
            Some(budget),
        );
    }
}
