//! Finding an item's hard words in its question text, so the screen can
//! mark each one where it stands and explain it on tap.

use std::ops::Range;

/// Where a hard word stands in a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermSpan {
    /// Byte range of the word in the question text.
    pub range: Range<usize>,
    /// Index of the glossary entry it belongs to.
    pub entry: usize,
}

/// The first whole-word occurrence of `term` in `text`, matched without
/// regard to case ("Street heroin" finds "street heroin"), as a byte range.
pub fn find_term(text: &str, term: &str) -> Option<Range<usize>> {
    let term = term.trim();
    if term.is_empty() {
        return None;
    }
    let mut previous: Option<char> = None;
    for (start, c) in text.char_indices() {
        let at_word_start = !previous.is_some_and(char::is_alphanumeric);
        previous = Some(c);
        if !at_word_start {
            continue;
        }
        if let Some(end) = match_at(text, start, term) {
            let next = text[end..].chars().next();
            if !next.is_some_and(char::is_alphanumeric) {
                return Some(start..end);
            }
        }
    }
    None
}

/// The end of `term` if it stands at `start` in `text` (ignoring case).
fn match_at(text: &str, start: usize, term: &str) -> Option<usize> {
    let mut rest = text[start..].char_indices();
    let mut end = start;
    for wanted in term.chars() {
        let (offset, got) = rest.next()?;
        if !got.to_lowercase().eq(wanted.to_lowercase()) {
            return None;
        }
        end = start + offset + got.len_utf8();
    }
    Some(end)
}

/// Where each of `terms` stands in `text`, in reading order and never
/// overlapping (a later term inside an earlier one is left out). Terms not
/// found are absent: the screen offers those apart from the text.
pub fn term_spans(text: &str, terms: &[&str]) -> Vec<TermSpan> {
    let mut found: Vec<TermSpan> = terms
        .iter()
        .enumerate()
        .filter_map(|(entry, term)| find_term(text, term).map(|range| TermSpan { range, entry }))
        .collect();
    found.sort_by_key(|s| (s.range.start, std::cmp::Reverse(s.range.end)));
    let mut kept: Vec<TermSpan> = Vec::with_capacity(found.len());
    for span in found {
        if kept
            .last()
            .is_none_or(|last| span.range.start >= last.range.end)
        {
            kept.push(span);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_whatever_their_case() {
        let text = "On how many days did you use street heroin?";
        let range = find_term(text, "Street heroin").expect("found");
        assert_eq!(&text[range], "street heroin");
        assert_eq!(find_term("crackers and crack", "crack"), Some(13..18));
        assert_eq!(find_term("crackers", "crack"), None, "not inside a word");
        assert_eq!(find_term("anything", " "), None);
    }

    #[test]
    fn works_on_accented_and_right_to_left_text() {
        let text = "Ĥöŵ ŵöûļð ýöû ŕåţé ýöûŕ þĥýšîçåļ ĥéåļţĥ?";
        let range = find_term(text, "þĥýšîçåļ ĥéåļţĥ").expect("found");
        assert_eq!(&text[range], "þĥýšîçåļ ĥéåļţĥ");
        let arabic = "كم يوما استخدمت الهيروين من الشارع؟";
        let range = find_term(arabic, "الهيروين من الشارع").expect("found");
        assert_eq!(&arabic[range], "الهيروين من الشارع");
    }

    #[test]
    fn spans_in_reading_order_without_overlap() {
        let text = "Your physical health and your mental health";
        let spans = term_spans(
            text,
            &["mental health", "physical health", "health", "absent"],
        );
        let words: Vec<(&str, usize)> = spans
            .iter()
            .map(|s| (&text[s.range.clone()], s.entry))
            .collect();
        assert_eq!(
            words,
            vec![("physical health", 1), ("mental health", 0)],
            "'health' lies inside 'physical health', which starts first"
        );
    }
}
