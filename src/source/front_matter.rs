//! Front matter: the TOML between `+++` lines (title, paper, `[variables]` and their
//! per-language overrides), with the position of every problem.

use super::{Date, VarValue, is_identifier};
use crate::diag::{Diagnostic, Kind, line_col};
use crate::document::Paper;
use crate::lang::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFront {
    pub(super) title: Option<String>,
    pub(super) paper: Option<Paper>,
    /// How the PDF uses its page: "page", "none" or a number of pages.
    pub(super) fit: Option<crate::document::Fit>,
    /// The prints besides the page-sized PDF: "half-letter-2up", "a5-2up", "a4"...
    pub(super) prints: Option<Vec<crate::document::Print>>,
    /// The unit the multilingual poster shows under the title (default: the first paragraph).
    pub(super) poster: Option<String>,
    /// Where the leaflet stands in the index: lower first (as Hugo's and Zola's `weight`).
    pub(super) weight: Option<i64>,
    /// The units of the short version (an SMS), by message ID; default: title and facts.
    #[serde(default)]
    pub(super) short: Vec<String>,
    #[serde(default)]
    pub(super) variables: BTreeMap<String, toml::Value>,
    /// The languages this leaflet must be complete in (instead of the project's).
    pub(super) required: Option<Vec<toml::Spanned<String>>>,
    /// The last day the leaflet's event is on.
    #[serde(rename = "valid-until")]
    pub(super) valid_until: Option<toml::Spanned<toml::value::Datetime>>,
}

pub(super) struct FrontMatter {
    pub(super) title: Option<String>,
    pub(super) paper: Option<Paper>,
    pub(super) fit: Option<crate::document::Fit>,
    pub(super) prints: Option<Vec<crate::document::Print>>,
    pub(super) poster: Option<String>,
    pub(super) weight: Option<i64>,
    pub(super) short: Vec<String>,
    pub(super) variables: BTreeMap<String, VarValue>,
    /// The names of `[variables]` in the order the front matter gives them.
    pub(super) variable_order: Vec<String>,
    pub(super) overrides: BTreeMap<String, BTreeMap<String, VarValue>>,
    pub(super) override_positions: Vec<(String, (usize, usize))>,
    pub(super) event: Event,
}

/// Who must read the leaflet, and until when: `required` and `valid-until`.
pub(super) struct Event {
    pub(super) required: Option<PlacedLangs>,
    pub(super) valid_until: Option<Date>,
}

/// Finds TOML front matter between `+++` lines: returns its byte range and where the body
/// starts, or None when the file has none.
pub(super) fn split_front_matter(
    file: &str,
    text: &str,
) -> Result<Option<(Range<usize>, usize)>, Diagnostic> {
    let first_line = text.lines().next().unwrap_or("");
    if first_line.trim_end() == "---" {
        return Err(Diagnostic::error(
            Kind::Source,
            file,
            "front matter must be TOML between `+++` lines, not YAML between `---`",
        )
        .at((1, 1))
        .hint(
            "write the front matter as TOML (`title = \"...\"`) and put `+++` on the first and closing lines",
        ));
    }
    if first_line.trim_end() != "+++" {
        return Ok(None);
    }
    let start = first_line.len() + if text[first_line.len()..].starts_with("\r\n") { 2 } else { 1 };
    let mut pos = start.min(text.len());
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        if text[pos..end].trim_end() == "+++" {
            return Ok(Some((start..pos, (end + 1).min(text.len()))));
        }
        pos = end + 1;
    }
    Err(Diagnostic::error(Kind::Source, file, "the front matter opened on line 1 never closes")
        .at((1, 1))
        .hint("add a line with just `+++` after the last front-matter setting"))
}

pub(super) fn parse_front_matter(
    file: &str,
    text: &str,
    range: Range<usize>,
) -> Result<FrontMatter, Diagnostic> {
    let front = &text[range.clone()];
    let raw: RawFront = toml::from_str(front).map_err(|e| toml_error(file, text, range.start, &e))?;
    let at = |name: &str| text[range.clone()].find(name).map_or(range.start, |i| range.start + i);
    let mut variables = BTreeMap::new();
    let mut by_lang = Vec::new();
    for (name, value) in raw.variables {
        match value {
            // `[variables.es]`: values for one language.
            toml::Value::Table(table) if crate::lang::Lang::parse(&name).is_ok() => {
                by_lang.push((name, table))
            }
            value => {
                let v = var_value(file, text, at(&name), &name, value)?;
                variables.insert(name, v);
            }
        }
    }
    let variable_order = written_order(front, variables.keys());
    let (overrides, override_positions) = language_values(file, text, range.clone(), by_lang, &variables)?;
    let event = Event {
        required: required_langs(file, text, range.start, raw.required)?,
        valid_until: end_date(file, text, range.start, raw.valid_until)?,
    };
    Ok(FrontMatter {
        title: raw.title,
        paper: raw.paper,
        fit: raw.fit,
        prints: raw.prints,
        poster: raw.poster,
        weight: raw.weight,
        short: raw.short,
        variables,
        variable_order,
        overrides,
        override_positions,
        event,
    })
}

