//! Numbers, times and dates as the screen shows them, in the user's time zone.

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

/// A count with thousands separators: 12480 → "12,480".
pub fn grouped(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "12 items", "1 item".
pub fn items(n: u32) -> String {
    match n {
        1 => "1 item".to_owned(),
        n => format!("{} items", grouped(n)),
    }
}

/// An exact local time: "24 Nov 2026, 10:02".
pub fn exact(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%-d %b %Y, %H:%M")
        .to_string()
}

/// A local time to the second, for log lines: "2026-11-24 10:02:41".
pub fn log_time(time: DateTime<Utc>) -> String {
    time.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

/// Today, in the user's time zone.
pub fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The start of a local day, as a UTC instant.
pub fn start_of(day: NaiveDate) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    Local
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// The value of an `<input type="date">`.
pub fn date_value(day: NaiveDate) -> String {
    day.format("%Y-%m-%d").to_string()
}

/// Reads the value of an `<input type="date">`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(12_480), "12,480");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(items(1), "1 item");
        assert_eq!(items(2_000), "2,000 items");
    }

    #[test]
    fn date_inputs_round_trip() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(parse_date(&date_value(day)), Some(day));
        assert_eq!(parse_date("not a date"), None);
    }
}
