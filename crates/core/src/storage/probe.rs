//! The test write made before a survey starts: it proves, with a real
//! write, that the database can take both a draft and a finished record of
//! the questionnaire about to be answered. If it cannot, staff are told in
//! words and no survey starts.
//!
//! The two values are written to the journal table under keys no survey
//! uses, in one durable transaction, then deleted; a probe that a closed
//! page left behind is deleted at the next start-up
//! ([`crate::storage::plan::read_journal`]).

use crate::storage::records::{Table, Write};

/// Key prefix of probe values in the journal table (survey ids are UUIDs).
pub const PROBE_PREFIX: &str = "probe:";

/// Bytes allowed per item of the questionnaire, and for the rest of the
/// record: more than four times what a complete record of the default
/// questionnaire takes (5,503 bytes for 48 items, 115 per item), free text
/// at its longest included.
const BYTES_PER_ITEM: usize = 512;
const BYTES_BASE: usize = 2048;

/// The probe's writes and the writes that remove them again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Probe {
    /// A draft-sized and a record-sized value, written together.
    pub write: Vec<Write>,
    /// Their removal, once the write completed.
    pub remove: Vec<Write>,
}

/// The probe for a questionnaire of `items` items.
pub fn probe(items: usize) -> Probe {
    let size = BYTES_BASE + items * BYTES_PER_ITEM;
    let keys = [
        format!("{PROBE_PREFIX}draft"),
        format!("{PROBE_PREFIX}record"),
    ];
    Probe {
        write: keys
            .iter()
            .map(|key| Write::Put {
                table: Table::Journal,
                key: key.clone(),
                // Not compressible to nothing by a clever store.
                value: filler(size, key),
            })
            .collect(),
        remove: keys
            .into_iter()
            .map(|key| Write::Delete {
                table: Table::Journal,
                key,
            })
            .collect(),
    }
}

/// `size` bytes of text that vary, seeded by `seed`.
fn filler(size: usize, seed: &str) -> String {
    let mut state = seed.bytes().fold(0x9e37_79b9_7f4a_7c15u64, |h, b| {
        h.rotate_left(5) ^ u64::from(b)
    });
    (0..size)
        .map(|_| {
            // xorshift: cheap, and enough to defeat compression.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            char::from(b'!' + (state % 90) as u8)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_is_sized_for_the_questionnaire_and_removed_whole() {
        let p = probe(48);
        assert_eq!(p.write.len(), 2);
        for write in &p.write {
            let Write::Put { table, key, value } = write else {
                panic!("a put");
            };
            assert_eq!(*table, Table::Journal);
            assert!(key.starts_with(PROBE_PREFIX));
            assert_eq!(value.len(), 2048 + 48 * 512);
            assert!(value.len() > 4 * 5_503);
        }
        assert_eq!(
            p.remove,
            vec![
                Write::Delete {
                    table: Table::Journal,
                    key: "probe:draft".into()
                },
                Write::Delete {
                    table: Table::Journal,
                    key: "probe:record".into()
                },
            ]
        );
    }
}
