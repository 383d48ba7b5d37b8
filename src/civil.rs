//! Calendar arithmetic without a clock: a count of days since 1970-01-01 as a civil date
//! of the proleptic Gregorian calendar (Howard Hinnant's days-to-civil algorithm). The PDF's
//! date, a PO file's revision date and a leaflet's `valid-until` all read it.

/// The (year, month, day) of `days` days after 1970-01-01 (negative: before it).
pub fn from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_become_civil_dates() {
        assert_eq!(from_days(0), (1970, 1, 1));
        assert_eq!(from_days(-1), (1969, 12, 31));
        assert_eq!(from_days(11_016), (2000, 2, 29));
        assert_eq!(from_days(20_000), (2024, 10, 4));
        assert_eq!(from_days(20_425), (2025, 12, 3));
    }
}
