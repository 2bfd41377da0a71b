//! Readability: a Flesch–Kincaid grade level for the texts a participant reads.
//!
//! The instrument aims at a reading age of 9 to 11 (about US grade 4 to 6), so
//! every text shown to a participant is checked against a grade limit by a
//! test. The syllable count is an English heuristic, good enough to flag a
//! long word or a long sentence; it is not a dictionary.
//!
//! ```
//! use candour_testkit::readability::{flesch_kincaid_grade, syllables};
//!
//! assert_eq!(syllables("table"), 2);
//! assert!(flesch_kincaid_grade("Staff treat me with respect.") < 6.0);
//! ```

/// Characters that end a sentence.
const TERMINATORS: [char; 3] = ['.', '!', '?'];

/// Characters that may close a sentence after its terminator, e.g. `"Stop."`
/// or `(see below.)`.
const CLOSERS: [char; 5] = ['"', '\'', ')', ']', '\u{201D}'];

/// Word endings counted as a syllable of their own, stripped before the rest
/// of the word is counted (so that the silent e of "careful" or "lately" is
/// still silent).
const SUFFIXES: [&str; 5] = ["ment", "ness", "less", "ful", "ly"];

/// Word beginnings of compounds, with their syllables, counted apart so that
/// the silent e of "someone" or the "yo" of "anyone" are not misread.
const PREFIXES: [(&str, usize); 3] = [("some", 1), ("any", 2), ("every", 2)];

/// Words the rules miscount, mostly where two vowels side by side are two
/// syllables ("he-ro-in", "i-de-a", "qui-et").
const EXCEPTIONS: [(&str, usize); 12] = [
    ("heroin", 3),
    ("idea", 3),
    ("ideas", 3),
    ("area", 3),
    ("areas", 3),
    ("quiet", 2),
    ("diet", 2),
    ("client", 2),
    ("clients", 2),
    ("science", 2),
    ("create", 2),
    ("created", 3),
];

/// Vowel pairs read as two syllables ("di-a", "pe-ri-od", "u-su-al"), each
/// with the letters before it that make it one syllable instead ("social",
/// "nation", "equal").
const HIATUS: [(&str, &str); 3] = [("ia", "cts"), ("io", "tscxglnh"), ("ua", "qg")];

/// The number of syllables of one word, by an English heuristic.
///
/// - Letters are counted by vowel groups (`a e i o u`, and `y` except as the
///   first letter), less a silent final `e` ("make"), a silent `-ed` ("used",
///   but not "wanted") and a silent `-es` ("rules", but not "doses"); a
///   consonant + `le` ending keeps its syllable ("table").
/// - Common suffixes ("-ly", "-ment", "-ful", "-less", "-ness") and the
///   compound beginnings "some", "any" and "every" are counted apart.
/// - Some vowel pairs are two syllables ("media", "period", "usual"), and a
///   short list of words the rules miscount ("heroin", "idea") is looked up.
/// - A letter run with no vowel at all is read letter by letter ("GP" = 2).
/// - Apostrophes are dropped ("don't" = 1). Other marks (hyphens, slashes,
///   currency signs) split the word into parts whose syllables are added.
/// - A run of digits counts one syllable per digit ("28" = 2), a rough stand-in
///   for the spoken number.
///
/// Every part with a letter or digit counts at least 1; a string with no letter
/// or digit at all has 0 syllables.
pub fn syllables(word: &str) -> usize {
    let mut total = 0;
    let mut letters = String::new();
    let mut digits = 0usize;
    let flush = |letters: &mut String, digits: &mut usize, total: &mut usize| {
        if !letters.is_empty() {
            *total += letter_syllables(&letters.to_lowercase());
            letters.clear();
        }
        *total += *digits;
        *digits = 0;
    };
    for c in word.chars() {
        if is_apostrophe(c) {
            continue;
        }
        if c.is_alphabetic() {
            if digits > 0 {
                flush(&mut letters, &mut digits, &mut total);
            }
            letters.push(c);
        } else if c.is_numeric() {
            if !letters.is_empty() {
                flush(&mut letters, &mut digits, &mut total);
            }
            digits += 1;
        } else {
            flush(&mut letters, &mut digits, &mut total);
        }
    }
    flush(&mut letters, &mut digits, &mut total);
    total
}

/// The Flesch–Kincaid grade level of a text:
/// `0.39 × (words / sentences) + 11.8 × (syllables / words) − 15.59`.
///
/// Words are the whitespace-separated tokens holding a letter or digit
/// (so "one-way" is one word). A sentence ends at `.`, `!` or `?` at the end
/// of a word (a decimal point inside "2.50" ends nothing); words after the
/// last terminator, or a text with no terminator, make one more sentence.
/// A text with no words has grade 0. Very short, simple texts can score below
/// zero.
pub fn flesch_kincaid_grade(text: &str) -> f64 {
    let mut words = 0usize;
    let mut syllable_count = 0usize;
    let mut sentences = 0usize;
    let mut open_sentence = false;
    for token in text.split_whitespace() {
        if is_word(token) {
            words += 1;
            syllable_count += syllables(token);
            open_sentence = true;
        }
        if ends_sentence(token) && open_sentence {
            sentences += 1;
            open_sentence = false;
        }
    }
    if open_sentence {
        sentences += 1;
    }
    if words == 0 {
        return 0.0;
    }
    let words = words as f64;
    0.39 * (words / sentences as f64) + 11.8 * (syllable_count as f64 / words) - 15.59
}

