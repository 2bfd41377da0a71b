//! Fixture files written by tests and kept in `tests/fixtures/`: a test
//! builds each file's text and checks that the committed copy is the same,
//! or rewrites it when `CANDOUR_UPDATE_GOLDEN` is set.

use std::path::PathBuf;

/// Checks (or, with `CANDOUR_UPDATE_GOLDEN` set, rewrites) each of `files`,
/// as name and text, in `tests/fixtures/<folder>/`.
pub fn check_fixture_files(folder: &str, files: &[(&str, String)]) {
    let dir: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "..",
        "tests",
        "fixtures",
        folder,
    ]
    .iter()
    .collect();
    for (name, text) in files {
        let path = dir.join(name);
        if std::env::var_os("CANDOUR_UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, text).expect("fixture written");
            continue;
        }
        let stored = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            &stored == text,
            "{} differs; rewrite it with CANDOUR_UPDATE_GOLDEN=1",
            path.display()
        );
    }
}
