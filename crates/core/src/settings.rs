//! Device settings that staff or researchers set and participants never see.
//!
//! Every field has a default (`#[serde(default)]`), so settings stored by an
//! older version still load; the reading and display fields are also read
//! leniently, so one unreadable value (a hand edit, a newer version's choice)
//! falls back to its default instead of losing every other setting.

use serde::{Deserialize, Deserializer, Serialize};

/// Settings kept on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Label of this tablet, stored in every record, e.g. "Clinic A, tablet 2".
    pub device_label: String,
    /// Code of the service this tablet collects for, stored in every record
    /// beside the label (see [`crate::service_code`]); empty when none is
    /// set. Read it through [`Settings::service_code`].
    #[serde(deserialize_with = "lenient")]
    pub service_code: String,
    /// Seconds without a touch before "Are you still there?" is asked.
    pub idle_seconds: u32,
    /// Seconds "Are you still there?" waits before the draft is kept as a
    /// partial record and the start screen returns.
    pub still_there_seconds: u32,
    /// Seconds the thank-you screen stays before it returns to the start.
    pub thanks_seconds: u32,
    /// Seconds without a touch before the unlocked researcher area locks.
    pub area_lock_seconds: u32,
    /// Name of the device voice that reads aloud (as the browser names it).
    /// Empty, or a voice the device no longer has or that does not speak
    /// the survey's language: the device's usual voice for that language.
    #[serde(deserialize_with = "lenient")]
    pub voice: String,
    /// Speed of reading aloud, 1.0 being the voice's normal speed. Read it
    /// through [`Settings::speech_rate`], which keeps it in a usable range.
    #[serde(deserialize_with = "lenient_rate")]
    pub speech_rate: f32,
    /// Read each participant screen aloud as soon as it shows.
    #[serde(deserialize_with = "lenient")]
    pub auto_read: bool,
    /// The text size each survey starts with; the participant can change it.
    #[serde(deserialize_with = "lenient")]
    pub text_size: TextSize,
    /// The colours each survey starts with; the participant can change them.
    #[serde(deserialize_with = "lenient")]
    pub theme: Theme,
}

/// Slowest and fastest reading speeds offered: slower than half speed or
/// faster than double is hard to follow on every voice we know.
pub const SPEECH_RATE_RANGE: (f32, f32) = (0.5, 2.0);

/// The default reading speed: a little slower than the voices' normal, which
/// is quick for someone who follows the words on screen as they are read.
pub const DEFAULT_SPEECH_RATE: f32 = 0.9;

impl Default for Settings {
    fn default() -> Self {
        Settings {
            device_label: String::new(),
            service_code: String::new(),
            idle_seconds: 180,
            still_there_seconds: 30,
            thanks_seconds: 15,
            area_lock_seconds: crate::researcher::area_lock::DEFAULT_AREA_LOCK_SECONDS,
            voice: String::new(),
            speech_rate: DEFAULT_SPEECH_RATE,
            auto_read: false,
            text_size: TextSize::default(),
            theme: Theme::default(),
        }
    }
}

impl Settings {
    /// The service code to store in new records: `None` when none is set,
    /// or when what is stored is not a valid code (a hand edit), which is
    /// then not copied into any record.
    pub fn service_code(&self) -> Option<String> {
        crate::service_code::is_service_code(&self.service_code).then(|| self.service_code.clone())
    }

    /// Seconds from the last touch until a draft counts as abandoned (see
    /// [`crate::idle`]).
    pub fn abandon_after_seconds(&self) -> u32 {
        self.idle_seconds.saturating_add(self.still_there_seconds)
    }

    /// These settings with the reading and display defaults (voice, speed,
    /// reading by itself, text size, colours) taken from `chosen`, and every
    /// other setting kept. The reading panel saves through this, so that it
    /// never writes back a tablet label or lock time it read before another
    /// panel changed them.
    pub fn with_reading_of(self, chosen: &Settings) -> Settings {
        Settings {
            voice: chosen.voice.clone(),
            speech_rate: chosen.speech_rate,
            auto_read: chosen.auto_read,
            text_size: chosen.text_size,
            theme: chosen.theme,
            ..self
        }
    }

    /// The reading speed, kept within [`SPEECH_RATE_RANGE`] (the default
    /// when the stored value is not a number).
    pub fn speech_rate(&self) -> f32 {
        let (slowest, fastest) = SPEECH_RATE_RANGE;
        if self.speech_rate.is_finite() {
            self.speech_rate.clamp(slowest, fastest)
        } else {
            DEFAULT_SPEECH_RATE
        }
    }
}

/// The three text sizes a participant can choose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    /// The app's usual size (18 px at the browser's default).
    #[default]
    Standard,
    /// About a fifth larger.
    Large,
    /// About half as large again.
    Largest,
}

