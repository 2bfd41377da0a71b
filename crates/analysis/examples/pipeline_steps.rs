//! Times each step of the workbench's pipeline on one export (not a test).
//! `cargo run --release --example pipeline_steps -- FILE`
use candour_analysis::open::{combine_opened, open_file, outputs};
use candour_analysis::summary::{summarise, Threshold};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(&path).unwrap_or_default();
    let t = Instant::now();
    let opened = vec![open_file("big.json", Ok(&bytes))];
    println!(
        "open and check   {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let combined = combine_opened(&opened);
    println!(
        "combine          {:>8.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    let t = Instant::now();
    let s = summarise(&combined.report.combined, Threshold::default(), "en");
    println!(
        "summarise        {:>8.1} ms ({} datasets)",
        t.elapsed().as_secs_f64() * 1e3,
        s.len()
    );
    let file = &combined.report.combined;
    for planned in outputs::plan(file) {
        let t = Instant::now();
        let text = outputs::write(file, &planned, "en")
            .map(|t| t.len())
            .unwrap_or(0);
        println!(
            "{:<16} {:>8.1} ms {} bytes",
            planned.format.extension(),
            t.elapsed().as_secs_f64() * 1e3,
            text
        );
    }
}
