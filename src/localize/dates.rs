//! `DATETIME($date, weekday: "long")` for a TOML date of the front matter, in every
//! language: CLDR's patterns through ICU4X (Gregorian calendar, the language's digits),
//! and for Haitian Creole, which CLDR lacks, its own day and month names.
//!
//! A date variable reaches fluent-bundle as a [`DateArg`], which shows as the long date
//! where a message writes `{ $date }` and which `DATETIME` formats with its options
//! (read by `source::functions`, which `check` uses to report options it cannot take).

use crate::lang::Lang;
use crate::source::functions::{DateOptions, Length, date_options};
use fluent_bundle::types::FluentType;
use fluent_bundle::{FluentArgs, FluentValue};
use std::borrow::Cow;

/// A date variable as fluent-bundle carries it: the date and its text as shown without
/// DATETIME (isolated and escaped as every variable value is).
#[derive(Debug, Clone, PartialEq)]
pub struct DateArg {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub shown: String,
}

impl FluentType for DateArg {
    fn duplicate(&self) -> Box<dyn FluentType + Send> {
        Box::new(self.clone())
    }

    fn as_string(&self, _: &intl_memoizer::IntlLangMemoizer) -> Cow<'static, str> {
        Cow::Owned(self.shown.clone())
    }

    fn as_string_threadsafe(&self, _: &intl_memoizer::concurrent::IntlLangMemoizer) -> Cow<'static, str> {
        Cow::Owned(self.shown.clone())
    }
}

/// The `DATETIME` function of a bundle in `lang`; `wrap` isolates and escapes its result
/// as a variable value is. What it cannot format (which `check` reports at its line)
/// never shows as `DATETIME()`.
pub fn datetime_function(
    lang: Lang,
    wrap: fn(&str) -> String,
) -> impl for<'a> Fn(&[FluentValue<'a>], &FluentArgs) -> FluentValue<'a> + Send + Sync + 'static {
    move |positional, named| {
        // What check reports as an error still shows as well as it can: something that
        // is not a date as itself, a date with options it cannot take in the long form.
        let date = match positional.first() {
            Some(FluentValue::Custom(c)) => c.as_any().downcast_ref::<DateArg>(),
            _ => None,
        };
        let Some(date) = date else {
            let shown = match positional.first() {
                Some(FluentValue::String(s)) => s.to_string(),
                Some(FluentValue::Number(n)) => n.as_string().to_string(),
                _ => String::new(),
            };
            return FluentValue::from(shown);
        };
        let named: Vec<(String, String)> = named
            .iter()
            .map(|(k, v)| {
                let v = match v {
                    FluentValue::String(s) => s.to_string(),
                    FluentValue::Number(n) => n.as_string().to_string(),
                    _ => String::new(),
                };
                (k.to_string(), v)
            })
            .collect();
        match date_options(&named) {
            Ok(o) => FluentValue::from(wrap(&format(date.year, date.month, date.day, &lang, o))),
            Err(_) => FluentValue::from(date.shown.clone()),
        }
    }
}

/// A date in `lang` with the fields and length `o` asks for.
pub fn format(year: u16, month: u8, day: u8, lang: &Lang, o: DateOptions) -> String {
    if o == DateOptions::default() {
        return super::display_value(&crate::source::VarValue::Date { year, month, day }, lang);
    }
    let iso = format!("{year:04}-{month:02}-{day:02}");
    if lang.primary() == "ht" {
        return haitian(year, month, day, o);
    }
    let Ok(date) = icu_calendar::Date::try_new_gregorian(i32::from(year), month, day) else { return iso };
    cldr(&date, lang.cldr_locale(), o).unwrap_or(iso)
}

fn cldr(
    date: &icu_calendar::Date<icu_calendar::Gregorian>,
    locale: icu_locale::Locale,
    o: DateOptions,
) -> Option<String> {
    use icu_datetime::fieldsets::{D, DE, E, M, MD, MDE, Y, YM, YMD, YMDE};
    macro_rules! with {
        ($set:expr) => {{
            icu_datetime::FixedCalendarDateTimeFormatter::<icu_calendar::Gregorian, _>::try_new(
                locale.into(),
                $set,
            )
            .ok()
            .map(|f| f.format(date).to_string())
        }};
    }
    macro_rules! sized {
        ($t:ident) => {
            match o.length {
                Length::Long => with!($t::long()),
                Length::Medium => with!($t::medium()),
                Length::Short => with!($t::short()),
            }
        };
    }
    match (o.weekday, o.year, o.month, o.day) {
        (true, true, true, true) => sized!(YMDE),
        (false, true, true, true) => sized!(YMD),
        (true, false, true, true) => sized!(MDE),
        (false, false, true, true) => sized!(MD),
        (true, _, false, true) => sized!(DE),
        (false, _, false, true) => sized!(D),
        (_, true, true, false) => sized!(YM),
        (_, true, false, false) => sized!(Y),
        (_, false, true, false) => sized!(M),
        (true, false, false, false) => sized!(E),
        (false, false, false, false) => None,
    }
}

/// Haitian Creole (no CLDR data): `jedi 3 desanm 2026`.
fn haitian(year: u16, month: u8, day: u8, o: DateOptions) -> String {
    const DAYS: [&str; 7] = ["lendi", "madi", "mèkredi", "jedi", "vandredi", "samdi", "dimanch"];
    const MONTHS: [&str; 12] = [
        "janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm", "oktòb", "novanm",
        "desanm",
    ];
    let mut parts = Vec::new();
    if o.weekday
        && let Ok(date) = icu_calendar::Date::try_new_gregorian(i32::from(year), month, day)
    {
        parts.push(DAYS[usize::from(date.weekday() as u8).saturating_sub(1) % 7].to_string());
    }
    if o.day {
        parts.push(day.to_string());
    }
    if o.month {
        let name = MONTHS[usize::from(month.clamp(1, 12)) - 1];
        parts.push(if o.length == Length::Short { format!("{month:02}") } else { name.to_string() });
    }
    if o.year {
        parts.push(year.to_string());
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(lang: &str, o: DateOptions) -> String {
        format(2026, 12, 3, &Lang::parse(lang).unwrap(), o)
    }

    #[test]
    fn weekday_long_in_every_language() {
        let weekday =
            DateOptions { weekday: true, year: false, month: false, day: false, length: Length::Long };
        assert_eq!(fmt("en", weekday), "Thursday");
        assert_eq!(fmt("es", weekday), "jueves");
        assert_eq!(fmt("ar", weekday), "الخميس");
        assert_eq!(fmt("ht", weekday), "jedi");
        let full = DateOptions { weekday: true, ..DateOptions::default() };
        assert_eq!(fmt("en", full), "Thursday, December 3, 2026");
        assert_eq!(fmt("ht", full), "jedi 3 desanm 2026");
    }
}
