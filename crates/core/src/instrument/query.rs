//! Questions asked of an instrument: an item by variable, its section and
//! group, its full wording, and the shape of its scale.

use super::{Group, Instrument, Item, ItemKind, Section};
use crate::text::Text;

impl ItemKind {
    /// The highest point of a 0-to-n number scale (10 or 20), `None` for
    /// other formats.
    pub fn scale_max(&self) -> Option<i64> {
        match self {
            ItemKind::Scale010 { .. } => Some(10),
            ItemKind::Scale020 { .. } => Some(20),
            _ => None,
        }
    }

    /// The worded ends of a 0-to-n number scale, `None` for other formats.
    pub fn scale_ends(&self) -> Option<(&Text, &Text)> {
        match self {
            ItemKind::Scale010 {
                low_label,
                high_label,
            }
            | ItemKind::Scale020 {
                low_label,
                high_label,
            } => Some((low_label, high_label)),
            _ => None,
        }
    }
}

impl Instrument {
    /// The group an item is shown with, if it names one of its section.
    pub fn group_of(&self, item: &Item) -> Option<&Group> {
        let id = item.group.as_deref()?;
        self.section_of(&item.variable)?
            .groups
            .iter()
            .find(|g| g.id == id)
    }

    /// The item's full wording in `locale`: its group's heading and its own
    /// text when it is shown in a group ("In the last 4 weeks, how much do
    /// you agree with each of these? Staff listen to me."), otherwise its
    /// text. The codebook and the syntax labels use it, so that an item
    /// whose text leans on its screen's heading still reads whole.
    pub fn wording(&self, item: &Item, locale: &str) -> String {
        let text = item.text.get(locale, &self.locale);
        match self.group_of(item) {
            Some(group) => format!("{} {text}", group.heading.get(locale, &self.locale)),
            None => text.to_owned(),
        }
    }

    /// The item with this variable name, if any.
    pub fn item(&self, variable: &str) -> Option<&Item> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter())
            .find(|i| i.variable == variable)
    }

    /// The section holding the item with this variable name, if any.
    pub fn section_of(&self, variable: &str) -> Option<&Section> {
        self.sections
            .iter()
            .find(|s| s.items.iter().any(|i| i.variable == variable))
    }
}
