//! `[theme]` in `tradui.toml`: the union's look, shared by the web page and the PDF. The
//! accent colour (the title band, headings' rule, links), the colour of the text on it,
//! and the footer (a line of text, translated like tradui's own words, and a hotline
//! number). An accent that fails WCAG 2.1 AA contrast (4.5:1) with the text shown on it
//! or beside it is a warning naming both colours.

use crate::diag::{Diagnostic, Kind, line_col};
use palette::Srgb;
use palette::color_difference::Wcag21RelativeContrast;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use toml::Spanned;

use super::config::CONFIG_FILE;

/// tradui's own accent (a union red with 6.4:1 against white).
pub const DEFAULT_ACCENT: &str = "#b01b2e";
/// The page's paper, behind body text and links.
pub const PAPER: &str = "#ffffff";
/// WCAG 2.1 AA for body text (success criterion 1.4.3).
pub const AA_TEXT: f32 = 4.5;

/// The look, validated: colours as lowercase `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Theme {
    /// The band behind the title, the rule under headings, links.
    pub accent: String,
    /// The text on the accent band.
    pub accent_text: String,
    pub footer: Option<Footer>,
    /// The union's logo: a PNG, JPEG or SVG file of the project, by its path from the
    /// project folder; it heads every page and PDF.
    pub logo: Option<String>,
}

impl Default for Theme {
    fn default() -> Self {
        Theme { accent: DEFAULT_ACCENT.into(), accent_text: PAPER.into(), footer: None, logo: None }
    }
}

impl Theme {
    /// Where the logo is published: `media/logo.<extension>`.
    pub fn logo_file(&self) -> Option<String> {
        let logo = self.logo.as_deref()?;
        let ext = logo.rsplit('.').next()?.to_ascii_lowercase();
        Some(format!("media/logo.{ext}"))
    }
}