/// Values of variables by language, then by name.
type LangValues = BTreeMap<String, BTreeMap<String, VarValue>>;
/// Where each `[variables.<lang>]` table is: (tag, (line, column)).
type TablePositions = Vec<(String, (usize, usize))>;

/// The values of `[variables.<lang>]` tables, by language, and where each table is.
fn language_values(
    file: &str,
    text: &str,
    range: Range<usize>,
    by_lang: Vec<(String, toml::Table)>,
    variables: &BTreeMap<String, VarValue>,
) -> Result<(LangValues, TablePositions), Diagnostic> {
    let at = |name: &str| text[range.clone()].find(name).map_or(range.start, |i| range.start + i);
    let mut overrides = BTreeMap::new();
    let mut override_positions = Vec::new();
    for (tag, table) in by_lang {
        let header = text[range.clone()]
            .find(&format!("variables.{tag}"))
            .map_or_else(|| at(&tag), |i| range.start + i);
        override_positions.push((tag.clone(), line_col(text, header)));
        let lang = crate::lang::Lang::parse(&tag).expect("checked above").to_string();
        let mut values = BTreeMap::new();
        for (name, value) in table {
            if !variables.contains_key(&name) {
                return Err(Diagnostic::error(Kind::Source, file, format!("[variables.{tag}] sets `{name}`, which [variables] does not define"))
                    .at_offset(text, at(&name))
                    .hint(format!("give `{name}` a value under [variables] first; [variables.{tag}] only changes it for one language")));
            }
            values.insert(name.clone(), var_value(file, text, at(&name), &name, value)?);
        }
        overrides.insert(lang, values);
    }
    Ok((overrides, override_positions))
}

/// Names in the order their `name = ...` lines stand in `front` (a name whose line is
/// not found, as in an inline table, last).
fn written_order<'a>(front: &str, names: impl Iterator<Item = &'a String>) -> Vec<String> {
    let line_of = |name: &str| {
        front.lines().position(|l| {
            let l = l.trim_start().trim_start_matches('"');
            l.strip_prefix(name).is_some_and(|r| r.trim_start_matches('"').trim_start().starts_with('='))
        })
    };
    let mut names: Vec<(Option<usize>, String)> = names.map(|n| (line_of(n), n.clone())).collect();
    names.sort_by_key(|(line, _)| line.unwrap_or(usize::MAX));
    names.into_iter().map(|(_, n)| n).collect()
}

/// Language tags, each with its line and column.
type PlacedLangs = Vec<(Lang, (usize, usize))>;

/// `required = ["es", "ht"]`: language tags, each with its position (the project checks
/// that they are its languages).
fn required_langs(
    file: &str,
    text: &str,
    start: usize,
    raw: Option<Vec<toml::Spanned<String>>>,
) -> Result<Option<PlacedLangs>, Diagnostic> {
    let Some(raw) = raw else { return Ok(None) };
    let mut langs = Vec::new();
    for tag in raw {
        let at = line_col(text, start + tag.span().start);
        let lang = Lang::parse(tag.get_ref()).map_err(|e| {
            Diagnostic::error(
                Kind::Source,
                file,
                format!("front matter: `required` names \"{}\": {e}", tag.get_ref()),
            )
            .at(at)
            .hint("write the language tags of tradui.toml, e.g. `required = [\"es\", \"ht\"]`")
        })?;
        langs.push((lang, at));
    }
    Ok(Some(langs))
}

/// `valid-until = 2026-12-11`: a date alone.
fn end_date(
    file: &str,
    text: &str,
    start: usize,
    value: Option<toml::Spanned<toml::value::Datetime>>,
) -> Result<Option<Date>, Diagnostic> {
    let Some(value) = value else { return Ok(None) };
    let at = start + value.span().start;
    match (value.get_ref().date, value.get_ref().time) {
        (Some(d), None) => Ok(Some(Date { year: d.year, month: d.month, day: d.day })),
        _ => Err(Diagnostic::error(
            Kind::Source,
            file,
            format!("front matter: `valid-until` must be a date alone, not {}", value.get_ref()),
        )
        .at_offset(text, at)
        .hint("write the last day of the event, e.g. `valid-until = 2026-12-11` (no quotes, no time)")),
    }
}

/// The error of a front matter TOML cannot read, at its place; a date written in
/// another form gets the same day as a TOML date in its hint.
fn toml_error(file: &str, text: &str, start: usize, e: &toml::de::Error) -> Diagnostic {
    let offset = start + e.span().map_or(0, |s| s.start);
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    if let Some((name, value, iso)) = misspelt_date(line) {
        return Diagnostic::error(
            Kind::Source,
            file,
            format!("front matter: `{name} = {value}` is not a date TOML can read"),
        )
        .at_offset(text, offset)
        .hint(format!(
            "write the date as year-month-day without quotes, `{name} = {iso}`, so each language shows it its own way"
        ));
    }
    Diagnostic::error(Kind::Source, file, format!("front matter: {}", e.message().trim().replace('\n', " ")))
        .at_offset(text, offset)
        .hint("the front matter knows `title`, `paper` (\"letter\", \"a4\", \"half-letter\" or \"a5\"), `fit`, `prints`, `poster`, `weight`, `short`, `required`, `valid-until` and a [variables] table")
}

