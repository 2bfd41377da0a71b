//! Named steps of long tasks (an export, start-up) left in the page's
//! performance timeline, so the benchmark can read how long each took from
//! outside, without any figure leaving the device.

use web_sys::Performance;

/// One step being timed; [`Step::end`] records it as a `performance.measure`.
pub struct Step {
    name: &'static str,
}

fn performance() -> Option<Performance> {
    web_sys::window().and_then(|w| w.performance())
}

impl Step {
    /// Starts timing the step `name` (for example `candour:export:read`).
    pub fn start(name: &'static str) -> Step {
        if let Some(p) = performance() {
            let _ = p.mark(&start_mark(name));
        }
        Step { name }
    }

    /// Records the step as a measure called by its name. Timing never fails
    /// the task it times, so errors are ignored.
    pub fn end(self) {
        if let Some(p) = performance() {
            let start = start_mark(self.name);
            let _ = p.measure_with_start_mark(self.name, &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}

fn start_mark(name: &str) -> String {
    format!("{name}:start")
}
