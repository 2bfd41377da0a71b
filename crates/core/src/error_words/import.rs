//! Why the workbench refused an export file, in words.

use crate::export::{ImportError, ImportProblem, FORMAT_VERSION};
use crate::messages::Messages;

impl ImportError {
    /// Why the file was refused, naming it, in the language of `m`. The
    /// keys are the workbench's own (`locales/workbench/en.json`): only the
    /// workbench opens exports.
    pub fn in_words(&self, m: &Messages) -> String {
        let file = self.file.as_str();
        let n = |v: &usize| v.to_string();
        match &*self.problem {
            ImportProblem::Empty => m.fill("import.empty", &[("file", file)]),
            ImportProblem::NotText => m.fill("import.not_text", &[("file", file)]),
            ImportProblem::NotJson {
                detail,
                line,
                column,
            } => m.fill(
                "import.not_json",
                &[
                    ("file", file),
                    ("detail", detail),
                    ("line", &n(line)),
                    ("column", &n(column)),
                ],
            ),
            ImportProblem::CutShort { line, column } => m.fill(
                "import.cut_short",
                &[("file", file), ("line", &n(line)), ("column", &n(column))],
            ),
            ImportProblem::NotCandour { found } => m.fill(
                "import.not_candour",
                &[("file", file), ("found", &found.in_words(m))],
            ),
            ImportProblem::UnknownVersion { found } => m.fill(
                "import.unknown_version",
                &[
                    ("file", file),
                    ("found", found),
                    ("readable", &FORMAT_VERSION.to_string()),
                ],
            ),
            ImportProblem::WrongShape {
                detail,
                line,
                column,
            } => m.fill(
                "import.wrong_shape",
                &[
                    ("file", file),
                    ("detail", detail),
                    ("line", &n(line)),
                    ("column", &n(column)),
                ],
            ),
            ImportProblem::CountMismatch { claimed, found } => m.fill(
                "import.count_mismatch",
                &[
                    ("file", file),
                    ("claimed", &n(claimed)),
                    ("found", &n(found)),
                ],
            ),
            ImportProblem::HashMismatch { id, version, hash } => m.fill(
                "import.hash_mismatch",
                &[
                    ("file", file),
                    ("id", id),
                    ("version", version),
                    ("hash", hash),
                ],
            ),
            ImportProblem::InstrumentListChanged => {
                m.fill("import.instrument_list_changed", &[("file", file)])
            }
            ImportProblem::InstrumentProblems {
                id,
                version,
                problems,
            } => m.fill(
                "import.instrument_problems",
                &[
                    ("file", file),
                    ("id", id),
                    ("version", version),
                    (
                        "problems",
                        &problems
                            .iter()
                            .map(|p| p.in_words(m))
                            .collect::<Vec<_>>()
                            .join(" "),
                    ),
                ],
            ),
            ImportProblem::InstrumentNotInFile {
                record_id,
                id,
                version,
                hash,
            } => m.fill(
                "import.instrument_not_in_file",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("id", id),
                    ("version", version),
                    ("hash", hash),
                ],
            ),
            ImportProblem::InstrumentMismatch {
                record_id,
                id,
                version,
                actual_id,
                actual_version,
            } => m.fill(
                "import.instrument_mismatch",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("id", id),
                    ("version", version),
                    ("actual_id", actual_id),
                    ("actual_version", actual_version),
                ],
            ),
            ImportProblem::UnknownVariable {
                record_id,
                variable,
            } => m.fill(
                "import.unknown_variable",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                ],
            ),
            ImportProblem::RepeatedVariable {
                record_id,
                variable,
            } => m.fill(
                "import.repeated_variable",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                ],
            ),
            ImportProblem::BadServiceCode { record_id, value } => m.fill(
                "import.bad_service_code",
                &[("file", file), ("record_id", record_id), ("value", value)],
            ),
            ImportProblem::ValueDoesNotFit {
                record_id,
                variable,
                value,
            } => m.fill(
                "import.value_does_not_fit",
                &[
                    ("file", file),
                    ("record_id", record_id),
                    ("variable", variable),
                    ("value", value),
                ],
            ),
        }
    }
}
