//! Pseudo-localisation: English made visibly foreign and about 40% longer,
//! e.g. "Start a new survey" becomes "[Šţåŕţ å ñéŵ šûŕṽéý ~~~~~]".
//!
//! A screen shown in a pseudo-locale proves two things at a glance (and to a
//! test): any plain English left on it was written into a component instead
//! of coming from a locale file, and nothing breaks or overflows when a
//! translation is longer than the English, as most are. `{placeholders}` are
//! kept as they are, so filled-in values still work.

/// How much longer pseudo text is than its source, as most translations of
/// English are (German and French run 20 to 40% longer, short strings more).
const GROWTH: f64 = 0.4;

/// Longest run of padding characters before a space, so that padding wraps
/// like words do.
const PAD_WORD: usize = 6;

/// The accented form of an ASCII letter; anything else is kept.
fn accent(c: char) -> char {
    const LOWER: [char; 26] = [
        'å', 'ƀ', 'ç', 'ð', 'é', 'ƒ', 'ĝ', 'ĥ', 'î', 'ĵ', 'ķ', 'ļ', 'ɱ', 'ñ', 'ö', 'þ', 'ǫ', 'ŕ',
        'š', 'ţ', 'û', 'ṽ', 'ŵ', 'ẋ', 'ý', 'ž',
    ];
    const UPPER: [char; 26] = [
        'Å', 'Ɓ', 'Ç', 'Ð', 'É', 'Ƒ', 'Ĝ', 'Ĥ', 'Î', 'Ĵ', 'Ķ', 'Ļ', 'Ṁ', 'Ñ', 'Ö', 'Þ', 'Ǫ', 'Ŕ',
        'Š', 'Ţ', 'Û', 'Ṽ', 'Ŵ', 'Ẋ', 'Ý', 'Ž',
    ];
    match c {
        'a'..='z' => LOWER[c as usize - 'a' as usize],
        'A'..='Z' => UPPER[c as usize - 'A' as usize],
        _ => c,
    }
}

/// Every ASCII letter accented, `{placeholders}` left as they are, with no
/// brackets or padding: the form of a hard word, which must still be found
/// inside its pseudo-localised question.
pub fn accented(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut in_placeholder = false;
    for c in text.chars() {
        match c {
            '{' => in_placeholder = true,
            '}' => in_placeholder = false,
            _ => {}
        }
        out.push(if in_placeholder { c } else { accent(c) });
    }
    out
}

/// The pseudo-localised form of `text`: accented, in brackets (so cut-off
/// text shows) and padded with `~` to about 40% longer. Empty text stays
/// empty.
pub fn pseudo_localise(text: &str) -> String {
    if text.trim().is_empty() {
        return text.to_owned();
    }
    let length = text.chars().count();
    // Brackets and the space before the padding count towards the growth.
    let extra = (length as f64 * GROWTH).ceil() as usize;
    let tildes = extra.saturating_sub(3).max(1);
    let mut padding = String::new();
    for i in 0..tildes {
        if i > 0 && i % PAD_WORD == 0 {
            padding.push(' ');
        }
        padding.push('~');
    }
    format!("[{} {padding}]", accented(text))
}

/// True when `text` holds a run of two or more plain ASCII letters: a word
/// left in English. The tests of both pseudo-localisations (of a string
/// here, of an instrument in [`crate::instrument::pseudo_translation`])
/// judge their output by it.
#[cfg(test)]
pub(crate) fn has_english(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        if run >= 2 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudo_text_is_accented_bracketed_and_about_forty_percent_longer() {
        let p = pseudo_localise("Start a new survey");
        assert_eq!(p, "[Šţåŕţ å ñéŵ šûŕṽéý ~~~~~]");
        for source in [
            "Start a new survey",
            "Your answers are saved. Please hand the tablet back to a member of staff.",
            "Here are your answers. You can change any of them. When you are ready, press Send my answers.",
        ] {
            let p = pseudo_localise(source);
            let ratio = p.chars().count() as f64 / source.chars().count() as f64;
            assert!((1.35..=1.5).contains(&ratio), "{ratio} for {p}");
            assert!(!has_english(&p), "{p}");
        }
    }

    #[test]
    fn placeholders_and_empty_text_are_kept() {
        let p = pseudo_localise("Question {n} of {total}");
        assert!(p.contains("{n}") && p.contains("{total}"), "{p}");
        assert!(p.starts_with("[Ǫûéšţîöñ {n} öƒ {total}"), "{p}");
        assert_eq!(pseudo_localise(""), "");
        assert_eq!(pseudo_localise("  "), "  ");
    }

    #[test]
    fn short_text_grows_too_and_long_padding_wraps() {
        assert_eq!(pseudo_localise("Or"), "[Öŕ ~]");
        let long = pseudo_localise(&"word ".repeat(40));
        assert!(
            long.split(' ').all(|w| w.chars().count() <= PAD_WORD + 1),
            "{long}"
        );
    }
}
