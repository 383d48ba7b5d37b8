//! The Fluent functions tradui formats, `NUMBER` and `DATETIME`, and the options of
//! `DATETIME` it knows (Fluent's, after `Intl.DateTimeFormat`). `check` reports any other
//! function, an unknown option or a value it cannot take at the message's line; `localize`
//! reads the same options to format a TOML date of the front matter with CLDR.

use super::{Leaflet, VarValue};
use crate::diag::{Diagnostic, Kind};
use std::collections::BTreeMap;

/// The functions tradui formats.
pub const KNOWN: [&str; 2] = ["NUMBER", "DATETIME"];

/// One function call in a pattern: `DATETIME($date, weekday: "long")`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub name: String,
    /// The positional arguments as written (`$date`).
    pub positional: Vec<String>,
    /// Named options, quotes taken off the values.
    pub named: Vec<(String, String)>,
}

/// How long a date field is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Length {
    Long,
    Medium,
    Short,
}

/// Which parts of a date `DATETIME` shows, and how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateOptions {
    pub weekday: bool,
    pub year: bool,
    pub month: bool,
    pub day: bool,
    pub length: Length,
}

impl Default for DateOptions {
    /// What a date variable shows without DATETIME: the long date.
    fn default() -> Self {
        DateOptions { weekday: false, year: true, month: true, day: true, length: Length::Long }
    }
}