impl TextSize {
    /// Every size, smallest first, as the choice shows them.
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Largest];

    /// The class put on the page's root element, which the stylesheet sizes.
    pub fn class(self) -> &'static str {
        match self {
            TextSize::Standard => "text-standard",
            TextSize::Large => "text-large",
            TextSize::Largest => "text-largest",
        }
    }

    /// The key of its name in the locale files.
    pub fn message_key(self) -> &'static str {
        match self {
            TextSize::Standard => "display.size_standard",
            TextSize::Large => "display.size_large",
            TextSize::Largest => "display.size_largest",
        }
    }
}

/// The colour themes a participant can choose.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Dark text on white (already AA, mostly AAA).
    #[default]
    Standard,
    /// Light text on black with yellow accents: every text at least 7:1
    /// (WCAG AAA), for people who see poorly or are dazzled by white.
    HighContrast,
}

impl Theme {
    /// Every theme, as the choice shows them.
    pub const ALL: [Theme; 2] = [Theme::Standard, Theme::HighContrast];

    /// The class put on the page's root element, which the stylesheet colours.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Standard => "theme-standard",
            Theme::HighContrast => "theme-contrast",
        }
    }

    /// The key of its name in the locale files.
    pub fn message_key(self) -> &'static str {
        match self {
            Theme::Standard => "display.theme_standard",
            Theme::HighContrast => "display.theme_contrast",
        }
    }
}

/// Reads a value, or its default when the stored one cannot be read as it.
fn lenient<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    // Any well-formed value is first taken as it is, then converted; only a
    // broken document (which serde would refuse anyway) is still an error.
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(T::deserialize(value).unwrap_or_default())
}

/// Reads the speech rate, or the default rate (not 0) when unreadable.
fn lenient_rate<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f32, D::Error> {
    let value = serde_json::Value::deserialize(deserializer)?;
    Ok(f32::deserialize(value).unwrap_or(DEFAULT_SPEECH_RATE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_from_an_older_version_still_load_with_reading_defaults() {
        let old = r#"{"device_label":"Clinic A","idle_seconds":60,"still_there_seconds":30,"thanks_seconds":15}"#;
        let s: Settings = serde_json::from_str(old).expect("old settings load");
        assert_eq!(s.device_label, "Clinic A");
        assert_eq!(s.idle_seconds, 60);
        assert_eq!(s.area_lock_seconds, 300, "the area locks after 5 minutes");
        assert_eq!(s.voice, "");
        assert!(!s.auto_read);
        assert_eq!(s.text_size, TextSize::Standard);
        assert_eq!(s.theme, Theme::Standard);
        assert_eq!(s.speech_rate(), DEFAULT_SPEECH_RATE);
    }

    #[test]
    fn an_unreadable_reading_value_falls_back_alone() {
        let odd = r#"{"device_label":"Clinic B","text_size":"enormous","theme":7,"auto_read":"yes","speech_rate":"fast","voice":null}"#;
        let s: Settings = serde_json::from_str(odd).expect("still loads");
        assert_eq!(s.device_label, "Clinic B", "the other settings are kept");
        assert_eq!(s.text_size, TextSize::Standard);
        assert_eq!(s.theme, Theme::Standard);
        assert!(!s.auto_read);
        assert_eq!(s.speech_rate, DEFAULT_SPEECH_RATE);
        assert_eq!(s.voice, "");
    }

    #[test]
    fn the_service_code_is_used_only_when_valid() {
        let s: Settings = serde_json::from_str(r#"{"service_code":"MBRO-HAT"}"#).expect("loads");
        assert_eq!(s.service_code(), Some("MBRO-HAT".into()));
        for odd in [
            r#"{"service_code":"not a code"}"#,
            r#"{"service_code":7}"#,
            "{}",
        ] {
            let s: Settings = serde_json::from_str(odd).expect("loads");
            assert_eq!(s.service_code(), None, "{odd}");
        }
    }

    #[test]
    fn settings_round_trip() {
        let s = Settings {
            voice: "Samantha".into(),
            speech_rate: 1.2,
            auto_read: true,
            text_size: TextSize::Largest,
            theme: Theme::HighContrast,
            ..Settings::default()
        };
        let json = serde_json::to_string(&s).expect("serialises");
        assert!(json.contains(r#""text_size":"largest""#), "{json}");
        assert!(json.contains(r#""theme":"high_contrast""#), "{json}");
        assert_eq!(serde_json::from_str::<Settings>(&json).expect("loads"), s);
    }

    #[test]
    fn the_reading_speed_stays_usable() {
        let at = |speech_rate| {
            Settings {
                speech_rate,
                ..Settings::default()
            }
            .speech_rate()
        };
        assert_eq!(at(0.1), 0.5);
        assert_eq!(at(9.0), 2.0);
        assert_eq!(at(f32::NAN), DEFAULT_SPEECH_RATE);
        assert_eq!(at(1.1), 1.1);
    }

    #[test]
    fn classes_and_names_are_distinct() {
        let sizes: std::collections::HashSet<_> = TextSize::ALL.iter().map(|t| t.class()).collect();
        assert_eq!(sizes.len(), 3);
        assert_ne!(Theme::Standard.class(), Theme::HighContrast.class());
    }
}
