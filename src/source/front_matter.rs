//! Front matter: the TOML between `+++` lines (title, paper, `[variables]` and their
//! per-language overrides), with the position of every problem.

use super::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFront {
    pub(super) title: Option<String>,
    pub(super) paper: Option<Paper>,
    /// Where the leaflet stands in the index: lower first (as Hugo's and Zola's `weight`).
    pub(super) weight: Option<i64>,
    /// The units of the short version (an SMS), by message ID; default: title and facts.
    #[serde(default)]
    pub(super) short: Vec<String>,
    #[serde(default)]
    pub(super) variables: BTreeMap<String, toml::Value>,
}

pub(super) struct FrontMatter {
    pub(super) title: Option<String>,
    pub(super) paper: Option<Paper>,
    pub(super) weight: Option<i64>,
    pub(super) short: Vec<String>,
    pub(super) variables: BTreeMap<String, VarValue>,
    pub(super) overrides: BTreeMap<String, BTreeMap<String, VarValue>>,
    pub(super) override_positions: Vec<(String, (usize, usize))>,
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
    let raw: RawFront = toml::from_str(front).map_err(|e| {
        let offset = range.start + e.span().map_or(0, |s| s.start);
        Diagnostic::error(
            Kind::Source,
            file,
            format!("front matter: {}", e.message().trim().replace('\n', " ")),
        )
        .at_offset(text, offset)
        .hint("the front matter knows `title`, `paper` (\"letter\" or \"a4\") and a [variables] table")
    })?;
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
    Ok(FrontMatter {
        title: raw.title,
        paper: raw.paper,
        weight: raw.weight,
        short: raw.short,
        variables,
        overrides,
        override_positions,
    })
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
