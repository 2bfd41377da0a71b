//! The command line, read into a [`Command`].

use candour_analysis::summary::Threshold;
use std::path::PathBuf;

/// How to call the tool.
pub const USAGE: &str = "\
Usage:
  candour-cli check   FILE...
  candour-cli combine FILE... --out DIR
  candour-cli summary FILE... [--threshold N] [--locale L]
  candour-cli write   FILE... --out DIR [--locale L]
  candour-cli receipt FILE... --out DIR
  candour-cli keygen  --out DIR [--questionnaire FILE]
Every verb that reads exports also takes --key KEYFILE (the research key file:
sealed records are opened with it).
The passphrase of the key file comes from --passphrase-file FILE (its first
line) or from the environment variable CANDOUR_PASSPHRASE; never from the
command line, where other users of the computer could see it.

FILE is a Candour JSON export (or a combined one). The threshold hides every
count below it (default 5, never below 3). `receipt` writes the receipt the
tablet's \"Delete exported responses\" accepts for the accepted files.
`keygen` makes a new research key: the private key file (keep it, and its
passphrase, apart and backed up) and the tablet setup file (for the clinic),
with the questionnaire FILE in it when given.

Exit status: 0 all done, every file accepted and verified; 1 a file refused or
not written; 2 the command line is wrong; 3 the key file could not be opened
or made (nothing else done); 4 done, but verification found a problem or
sealed records were left unread (see the findings).";

/// What to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verb {
    /// Check and describe each file.
    Check,
    /// Write the combined JSON.
    Combine,
    /// Print the summary.
    Summary,
    /// Write every analysis file.
    Write,
    /// Write the receipt of the accepted files, for the tablet.
    Receipt,
    /// Make a new research key: the key file and the tablet setup file.
    Keygen,
}

/// A whole command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    /// The verb.
    pub verb: Verb,
    /// The export files, in order.
    pub files: Vec<PathBuf>,
    /// Where files are written (`combine`, `write`, `receipt`).
    pub out: Option<PathBuf>,
    /// The suppression threshold (`summary`).
    pub threshold: Threshold,
    /// The locale of labels.
    pub locale: String,
    /// The research key file (`--key`).
    pub key: Option<PathBuf>,
    /// The file whose first line is the passphrase (`--passphrase-file`).
    pub passphrase_file: Option<PathBuf>,
    /// The questionnaire for the setup file (`keygen --questionnaire`).
    pub questionnaire: Option<PathBuf>,
}

/// Reads the arguments after the program's name.
pub fn parse(argv: &[String]) -> Result<Command, String> {
    let (verb, rest) = argv.split_first().ok_or("no command given")?;
    let verb = match verb.as_str() {
        "check" => Verb::Check,
        "combine" => Verb::Combine,
        "summary" => Verb::Summary,
        "write" => Verb::Write,
        "receipt" => Verb::Receipt,
        "keygen" => Verb::Keygen,
        other => return Err(format!("unknown command {other:?}")),
    };
    let mut command = Command {
        verb,
        files: Vec::new(),
        out: None,
        threshold: Threshold::default(),
        locale: "en".to_owned(),
        key: None,
        passphrase_file: None,
        questionnaire: None,
    };
    let mut rest = rest.iter();
    while let Some(arg) = rest.next() {
        let mut value = |name: &str| {
            rest.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--out" => command.out = Some(PathBuf::from(value("--out")?)),
            "--locale" => command.locale = value("--locale")?,
            "--key" => command.key = Some(PathBuf::from(value("--key")?)),
            "--passphrase-file" => {
                command.passphrase_file = Some(PathBuf::from(value("--passphrase-file")?))
            }
            "--questionnaire" => {
                command.questionnaire = Some(PathBuf::from(value("--questionnaire")?))
            }
            "--passphrase" => {
                return Err("the passphrase is never given on the command line (others can see it there): use --passphrase-file FILE or the environment variable CANDOUR_PASSPHRASE".to_owned())
            }
            "--threshold" => {
                let n = value("--threshold")?;
                let n: u64 = n
                    .parse()
                    .map_err(|_| format!("--threshold must be a whole number, not {n:?}"))?;
                command.threshold = Threshold::new(n);
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}")),
            file => command.files.push(PathBuf::from(file)),
        }
    }
    if command.verb == Verb::Keygen {
        if !command.files.is_empty() || command.key.is_some() {
            return Err("keygen takes no export file and no --key".to_owned());
        }
    } else {
        if command.files.is_empty() {
            return Err("no export file given".to_owned());
        }
        if command.questionnaire.is_some() {
            return Err("--questionnaire goes with keygen only".to_owned());
        }
    }
    let needs_out = matches!(
        command.verb,
        Verb::Combine | Verb::Write | Verb::Receipt | Verb::Keygen
    );
    if needs_out && command.out.is_none() {
        return Err("this command needs --out DIR".to_owned());
    }
    Ok(command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn commands() {
        let c = parse(&args("write a.json b.json --out dir --locale en")).unwrap();
        assert_eq!(c.verb, Verb::Write);
        assert_eq!(c.files, [PathBuf::from("a.json"), PathBuf::from("b.json")]);
        assert_eq!(c.out, Some(PathBuf::from("dir")));
        let c = parse(&args("summary a.json --threshold 1")).unwrap();
        assert_eq!(c.threshold.get(), 3, "never below 3");
        assert_eq!(parse(&args("check a.json")).unwrap().verb, Verb::Check);
        let c = parse(&args("receipt a.json --out dir")).unwrap();
        assert_eq!(c.verb, Verb::Receipt);
        let c = parse(&args(
            "write a.json --out d --key k.json --passphrase-file p",
        ))
        .unwrap();
        assert_eq!(c.key, Some(PathBuf::from("k.json")));
        assert_eq!(c.passphrase_file, Some(PathBuf::from("p")));
        let c = parse(&args("keygen --out d --questionnaire q.json")).unwrap();
        assert_eq!(c.verb, Verb::Keygen);
        assert_eq!(c.questionnaire, Some(PathBuf::from("q.json")));
    }

    #[test]
    fn mistakes_are_said() {
        assert!(parse(&[]).is_err());
        for (line, says) in [
            ("frobnicate a.json", "unknown command"),
            ("combine a.json", "--out"),
            ("receipt a.json", "--out"),
            ("check", "no export file"),
            (
                "check a.json --key k --passphrase secret",
                "never given on the command line",
            ),
            ("keygen", "--out"),
        ] {
            let said = parse(&args(line)).unwrap_err();
            assert!(said.contains(says), "{line}: {said}");
        }
        assert!(parse(&args("summary a.json --threshold x")).is_err());
        assert!(parse(&args("check a.json --bogus")).is_err());
        assert!(parse(&args("keygen a.json --out d")).is_err());
        assert!(parse(&args("check a.json --questionnaire q")).is_err());
    }
}
