//! The modules of the analysis crate form layers: no module uses, through any
//! chain of others, a module that uses it.
#![cfg(not(target_arch = "wasm32"))]

use candour_testkit::module_graph::{loops, module_graph};
use std::path::Path;

#[test]
fn no_module_of_the_analysis_crate_is_on_a_loop() {
    let graph = module_graph(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(graph.len() > 10, "the sources were read: {graph:?}");
    assert_eq!(loops(&graph), Vec::<Vec<String>>::new());
}