/// The footer every page and PDF carries.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Footer {
    /// In the source language; each language's is its `footer` word (see `project::ui`).
    pub text: String,
    /// A hotline, a `tel:` link on the page; the same in every language.
    pub phone: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawTheme {
    accent: Option<Spanned<String>>,
    accent_text: Option<Spanned<String>>,
    footer: Option<RawFooter>,
    logo: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFooter {
    text: Spanned<String>,
    phone: Option<Spanned<String>>,
}

/// A theme and what is wrong with it: errors (a colour that does not parse, a phone
/// number with letters) and warnings (contrast).
pub(super) struct Checked {
    pub theme: Theme,
    pub errors: Vec<Diagnostic>,
    pub warnings: Vec<Diagnostic>,
}

impl RawTheme {
    pub(super) fn check(&self, text: &str) -> Checked {
        let mut errors = Vec::new();
        let mut colour = |key: &str, value: &Option<Spanned<String>>, default: &str| match value {
            None => default.to_string(),
            Some(v) => parse_colour(v.get_ref()).unwrap_or_else(|| {
                errors.push(
                    Diagnostic::error(
                        Kind::Config,
                        CONFIG_FILE,
                        format!("`theme.{key}` = \"{}\" is not a colour", v.get_ref()),
                    )
                    .at(line_col(text, v.span().start))
                    .hint("write a colour as a hex code, e.g. \"#b5121b\" (or \"#b12\")"),
                );
                default.to_string()
            }),
        };
        let accent = colour("accent", &self.accent, DEFAULT_ACCENT);
        let accent_text = colour("accent-text", &self.accent_text, PAPER);
        let footer = self.footer.as_ref().map(|f| f.check(text, &mut errors));
        let logo = self.logo.as_ref().and_then(|l| check_logo(l, text, &mut errors));
        let theme = Theme { accent, accent_text, footer, logo };
        let warnings = contrast_warnings(&theme, self, text);
        Checked { theme, errors, warnings }
    }
}

impl RawFooter {
    fn check(&self, text: &str, errors: &mut Vec<Diagnostic>) -> Footer {
        if self.text.get_ref().trim().is_empty() {
            errors.push(
                Diagnostic::error(Kind::Config, CONFIG_FILE, "`theme.footer.text` is empty")
                    .at(line_col(text, self.text.span().start))
                    .hint("write the footer line, e.g. text = \"Strike hotline, day and night\""),
            );
        }
        let phone = self.phone.as_ref().and_then(|p| {
            let ok = phone_digits(p.get_ref()).is_some();
            if !ok {
                errors.push(
                    Diagnostic::error(
                        Kind::Config,
                        CONFIG_FILE,
                        format!("`theme.footer.phone` = \"{}\" is not a phone number", p.get_ref()),
                    )
                    .at(line_col(text, p.span().start))
                    .hint(
                        "write digits, spaces, `+`, `-`, `.` and parentheses only, e.g. \"+1 718 555 0100\"",
                    ),
                );
            }
            ok.then(|| p.get_ref().trim().to_string())
        });
        Footer { text: self.text.get_ref().trim().to_string(), phone }
    }
}

/// `theme.logo`: a path inside the project (no `..`, no address, not absolute) to a
/// PNG, JPEG or SVG file; whether it can be read is the build's to say.
fn check_logo(value: &Spanned<String>, text: &str, errors: &mut Vec<Diagnostic>) -> Option<String> {
    let path = value.get_ref().trim();
    let inside = !path.is_empty()
        && !path.contains(':')
        && !path.starts_with(['/', '\\'])
        && !path.split(['/', '\\']).any(|p| p == ".." || p.is_empty());
    let ext = path.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    let why = if !inside {
        Some("is not a path inside the project")
    } else if !["png", "jpg", "jpeg", "svg"].contains(&ext.as_str()) {
        Some("is not a PNG, JPEG or SVG file")
    } else {
        None
    };
    match why {
        None => Some(path.to_string()),
        Some(why) => {
            errors.push(
                Diagnostic::error(Kind::Config, CONFIG_FILE, format!("`theme.logo` = \"{path}\" {why}"))
                    .at(line_col(text, value.span().start))
                    .hint("put the logo in the project folder and give its path from there, e.g. logo = \"logo.svg\""),
            );
            None
        }
    }
}

/// The `tel:` address of a phone number as people write it, or None when it has
/// anything but digits, spaces, `+`, `-`, `.` and parentheses.
pub fn phone_digits(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let ok = phone.chars().any(|c| c.is_ascii_digit())
        && phone.chars().all(|c| c.is_ascii_digit() || " +-.()".contains(c))
        && !phone[1..].contains('+');
    ok.then(|| phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect())
}

/// A hex colour (`#rgb` or `#rrggbb`) as lowercase `#rrggbb`.
pub fn parse_colour(value: &str) -> Option<String> {
    let hex = value.trim().strip_prefix('#')?;
    let c = Srgb::<u8>::from_str(hex).ok()?;
    Some(format!("#{:02x}{:02x}{:02x}", c.red, c.green, c.blue))
}

/// WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21).
pub fn contrast(a: &str, b: &str) -> f32 {
    let rgb =
        |c: &str| Srgb::<u8>::from_str(c.trim_start_matches('#')).unwrap_or_default().into_format::<f32>();
    rgb(a).relative_contrast(rgb(b))
}

/// One warning for each pair of the page's colours below AA: the accent with the text
/// on it, and the accent (links, the headings' rule) on the paper.
fn contrast_warnings(theme: &Theme, raw: &RawTheme, text: &str) -> Vec<Diagnostic> {
    let at = |v: &Option<Spanned<String>>| {
        v.as_ref().or(raw.accent.as_ref()).map_or((1, 1), |s| line_col(text, s.span().start))
    };
    let same = theme.accent_text == PAPER;
    let pairs = [
        (
            &theme.accent_text,
            if same {
                "the text on the title band and the page behind links"
            } else {
                "the text on the title band"
            },
            at(&raw.accent_text),
        ),
        (&PAPER.to_string(), "the page behind links in the accent colour", at(&raw.accent)),
    ];
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for (other, what, place) in pairs {
        let ratio = contrast(&theme.accent, other);
        if ratio >= AA_TEXT || seen.contains(other) {
            continue;
        }
        seen.push(other.clone());
        out.push(
            Diagnostic::warning(
                Kind::Contrast,
                CONFIG_FILE,
                format!(
                    "the accent {} has a contrast of {ratio:.1}:1 with {other}, {what}; WCAG AA asks 4.5:1 for text",
                    theme.accent
                ),
            )
            .at(place)
            .hint(hint(other)),
        );
    }
    out
}

/// What to do: an accent darker than light text, lighter than dark text.
fn hint(other: &str) -> String {
    let dark_text = contrast(other, "#000000") < contrast(other, "#ffffff");
    format!(
        "choose a {} accent (tradui's own, {DEFAULT_ACCENT}, has {:.1}:1 with white), or set `accent-text` to a colour it contrasts with",
        if dark_text { "lighter" } else { "darker" },
        contrast(DEFAULT_ACCENT, PAPER)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(toml_text: &str) -> Checked {
        #[derive(Deserialize)]
        struct T {
            theme: RawTheme,
        }
        let t: T = toml::from_str(toml_text).unwrap();
        t.theme.check(toml_text)
    }

    #[test]
    fn contrast_is_wcag_21() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 0.01);
        assert!((contrast("#ffffff", "#ffffff") - 1.0).abs() < 0.01);
        // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes.
        assert!((contrast("#767676", "#ffffff") - 4.54).abs() < 0.01);
        assert!(contrast(DEFAULT_ACCENT, PAPER) >= AA_TEXT);
    }

    #[test]
    fn colours_are_normalised_and_bad_ones_are_errors_at_their_place() {
        assert_eq!(parse_colour("#B12").as_deref(), Some("#bb1122"));
        assert_eq!(parse_colour("#b5121b").as_deref(), Some("#b5121b"));
        for bad in ["b5121b", "#b5121", "red", "#gg0000", ""] {
            assert!(parse_colour(bad).is_none(), "{bad}");
        }
        let c = check("[theme]\naccent = \"crimson\"\n");
        assert_eq!(c.errors.len(), 1);
        let e = c.errors[0].to_string();
        assert!(
            e.starts_with("tradui.toml:2:10: error[config]: `theme.accent` = \"crimson\" is not a colour"),
            "{e}"
        );
    }

    #[test]
    fn a_pale_accent_warns_naming_both_colours() {
        let c = check("[theme]\naccent = \"#f5c400\"\n");
        assert!(c.errors.is_empty());
        assert_eq!(c.warnings.len(), 1, "white text and white paper are one pair");
        let w = c.warnings[0].to_string();
        assert!(
            w.starts_with(
                "tradui.toml:2:10: warning[contrast]: the accent #f5c400 has a contrast of 1.6:1 with #ffffff"
            ),
            "{w}"
        );
        assert!(w.contains("1.6:1") && w.contains("4.5:1"), "{w}");
        // Dark text on the band fixes the band but not the links on the page.
        let c = check("[theme]\naccent = \"#f5c400\"\naccent-text = \"#1b1b1b\"\n");
        assert_eq!(c.warnings.len(), 1);
        assert!(c.warnings[0].message.contains("the page behind links"), "{}", c.warnings[0]);
        // A union red passes.
        assert!(check("[theme]\naccent = \"#b5121b\"\n").warnings.is_empty());
    }

    #[test]
    fn footer_text_and_phone() {
        let c = check("[theme]\nfooter = { text = \"Hotline\", phone = \"+1 (718) 555-0100\" }\n");
        assert!(c.errors.is_empty());
        let f = c.theme.footer.unwrap();
        assert_eq!(f.phone.as_deref(), Some("+1 (718) 555-0100"));
        assert_eq!(phone_digits("+1 (718) 555-0100").as_deref(), Some("+17185550100"));
        let c = check("[theme]\nfooter = { text = \"\", phone = \"call-me\" }\n");
        assert_eq!(c.errors.len(), 2, "{:?}", c.errors);
        assert!(phone_digits("1+2").is_none() && phone_digits("+").is_none());
    }
}