/// The sentences of a text, trimmed, in order, split where
/// [`flesch_kincaid_grade`] counts a sentence end. Pieces with no word are
/// dropped.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut has_word = false;
    for token in text.split_whitespace() {
        current.push(token);
        has_word |= is_word(token);
        if ends_sentence(token) && has_word {
            out.push(current.join(" "));
            current.clear();
            has_word = false;
        }
    }
    if has_word {
        out.push(current.join(" "));
    }
    out
}

/// True for a token holding at least one letter or digit.
fn is_word(token: &str) -> bool {
    token.chars().any(|c| c.is_alphanumeric())
}

/// True for a token whose last mark, before any closing quote or bracket, is
/// a sentence terminator.
fn ends_sentence(token: &str) -> bool {
    token
        .trim_end_matches(|c| CLOSERS.contains(&c))
        .ends_with(|c| TERMINATORS.contains(&c))
}

/// Straight and curly apostrophes, dropped inside words.
fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// True for a vowel letter (`y` is handled by position in [`vowel_groups`]).
fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u')
}

/// Syllables of a lowercase run of letters.
fn letter_syllables(word: &str) -> usize {
    let chars: Vec<char> = word.chars().collect();
    if chars.is_empty() {
        return 0;
    }
    // No vowel at all: an abbreviation read letter by letter ("gp", "nhs").
    if chars.len() > 1 && !chars.iter().any(|&c| is_vowel(c) || c == 'y') {
        return chars.len();
    }
    if let Some((_, count)) = EXCEPTIONS.iter().find(|(w, _)| *w == word) {
        return *count;
    }
    for (prefix, count) in PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix) {
            if rest.len() >= 3 {
                return count + letter_syllables(rest);
            }
        }
    }
    for suffix in SUFFIXES {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return letter_syllables(stem) + 1;
            }
        }
    }
    stem_syllables(&chars)
}

/// Syllables of a word with no suffix handled: vowel groups less silent endings.
fn stem_syllables(chars: &[char]) -> usize {
    let n = chars.len();
    let mut count = vowel_groups(chars) + hiatus(chars);
    let at = |i: usize| chars.get(i).copied().unwrap_or(' ');
    let consonant = |i: usize| {
        let c = at(i);
        c.is_alphabetic() && !is_vowel(c) && c != 'y'
    };
    if count > 1 && n >= 3 {
        let last = at(n - 1);
        let before = at(n - 2);
        if last == 'e' {
            // Silent final e ("make", "there"), but not consonant + "le"
            // ("table") nor "ee" ("agree") nor a vowel + e ("argue").
            let le_syllable = before == 'l' && consonant(n - 3);
            if consonant(n - 2) && !le_syllable {
                count -= 1;
            }
        } else if last == 'd' && before == 'e' && consonant(n - 3) {
            // Silent "-ed" ("used", "listened"), except after t or d ("wanted").
            if !matches!(at(n - 3), 't' | 'd') {
                count -= 1;
            }
        } else if last == 's' && before == 'e' && consonant(n - 3) {
            // Silent "-es" ("rules"), except after a hissing sound ("doses",
            // "changes", "places", "boxes", "watches", "wishes").
            let c3 = at(n - 3);
            let hissing = matches!(c3, 's' | 'x' | 'z' | 'c' | 'g')
                || (c3 == 'h' && matches!(n.checked_sub(4).map_or(' ', at), 'c' | 's'));
            if !hissing {
                count -= 1;
            }
        }
    }
    // A vowel before "-ing" is its own syllable ("going", "being", "saying").
    if n >= 4 && chars[n - 3..] == ['i', 'n', 'g'] {
        let c = at(n - 4);
        if is_vowel(c) || c == 'y' {
            count += 1;
        }
    }
    count.max(1)
}

/// The number of vowel pairs inside a vowel group that are read as two
/// syllables (see [`HIATUS`]).
fn hiatus(chars: &[char]) -> usize {
    chars
        .windows(3)
        .filter(|w| {
            HIATUS.iter().any(|(pair, before)| {
                let mut p = pair.chars();
                p.next() == Some(w[1]) && p.next() == Some(w[2]) && !before.contains(w[0])
            })
        })
        .count()
}

