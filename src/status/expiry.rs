//! Front matter `valid-until`: once the day has passed, the leaflet's event is over;
//! `check` warns and the pages say so. "Today" is `TRADUI_TODAY` (`YYYY-MM-DD`), else
//! `SOURCE_DATE_EPOCH` (seconds, for reproducible builds), else the clock, in UTC.

use crate::diag::{Diagnostic, Kind};
use crate::project::Project;
use crate::source::{Date, Leaflet};

/// Today's date, as the environment or the clock says.
pub fn today() -> Date {
    if let Some(d) = std::env::var("TRADUI_TODAY").ok().and_then(|s| parse_date(s.trim())) {
        return d;
    }
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    from_days(secs.div_euclid(86_400))
}

/// Whether the leaflet's event is over on `today` (its last day is before it).
pub fn is_over(leaflet: &Leaflet, today: Date) -> bool {
    leaflet.valid_until.is_some_and(|last| last < today)
}

/// A warning for each leaflet whose `valid-until` has passed.
pub fn expired(project: &Project) -> Vec<Diagnostic> {
    let today = today();
    project
        .leaflets
        .iter()
        .filter(|l| is_over(l, today))
        .map(|l| {
            let last = l.valid_until.expect("is_over checked it");
            Diagnostic::warning(
                Kind::Expired,
                &l.file,
                format!("the event is over: `valid-until` is {last} and today is {today}; its pages say so"),
            )
            .at(position(project, l))
            .leaflet(&l.slug)
            .hint("remove the leaflet, or set a new `valid-until` with the text of the next event")
        })
        .collect()
}

/// Where `valid-until` is written (line 1 when the file cannot be read again).
fn position(project: &Project, leaflet: &Leaflet) -> (usize, usize) {
    let text = std::fs::read_to_string(project.root.join(&leaflet.file)).unwrap_or_default();
    text.find("valid-until").map_or((1, 1), |at| crate::diag::line_col(&text, at))
}

/// `YYYY-MM-DD`.
fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = parts.next()?.parse().ok().filter(|d| (1..=31).contains(d))?;
    Some(Date { year, month, day })
}

/// The civil date of a count of days since 1970-01-01.
fn from_days(days: i64) -> Date {
    let (year, month, day) = crate::civil::from_days(days);
    Date { year: year.clamp(0, 9999) as u16, month, day }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_dates() {
        assert_eq!(from_days(0).to_string(), "1970-01-01");
        assert_eq!(from_days(20_425).to_string(), "2025-12-03");
        assert_eq!(from_days(11_016).to_string(), "2000-02-29");
        assert_eq!(from_days(-1).to_string(), "1969-12-31");
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(parse_date("2026-12-11"), Some(Date { year: 2026, month: 12, day: 11 }));
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("tomorrow"), None);
    }
}
