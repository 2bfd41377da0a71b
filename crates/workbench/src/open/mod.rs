//! Opening export files: the picker and drop zone, the list of open files
//! with what each holds or why it was refused, what verifying them found, the receipt for the tablet,
//! and what combining them did.

mod file_list;
mod picker;
mod receipt;
mod report;
mod verification;

pub use file_list::FileList;
pub use picker::Picker;
pub use receipt::ReceiptPanel;
pub use report::Report;
pub use verification::Verification;
