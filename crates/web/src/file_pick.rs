//! Reading the files a person picked in an `<input type="file">`, as
//! (name, bytes), with `Blob.arrayBuffer()`. Each file is read on its own,
//! so one that cannot be read never keeps the others from being used.

use candour_core::messages::Messages;
use js_sys::Uint8Array;
use thiserror::Error;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FileList, HtmlInputElement};

/// Files larger than this are not read: an export of 10,000 records is a
/// few tens of megabytes, and reading a far larger file by mistake (a
/// video) could exhaust the tablet's memory.
pub const MAX_BYTES: f64 = 200_000_000.0;

/// Why a picked file, or the list of picked files, could not be read.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum PickError {
    /// The browser gave no list of files.
    #[error("The browser did not give the list of picked files.")]
    NoFileList,
    /// Larger than [`MAX_BYTES`].
    #[error("The file \"{name}\" is {megabytes} MB, larger than this tablet can read safely.")]
    TooLarge {
        /// The file's name.
        name: String,
        /// Its size in whole megabytes.
        megabytes: u64,
    },
    /// The browser refused to read it (moved, deleted, no permission).
    #[error("The file \"{name}\" could not be read ({reason}).")]
    Unreadable {
        /// The file's name.
        name: String,
        /// The browser's words.
        reason: String,
    },
    /// The browser refused to read it and gave no words of its own.
    #[error("The file \"{name}\" could not be read (the browser refused).")]
    Refused {
        /// The file's name.
        name: String,
    },
}

impl PickError {
    /// The error as the researcher reads it, in the app's locale.
    pub fn in_words(&self, m: &Messages) -> String {
        match self {
            PickError::NoFileList => m.get("researcher.pick_no_list").to_owned(),
            PickError::TooLarge { name, megabytes } => m.fill(
                "researcher.pick_too_large",
                &[("file", name), ("megabytes", &megabytes.to_string())],
            ),
            PickError::Unreadable { name, reason } => m.fill(
                "researcher.pick_unreadable",
                &[("file", name), ("reason", reason)],
            ),
            PickError::Refused { name } => m.fill(
                "researcher.pick_unreadable",
                &[("file", name), ("reason", m.get("researcher.pick_refused"))],
            ),
        }
    }
}

/// The picked files of `input`, in order, each as its name and its bytes
/// or the reason it could not be read. Fails only when there is no list.
pub async fn read_picked(
    input: &HtmlInputElement,
) -> Result<Vec<(String, Result<Vec<u8>, PickError>)>, PickError> {
    let list = input.files().ok_or(PickError::NoFileList)?;
    let mut out = Vec::new();
    for file in files_of(&list) {
        let name = file.name();
        let bytes = read_file(&file, &name).await;
        out.push((name, bytes));
    }
    Ok(out)
}

/// The files of a list (from a file input or a drop), collected at once:
/// the list is live and changes if the input is reset.
pub fn files_of(list: &FileList) -> Vec<File> {
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The bytes of one file, read on its own so that the caller can take a
/// step (and report progress) between files.
pub async fn read_file(file: &File, name: &str) -> Result<Vec<u8>, PickError> {
    if file.size() > MAX_BYTES {
        return Err(PickError::TooLarge {
            name: name.to_owned(),
            megabytes: (file.size() / 1_000_000.0) as u64,
        });
    }
    let unreadable = |e: wasm_bindgen::JsValue| {
        let reason = e
            .dyn_ref::<web_sys::DomException>()
            .map(|d| d.message())
            .or_else(|| e.as_string());
        match reason {
            Some(reason) => PickError::Unreadable {
                name: name.to_owned(),
                reason,
            },
            None => PickError::Refused {
                name: name.to_owned(),
            },
        }
    };
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(unreadable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