/// The number of groups of adjacent vowels; `y` is a vowel except as the
/// first letter ("yes" has one group, "every" three).
fn vowel_groups(chars: &[char]) -> usize {
    let mut groups = 0;
    let mut in_group = false;
    for (i, &c) in chars.iter().enumerate() {
        let vowel = is_vowel(c) || (c == 'y' && i > 0);
        if vowel && !in_group {
            groups += 1;
        }
        in_group = vowel;
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_words() {
        let cases = [
            ("the", 1),
            ("a", 1),
            ("table", 2),
            ("people", 2),
            ("treatment", 2),
            ("supervised", 3),
            ("make", 1),
            ("rules", 1),
            ("doses", 2),
            ("changes", 2),
            ("used", 1),
            ("wanted", 2),
            ("listened", 2),
            ("agree", 2),
            ("disagree", 3),
            ("yes", 1),
            ("year", 1),
            ("money", 2),
            ("going", 2),
            ("someone", 2),
            ("sometimes", 2),
            ("lately", 2),
            ("careful", 2),
            ("question", 2),
            ("information", 4),
            ("clinic", 2),
            ("while", 1),
            ("argue", 2),
            ("Staff", 1),
            ("anyone", 3),
            ("everything", 3),
            ("heroin", 3),
            ("Heroin", 3),
            ("usual", 3),
            ("actual", 3),
            ("equal", 2),
            ("media", 3),
            ("social", 2),
            ("period", 3),
            ("serious", 3),
            ("nation", 2),
            ("million", 2),
            ("fashion", 2),
            ("language", 2),
            ("diamorphine", 4),
            ("methadone", 3),
            ("overdose", 3),
            ("cocaine", 2),
        ];
        for (word, expected) in cases {
            assert_eq!(syllables(word), expected, "{word}");
        }
    }

    #[test]
    fn every_is_two_or_three() {
        assert!((2..=3).contains(&syllables("every")));
    }

    #[test]
    fn apostrophes_digits_and_marks() {
        assert_eq!(syllables("don't"), 1);
        assert_eq!(syllables("Don\u{2019}t"), 1);
        assert_eq!(syllables("28"), 2);
        assert_eq!(syllables("0-10"), 3);
        assert_eq!(syllables("one-way"), 2);
        assert_eq!(syllables("GP"), 2);
        assert_eq!(syllables("(well)"), 1);
        assert_eq!(syllables("\u{a3}2.50"), 3);
        assert_eq!(syllables(""), 0);
        assert_eq!(syllables("--"), 0);
    }

    #[test]
    fn every_part_counts_at_least_one() {
        assert_eq!(syllables("hmm"), 3);
        assert_eq!(syllables("x"), 1);
        assert_eq!(syllables("by"), 1);
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn empty_text_is_grade_zero() {
        assert_eq!(flesch_kincaid_grade(""), 0.0);
        assert_eq!(flesch_kincaid_grade("  ... ?! "), 0.0);
    }

    #[test]
    fn text_without_terminator_is_one_sentence() {
        // 3 words, 3 syllables, 1 sentence.
        let expected = 0.39 * 3.0 + 11.8 * 1.0 - 15.59;
        assert!(close(flesch_kincaid_grade("the cat sat"), expected));
        assert!(close(flesch_kincaid_grade("The cat sat."), expected));
    }

    #[test]
    fn known_passage() {
        // 13 words, 2 sentences, 16 syllables:
        // The(1) cat(1) sat(1) on(1) the(1) mat(1). = 6 words, 6 syllables
        // It(1) was(1) a(1) very(2) happy(2) little(2) cat(1)! = 7 words, 10 syllables
        let text = "The cat sat on the mat. It was a very happy little cat!";
        let expected = 0.39 * (13.0 / 2.0) + 11.8 * (16.0 / 13.0) - 15.59;
        assert!(close(flesch_kincaid_grade(text), expected));
        // About grade 1.5: a text for young children.
        assert!((flesch_kincaid_grade(text) - 1.47).abs() < 0.01);
    }

    #[test]
    fn hard_text_scores_higher_than_easy_text() {
        let easy = "Staff treat me with respect.";
        let hard = "Pharmacological interventions necessitate comprehensive \
                    multidisciplinary evaluation.";
        assert!(flesch_kincaid_grade(easy) < 6.0);
        assert!(flesch_kincaid_grade(hard) > 12.0);
    }

    #[test]
    fn decimal_point_does_not_end_a_sentence() {
        assert_eq!(
            sentences("It costs \u{a3}2.50 a day. That is a lot"),
            vec![
                "It costs \u{a3}2.50 a day.".to_string(),
                "That is a lot".to_string()
            ]
        );
    }

    #[test]
    fn repeated_terminators_and_closing_quotes_end_one_sentence() {
        assert_eq!(
            sentences("Stop?! \"Go.\" Now"),
            vec!["Stop?!", "\"Go.\"", "Now"]
        );
        // 3 sentences of one word each.
        let expected = 0.39 * 1.0 + 11.8 * 1.0 - 15.59;
        assert!(close(flesch_kincaid_grade("Stop?! \"Go.\" Now"), expected));
    }
}