/// The function calls of a Fluent pattern (as written or as the serializer writes it).
pub fn calls(pattern: &str) -> Vec<Call> {
    let mut out = Vec::new();
    let b = pattern.as_bytes();
    let mut i = 0;
    let mut in_string = false;
    while i < b.len() {
        let c = b[i];
        if c == b'"' {
            in_string = !in_string;
        } else if !in_string && c.is_ascii_uppercase() && (i == 0 || !is_name_byte(b[i - 1])) {
            let end = i + b[i..].iter().take_while(|&&c| is_name_byte(c)).count();
            if b.get(end) == Some(&b'(')
                && let Some(close) = closing_paren(pattern, end)
            {
                out.push(parse_call(&pattern[i..end], &pattern[end + 1..close]));
                i = close + 1;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

fn is_name_byte(c: u8) -> bool {
    c.is_ascii_uppercase() || c.is_ascii_digit() || c == b'_' || c == b'-'
}

fn closing_paren(text: &str, open: usize) -> Option<usize> {
    let mut in_string = false;
    for (i, c) in text[open..].char_indices() {
        match c {
            '"' => in_string = !in_string,
            ')' if !in_string => return Some(open + i),
            _ => {}
        }
    }
    None
}

fn parse_call(name: &str, args: &str) -> Call {
    let mut call = Call { name: name.to_string(), positional: Vec::new(), named: Vec::new() };
    for arg in args.split(',').map(str::trim).filter(|a| !a.is_empty()) {
        match arg.split_once(':') {
            Some((key, value)) if !key.trim().starts_with('"') => {
                call.named.push((key.trim().to_string(), value.trim().trim_matches('"').to_string()))
            }
            _ => call.positional.push(arg.to_string()),
        }
    }
    call
}

/// The options of `DATETIME` read for a date (a TOML date has no time of day), or what
/// is wrong with them.
pub fn date_options(named: &[(String, String)]) -> Result<DateOptions, String> {
    if named.is_empty() {
        return Ok(DateOptions::default());
    }
    let mut o = DateOptions { weekday: false, year: false, month: false, day: false, length: Length::Short };
    let mut month_length = None;
    for (key, value) in named {
        let allowed: &[&str] = match key.as_str() {
            "dateStyle" => &["full", "long", "medium", "short"],
            "weekday" | "era" => &["long", "short", "narrow"],
            "year" | "day" => &["numeric", "2-digit"],
            "month" => &["numeric", "2-digit", "long", "short", "narrow"],
            "timeStyle" | "hour" | "minute" | "second" | "timeZoneName" | "hour12" | "dayPeriod" => {
                return Err(format!("`{key}` is an option for a time of day, and a TOML date has none"));
            }
            "timeZone" | "calendar" | "numberingSystem" | "hourCycle" | "fractionalSecondDigits" => {
                return Err(format!(
                    "tradui does not support the DATETIME option `{key}` (dates are Gregorian, in the language's own digits)"
                ));
            }
            _ => return Err(format!("`{key}` is no option of DATETIME")),
        };
        if !allowed.contains(&value.as_str()) {
            return Err(format!("DATETIME's `{key}` takes {}, not `{value}`", quoted(allowed)));
        }
        match (key.as_str(), value.as_str()) {
            ("dateStyle", style) => {
                o = DateOptions { weekday: style == "full", ..DateOptions::default() };
                o.length = match style {
                    "full" | "long" => Length::Long,
                    "medium" => Length::Medium,
                    _ => Length::Short,
                };
                return Ok(o);
            }
            ("weekday", _) => o.weekday = true,
            ("year", _) => o.year = true,
            ("day", _) => o.day = true,
            ("month", m) => {
                o.month = true;
                month_length = Some(match m {
                    "long" => Length::Long,
                    "short" | "narrow" => Length::Medium,
                    _ => Length::Short,
                });
            }
            _ => {}
        }
    }
    o.length = month_length.unwrap_or(if o.weekday { Length::Long } else { Length::Short });
    if o.year && o.day && !o.month {
        return Err("DATETIME cannot show the year and the day without the month".to_string());
    }
    if o.weekday && !o.day && (o.year || o.month) {
        return Err(
            "DATETIME shows the weekday with the day of the month (add `day: \"numeric\"`)".to_string()
        );
    }
    Ok(o)
}

fn quoted(values: &[&str]) -> String {
    values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(", ")
}

/// What is wrong with the function calls of a pattern, given the leaflet's variables: an
/// unknown function, DATETIME of something that is not a date, options it cannot take.
pub fn problems(pattern: &str, variables: &BTreeMap<&str, &VarValue>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for call in calls(pattern) {
        let shown = format!("{}({})", call.name, call.positional.join(", "));
        if !KNOWN.contains(&call.name.as_str()) {
            out.push((
                format!("calls `{shown}`, a function tradui does not know"),
                "tradui formats NUMBER($n) and DATETIME($date, ...); write the variable itself, { $name }"
                    .to_string(),
            ));
            continue;
        }
        if call.name != "DATETIME" {
            continue;
        }
        let var = call.positional.first().and_then(|a| a.strip_prefix('$'));
        match var.and_then(|v| variables.get(v)) {
            Some(VarValue::Date { .. }) => {}
            Some(_) => out.push((
                format!("`{shown}`: `${}` is not a date", var.unwrap_or_default()),
                "DATETIME formats a TOML date of the front matter's [variables] (`date = 2026-12-10`, no quotes)".to_string(),
            )),
            None => out.push((
                format!("`{shown}` formats no date variable of the leaflet"),
                "write DATETIME($name, ...) with a date of the front matter's [variables]".to_string(),
            )),
        }
        if let Err(e) = date_options(&call.named) {
            out.push((format!("calls DATETIME with an option it cannot take: {e}"), "DATETIME takes dateStyle, weekday, year, month, day (see https://projectfluent.org/fluent/guide/functions.html)".to_string()));
        }
    }
    out
}

/// The function calls of a leaflet's units, checked against its own variables: an error
/// of the leaflet, so its pages are not rendered with `{WEEKDAY()}` in them.
pub(super) fn check_units(leaflet: &Leaflet, diags: &mut Vec<Diagnostic>) {
    let vars: BTreeMap<&str, &VarValue> = leaflet.variables.iter().map(|(k, v)| (k.as_str(), v)).collect();
    for u in leaflet.units.iter().filter(|u| u.text.contains('(')) {
        for (message, hint) in problems(&u.fluent_pattern(), &vars) {
            diags.push(
                Diagnostic::error(Kind::Source, &leaflet.file, format!("`{}` {message}", u.id))
                    .at((u.line, u.column))
                    .id(&u.id)
                    .hint(hint),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_are_read_with_their_options() {
        let c = calls(r#"el { DATETIME($date, weekday: "long", day: "numeric") } y { NUMBER($n) } "NOT()""#);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].name, "DATETIME");
        assert_eq!(c[0].positional, ["$date"]);
        assert_eq!(
            c[0].named,
            [("weekday".to_string(), "long".to_string()), ("day".into(), "numeric".into())]
        );
        assert_eq!(c[1].name, "NUMBER");
    }

    #[test]
    fn options() {
        let named = |pairs: &[(&str, &str)]| {
            pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect::<Vec<_>>()
        };
        let o = date_options(&named(&[("weekday", "long")])).unwrap();
        assert!(o.weekday && !o.day && !o.month && !o.year);
        let o = date_options(&named(&[("dateStyle", "full")])).unwrap();
        assert!(o.weekday && o.day && o.month && o.year && o.length == Length::Long);
        assert!(date_options(&named(&[("hour", "numeric")])).unwrap_err().contains("time of day"));
        assert!(date_options(&named(&[("weekday", "longest")])).unwrap_err().contains("\"long\""));
        assert!(date_options(&named(&[("colour", "red")])).is_err());
    }

    #[test]
    fn unknown_functions_and_non_dates_are_problems() {
        let date = VarValue::Date { year: 2026, month: 12, day: 3 };
        let place = VarValue::Text("Gate 4".into());
        let vars: BTreeMap<&str, &VarValue> = [("date", &date), ("place", &place)].into_iter().collect();
        assert!(problems(r#"{ DATETIME($date, weekday: "long") }"#, &vars).is_empty());
        assert_eq!(problems("{ UPPER($place) }", &vars).len(), 1);
        assert!(problems("{ DATETIME($place) }", &vars)[0].0.contains("not a date"));
    }
}
