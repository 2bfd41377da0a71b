//! The Candour command-line tool: the workbench's verbs for scripted
//! pipelines, a thin `main` over the same `candour-analysis` functions the
//! workbench calls, so that both write the same bytes for the same files.
//!
//! ```text
//! candour-cli check   FILE...                       what each file holds, or why it is refused
//! candour-cli combine FILE... --out DIR             the combined JSON
//! candour-cli summary FILE... [--threshold N]       the summary as text, small counts hidden
//! candour-cli write   FILE... --out DIR [--locale L] every analysis file
//! candour-cli receipt FILE... --out DIR             the receipt the tablet accepts
//! ```
//!
//! Exit status: 0 when every file was accepted and everything asked was
//! written; 1 when a file was refused or a file could not be written (the
//! rest is still done); 2 when the command line is wrong.

mod args;
mod run;

use std::process::ExitCode;

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let command = match args::parse(&argv) {
        Ok(command) => command,
        Err(problem) => {
            eprintln!("candour-cli: {problem}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    match run::run(&command, &mut out, &mut err) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(problem) => {
            eprintln!("candour-cli: {problem}");
            ExitCode::from(1)
        }
    }
}
