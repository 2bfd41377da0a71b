//! Reading an export file back, checking everything a merge relies on.

use super::import_check::check;
pub use super::import_error::{ImportError, ImportProblem};
use super::model::ExportFile;
use super::rescore::rescore;
use super::{FORMAT_NAME, READABLE_VERSIONS};
use crate::found::FoundInstead;
use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_json::error::Category;
use std::fmt;

/// Only the fields that say what a file is, read when the whole file does
/// not read as an export.
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

// By hand, because a derived struct would also accept a JSON array
// (`[1, 2]`) as its fields in order; only an object is an export.
impl<'de> Deserialize<'de> for Header {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeaderVisitor;

        impl<'de> Visitor<'de> for HeaderVisitor {
            type Value = Header;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an export object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Header, A::Error> {
                let mut header = Header {
                    format: None,
                    format_version: None,
                };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => header.format = Some(map.next_value()?),
                        "format_version" => header.format_version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(header)
            }
        }

        deserializer.deserialize_map(HeaderVisitor)
    }
}

/// Reads an export file named `name` (for messages) from its bytes. A UTF-8
/// byte-order mark is tolerated. Refused, with the reason in words: files
/// that are not Candour exports, of an unknown format version, cut short,
/// with a record count or instrument hash that does not match, or with
/// records whose instrument the file does not include.
///
/// Files of every format version in [`READABLE_VERSIONS`] are read. Domain
/// scores are derived data: they are computed again from each record's
/// answers by this version's rule, so that files written by different
/// versions of the app agree (and two exports of one record compare equal
/// when merged). Answers are never changed.
pub fn parse_export(name: &str, bytes: &[u8]) -> Result<ExportFile, ImportError> {
    let fail = |problem| ImportError {
        file: name.to_owned(),
        problem: Box::new(problem),
    };
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(fail(ImportProblem::Empty));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| fail(ImportProblem::NotText))?;
    // One pass in the common case; only a file that does not read as an
    // export is read again for what it says it is, so that a newer or
    // foreign file is named as such rather than as damaged.
    let file: ExportFile = match serde_json::from_str(text) {
        Ok(file) => file,
        Err(e) => {
            return Err(fail(match e.classify() {
                Category::Data => identify(text).unwrap_or_else(|| ImportProblem::WrongShape {
                    detail: detail(&e),
                    line: e.line(),
                    column: e.column(),
                }),
                _ => syntax_problem(&e),
            }))
        }
    };
    if file.format != FORMAT_NAME {
        return Err(fail(not_candour(Some(&file.format))));
    }
    if !READABLE_VERSIONS.contains(&file.format_version) {
        return Err(fail(ImportProblem::UnknownVersion {
            found: file.format_version.to_string(),
        }));
    }
    check(&file).map_err(fail)?;
    let mut file = file;
    rescore(&mut file);
    Ok(file)
}

/// Why a JSON text that does not read as an export is not one: not an
/// object, not a Candour file, or of another format version. `None` when
/// it claims to be an export of a version this app reads (so it is damaged).
fn identify(text: &str) -> Option<ImportProblem> {
    let Ok(header) = serde_json::from_str::<Header>(text) else {
        return Some(ImportProblem::NotCandour {
            found: FoundInstead::NotAnObject,
        });
    };
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT_NAME) => {}
        other => return Some(not_candour(other)),
    }
    match header.format_version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if READABLE_VERSIONS.iter().any(|r| u64::from(*r) == v) => None,
        _ => Some(ImportProblem::UnknownVersion {
            found: header
                .format_version
                .map_or_else(|| "(none)".to_owned(), |v| one_line(&v.to_string())),
        }),
    }
}

fn not_candour(format: Option<&str>) -> ImportProblem {
    ImportProblem::NotCandour {
        found: match format {
            Some(other) => FoundInstead::OtherFormat(one_line(other)),
            None => FoundInstead::NoFormatField {
                expected: FORMAT_NAME,
            },
        },
    }
}

fn syntax_problem(e: &serde_json::Error) -> ImportProblem {
    match e.classify() {
        Category::Eof => ImportProblem::CutShort {
            line: e.line(),
            column: e.column(),
        },
        _ => ImportProblem::NotJson {
            detail: detail(e),
            line: e.line(),
            column: e.column(),
        },
    }
}

/// serde_json's message without its trailing " at line L column C", which
/// the problem states itself.
fn detail(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).unwrap_or(&full).to_owned()
}

/// A value quoted from the file, kept short and on one line.
fn one_line(s: &str) -> String {
    crate::text::one_line(s, 80)
}
