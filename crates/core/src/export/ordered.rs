//! A JSON object whose keys keep a chosen order.
//!
//! Answers are written in the order the instrument asks them, so that a
//! person opening the JSON reads `b1`, `b2`, ... `b10`, not the alphabetical
//! `b10`, `b1`, `b2` of a `BTreeMap`. Turning on serde_json's
//! `preserve_order` instead would change every map in the crate, including
//! the canonical form the instrument hash is computed from.

use serde::de::{DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

/// Values keyed by variable (or domain code), in a fixed order; serialised
/// as a JSON object with its keys in that order.
///
/// Keys are shared `Arc<str>`s: every record of an export names the same
/// fifty variables, and sharing one copy of each name instead of allocating
/// it per record is a large part of what makes 10,000 records fast.
#[derive(Debug, Clone, PartialEq)]
pub struct VariableMap<V>(pub Vec<(Arc<str>, V)>);

impl<V> Default for VariableMap<V> {
    fn default() -> Self {
        VariableMap(Vec::new())
    }
}

impl<V> VariableMap<V> {
    /// The value under `key`, if present (the first, should a key repeat).
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| &**k == key).map(|(_, v)| v)
    }

    /// The entries, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Looks keys up in a [`VariableMap`] in the order they are usually stored,
/// in constant time per key when the order matches and by a scan otherwise
/// (a hand-edited file), so writing 10,000 records stays linear.
pub struct Cursor<'m, V> {
    entries: &'m [(Arc<str>, V)],
    next: usize,
}

impl<'m, V> Cursor<'m, V> {
    /// A cursor at the start of `map`.
    pub fn new(map: &'m VariableMap<V>) -> Self {
        Cursor {
            entries: &map.0,
            next: 0,
        }
    }

    /// The value under `key`, if present.
    pub fn get(&mut self, key: &str) -> Option<&'m V> {
        if let Some((k, v)) = self.entries.get(self.next) {
            if &**k == key {
                self.next += 1;
                return Some(v);
            }
        }
        let at = self.entries.iter().position(|(k, _)| &**k == key)?;
        self.next = at + 1;
        Some(&self.entries[at].1)
    }
}

impl<V: Serialize> Serialize for VariableMap<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(&**k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for VariableMap<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = VariableMap<V>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object keyed by variable name")
            }

            // Repeated keys are kept, not overwritten, so that the import
            // check can name them instead of one answer vanishing.
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::with_capacity(access.size_hint().unwrap_or(0));
                while let Some(key) = access.next_key_seed(NameSeed)? {
                    entries.push((key, access.next_value()?));
                }
                Ok(VariableMap(entries))
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

/// Most names kept for sharing while reading; an instrument has about fifty
/// variables and a few domains, so this holds several instruments' worth and
/// bounds what a hostile file can make it keep.
const MAX_SHARED_NAMES: usize = 512;

/// Names met while reading, so that 10,000 records read from a file share
/// one copy of each variable name (as records built on the device do)
/// instead of allocating and later freeing a million small strings.
#[derive(Default)]
struct Names {
    names: Vec<Arc<str>>,
    /// Where the next name usually is: records list names in one order.
    next: usize,
}

impl Names {
    fn share(&mut self, key: &str) -> Arc<str> {
        let at = match self.names.get(self.next) {
            Some(name) if &**name == key => Some(self.next),
            _ => self.names.iter().position(|name| &**name == key),
        };
        if let Some(at) = at {
            self.next = at + 1;
            return Arc::clone(&self.names[at]);
        }
        let name: Arc<str> = Arc::from(key);
        if self.names.len() < MAX_SHARED_NAMES {
            self.names.push(Arc::clone(&name));
            self.next = self.names.len();
        }
        name
    }
}

thread_local! {
    static NAMES: RefCell<Names> = RefCell::new(Names::default());
}

/// Reads a map key as a shared name.
struct NameSeed;

impl<'de> DeserializeSeed<'de> for NameSeed {
    type Value = Arc<str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Arc<str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for NameSeed {
    type Value = Arc<str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a variable name")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Arc<str>, E> {
        // A failed borrow (never expected: nothing here re-enters) only
        // loses the sharing, not the name.
        Ok(NAMES
            .try_with(|names| match names.try_borrow_mut() {
                Ok(mut names) => names.share(v),
                Err(_) => Arc::from(v),
            })
            .unwrap_or_else(|_| Arc::from(v)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_repeats() {
        let map: VariableMap<i64> =
            serde_json::from_str(r#"{"b2":2,"b10":10,"b1":1,"b2":3}"#).expect("parses");
        assert_eq!(map.len(), 4);
        assert_eq!(map.get("b2"), Some(&2));
        assert_eq!(
            serde_json::to_string(&map).expect("writes"),
            r#"{"b2":2,"b10":10,"b1":1,"b2":3}"#
        );
    }

    #[test]
    fn names_read_are_shared() {
        let a: VariableMap<i64> = serde_json::from_str(r#"{"x1":1,"x2":2}"#).expect("parses");
        let b: VariableMap<i64> = serde_json::from_str(r#"{"x2":3,"x1":4}"#).expect("parses");
        assert!(Arc::ptr_eq(&a.0[0].0, &b.0[1].0));
        assert!(Arc::ptr_eq(&a.0[1].0, &b.0[0].0));
        let escaped: VariableMap<i64> = serde_json::from_str(r#"{"x\u0031":5}"#).expect("parses");
        assert_eq!(&*escaped.0[0].0, "x1");
    }

    #[test]
    fn cursor_finds_keys_in_and_out_of_order() {
        let map = VariableMap(vec![("a".into(), 1), ("b".into(), 2), ("c".into(), 3)]);
        let mut cursor = Cursor::new(&map);
        assert_eq!(cursor.get("a"), Some(&1));
        assert_eq!(cursor.get("c"), Some(&3));
        assert_eq!(cursor.get("b"), Some(&2));
        assert_eq!(cursor.get("z"), None);
        assert_eq!(cursor.get("c"), Some(&3));
    }
}
