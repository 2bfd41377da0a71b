//! Which module of a crate uses which, read from its source, and any loop
//! among them: the check that keeps the pure crates layered (a loop such as
//! locale → messages → pseudo → text → locale makes every change to one of
//! them a change to all).
//!
//! A module is a source file (`a/b.rs` or `a/b/mod.rs` is `a::b`). A use is
//! any `crate::…` or `super::…` path outside comments and `#[cfg(test)]`
//! modules, resolved to the longest module it names; `use a::{b, c::d}`
//! groups are expanded. The reading is textual, which is enough for code
//! formatted by rustfmt.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// For each module, the other modules of the crate it uses.
pub type ModuleGraph = BTreeMap<String, BTreeSet<String>>;

/// The module graph of the crate whose sources are under `src`.
pub fn module_graph(src: &Path) -> ModuleGraph {
    let mut files = Vec::new();
    collect_rust_files(src, &mut files);
    let modules: BTreeMap<String, PathBuf> = files
        .into_iter()
        .map(|file| (module_name(src, &file), file))
        .collect();
    let known: BTreeSet<&str> = modules.keys().map(String::as_str).collect();
    let mut graph = ModuleGraph::new();
    for (module, file) in &modules {
        let source = std::fs::read_to_string(file).expect("a readable source file");
        let parent: Vec<&str> = module.split("::").filter(|p| !p.is_empty()).collect();
        let parent = &parent[..parent.len().saturating_sub(1)];
        let uses = graph.entry(module.clone()).or_default();
        for path in used_paths(&code_only(&source)) {
            let absolute = match path.strip_prefix("super::") {
                Some(rest) => [parent.join("::"), rest.to_owned()]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("::"),
                None => path.trim_start_matches("crate::").to_owned(),
            };
            if let Some(target) = longest_module(&known, &absolute) {
                if target != module && !target.is_empty() {
                    uses.insert(target.to_owned());
                }
            }
        }
    }
    graph
}

/// Every loop in `graph`, each as the modules on it (strongly connected
/// components of more than one module), sorted.
pub fn loops(graph: &ModuleGraph) -> Vec<Vec<String>> {
    // Tarjan's algorithm; the graphs are small, so recursion is fine.
    struct Walk<'a> {
        graph: &'a ModuleGraph,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, v: &'a str) {
            let i = self.index.len();
            self.index.insert(v, i);
            self.low.insert(v, i);
            self.stack.push(v);
            for w in self.graph.get(v).into_iter().flatten() {
                let w = w.as_str();
                if !self.index.contains_key(w) {
                    self.visit(w);
                    let low = self.low[v].min(self.low[w]);
                    self.low.insert(v, low);
                } else if self.stack.contains(&w) {
                    let low = self.low[v].min(self.index[w]);
                    self.low.insert(v, low);
                }
            }
            if self.low[v] == self.index[v] {
                let mut component = Vec::new();
                while let Some(w) = self.stack.pop() {
                    component.push(w.to_owned());
                    if w == v {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut walk = Walk {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !walk.index.contains_key(v.as_str()) {
            walk.visit(v);
        }
    }
    walk.found.sort();
    walk.found
}

fn collect_rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).expect("a readable source folder");
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `a/b.rs` and `a/b/mod.rs` are `a::b`; `lib.rs` and `main.rs` are the root, "".
fn module_name(src: &Path, file: &Path) -> String {
    let relative = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The source without comments and without `#[cfg(test)]` modules, which
/// may use anything.
fn code_only(source: &str) -> String {
    let before_tests = source.split("#[cfg(test)]\nmod ").next().unwrap_or(source);
    before_tests
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every `crate::…` and `super::…` path, with `{…}` groups expanded.
fn used_paths(code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(at) = rest.find(start) {
            let preceded = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':');
            let tail = &rest[at..];
            if !preceded {
                expand(tail, &mut paths);
            }
            rest = &rest[at + start.len()..];
        }
    }
    paths
}

/// The path at the start of `tail`, or each path of its `{…}` group.
fn expand(tail: &str, out: &mut Vec<String>) {
    let head: String = tail
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
        .collect();
    let after = &tail[head.len()..];
    if head.ends_with("::") && after.starts_with('{') {
        let group = after[1..].split('}').next().unwrap_or_default();
        for member in group.split(',') {
            let member = member.split(" as ").next().unwrap_or_default().trim();
            let member = member.trim_start_matches("self");
            out.push(format!("{head}{member}").trim_end_matches(':').to_owned());
        }
    } else {
        out.push(head.trim_end_matches(':').to_owned());
    }
}

/// The longest known module that `path` starts with.
fn longest_module<'a>(known: &BTreeSet<&'a str>, path: &str) -> Option<&'a str> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .find_map(|n| known.get(parts[..n].join("::").as_str()).copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_expanded_and_aliases_dropped() {
        let mut out = Vec::new();
        expand("crate::a::{b, c::d as e, self};", &mut out);
        assert_eq!(out, ["crate::a::b", "crate::a::c::d", "crate::a"]);
    }

    #[test]
    fn a_loop_is_found_and_a_chain_is_not() {
        let edges = |list: &[(&str, &str)]| {
            let mut g = ModuleGraph::new();
            for (a, b) in list {
                g.entry(a.to_string()).or_default().insert(b.to_string());
                g.entry(b.to_string()).or_default();
            }
            g
        };
        let chain = edges(&[("a", "b"), ("b", "c")]);
        assert!(loops(&chain).is_empty());
        let looped = edges(&[
            ("locale", "messages"),
            ("messages", "text"),
            ("text", "locale"),
            ("x", "text"),
        ]);
        assert_eq!(loops(&looped), [["locale", "messages", "text"]]);
    }
}