pub(super) fn var_value(
    file: &str,
    text: &str,
    at: usize,
    name: &str,
    value: toml::Value,
) -> Result<VarValue, Diagnostic> {
    if !is_identifier(name) {
        return Err(Diagnostic::error(
            Kind::Source,
            file,
            format!("variable name `{name}` cannot be used in a placeable"),
        )
        .at_offset(text, at)
        .hint("start variable names with a letter and use only letters, digits, `-` and `_`"));
    }
    Ok(match value {
        toml::Value::String(s) if s.contains(char::is_control) => {
            return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` holds a control character (written as an escape such as \\u0000), which is not text"))
                .at_offset(text, at)
                .hint("remove the escape from the value"));
        }
        toml::Value::String(s) => VarValue::Text(s),
        // Beyond 2^53 a number would be shown rounded: that is text, not a number.
        toml::Value::Integer(i) if i.unsigned_abs() > 1 << 53 => {
            return Err(Diagnostic::error(
                Kind::Source,
                file,
                format!("variable `{name}` is a number too large to show exactly ({i})"),
            )
            .at_offset(text, at)
            .hint(format!("write it in quotes, as text: `{name} = \"{i}\"`")));
        }
        toml::Value::Integer(i) => VarValue::Number(i as f64),
        toml::Value::Float(f) => VarValue::Number(f),
        toml::Value::Boolean(b) => VarValue::Text(b.to_string()),
        toml::Value::Datetime(dt) => match (dt.date, dt.time) {
            (Some(d), None) => VarValue::Date { year: d.year, month: d.month, day: d.day },
            // A time (and a zone) would be shown as TOML writes it, `18:00:00-05:00`,
            // in every language: say so rather than print that.
            _ => {
                return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` is a TOML time or date-time ({dt}), which tradui cannot show in each language's way"))
                    .at_offset(text, at)
                    .hint(format!("give the date alone (`{name} = 2026-12-03`) and the time as text in quotes (`time = \"6 p.m.\"`)")));
            }
        },
        _ => {
            return Err(Diagnostic::error(Kind::Source, file, format!("variable `{name}` must be text, a number or a date"))
                .at_offset(text, at)
                .hint("write the value in quotes, e.g. `place = \"Union hall, 2nd floor\"`; a table is only for one language's values, as [variables.es]"));
        }
    })
}

/// A `name = value` line whose value is a date in a form TOML does not read
/// (`12/11/2026`, `11.12.2026`, `2026/12/11`): the name, the value, and the same day as
/// a TOML date. Day and month read as in the United States (month first) unless the
/// first number cannot be a month.
pub(super) fn misspelt_date(line: &str) -> Option<(&str, &str, String)> {
    let (name, value) = line.split_once('=')?;
    let (name, value) = (name.trim(), value.trim());
    let value = value.split(" #").next().unwrap_or(value).trim();
    let parts: Vec<&str> = value.split(['/', '.', '-']).collect();
    let sep_ok =
        value.contains(['/', '.']) || (value.contains('-') && parts.first().is_some_and(|p| p.len() <= 2));
    if parts.len() != 3
        || !sep_ok
        || !parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let (year, month, day) = match (parts[0].len(), parts[2].len()) {
        (4, _) => (n[0], n[1], n[2]),
        (_, 4) if n[0] > 12 => (n[2], n[1], n[0]),
        (_, 4) => (n[2], n[0], n[1]),
        _ => return None,
    };
    let valid = (1..=12).contains(&month) && (1..=31).contains(&day);
    valid.then(|| (name, value, format!("{year:04}-{month:02}-{day:02}")))
}

#[cfg(test)]
mod tests {
    use super::misspelt_date;

    #[test]
    fn dates_toml_cannot_read_get_the_same_day_as_a_toml_date() {
        let iso = |line: &str| misspelt_date(line).map(|(_, _, iso)| iso);
        assert_eq!(iso("date = 12/11/2026").as_deref(), Some("2026-12-11"));
        assert_eq!(
            iso("date = 25/12/2026").as_deref(),
            Some("2026-12-25"),
            "a day first when it cannot be a month"
        );
        assert_eq!(iso("date = 2026/12/11").as_deref(), Some("2026-12-11"));
        assert_eq!(iso("date = 11.12.2026 # the meeting").as_deref(), Some("2026-11-12"));
        assert_eq!(iso("date = 12-11-2026").as_deref(), Some("2026-12-11"));
        assert_eq!(misspelt_date("date = 12/11/2026").map(|(n, v, _)| (n, v)), Some(("date", "12/11/2026")));
        for not_a_date in ["time = 6:30 PM", "date = 2026-12-11", "n = 1.5", "date = 13/13/2026", "x = 1/2/3"]
        {
            assert_eq!(iso(not_a_date), None, "{not_a_date}");
        }
    }
}
