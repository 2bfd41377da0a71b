//! The Candour command-line tool: the workbench's verbs for scripted
//! pipelines, a thin `main` over the same `candour-analysis` functions the
//! workbench calls, so that both write the same bytes for the same files.
//!
//! ```text
//! candour-cli check   FILE... [--key K]                 what each file holds and what verifying it found
//! candour-cli combine FILE... --out DIR [--key K]       the combined JSON
//! candour-cli summary FILE... [--threshold N] [--key K] the summary as text, small counts hidden
//! candour-cli write   FILE... --out DIR [--locale L] [--key K] every analysis file
//! candour-cli receipt FILE... --out DIR [--key K]       the receipt the tablet accepts
//! candour-cli keygen  --out DIR [--questionnaire Q]     a new research key and tablet setup file
//! ```
//!
//! The key file's passphrase comes from `--passphrase-file FILE` or the
//! environment variable `CANDOUR_PASSPHRASE`, never from an argument.
//!
//! Exit status ([`candour_cli::run::Status`]): 0 when every file was
//! accepted, verified and everything asked was written; 1 when a file was
//! refused or a file could not be written (the rest is still done); 2 when
//! the command line is wrong; 3 when the key file could not be opened or
//! made (nothing else is done); 4 when everything was written but
//! verification found a problem or sealed records were left unread.

use candour_cli::{args, key, run};
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
    let passphrase = std::env::var(key::PASSPHRASE_ENV).ok();
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let status = run::run(&command, passphrase, &mut out, &mut err);
    if let Some(problem) = status.problem() {
        eprintln!("candour-cli: {problem}");
    }
    ExitCode::from(status.code())
}
