//! Times as a technician reads them.

use chrono::{DateTime, Utc};
use serde::{de::Error, Deserialize, Deserializer};

/// Reads an RFC 3339 time (as the API and the journal write them) with chrono's dedicated RFC 3339
/// parser: chrono's own `Deserialize` goes through its general format parser, about 10 kB of wasm
/// the app would carry for this alone.
pub fn rfc3339<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(deserializer)?;
    DateTime::parse_from_rfc3339(&text)
        .map(|time| time.to_utc())
        .map_err(D::Error::custom)
}

/// Reads an optional RFC 3339 time (absent or `null`: none), as [`rfc3339`] reads one.
pub fn rfc3339_option<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<String>::deserialize(deserializer)?
        .map(|text| {
            DateTime::parse_from_rfc3339(&text)
                .map(|time| time.to_utc())
                .map_err(D::Error::custom)
        })
        .transpose()
}

/// How long ago `then` was, seen from `now`: "just now", "5 minutes ago", "2 hours ago",
/// "3 days ago". A time in the future reads "just now".
pub fn relative(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    let (amount, unit) = match seconds {
        s if s < 60 => return "just now".to_owned(),
        s if s < 3_600 => (s / 60, "minute"),
        s if s < 86_400 => (s / 3_600, "hour"),
        s => (s / 86_400, "day"),
    };
    let plural = if amount == 1 { "" } else { "s" };
    format!("{amount} {unit}{plural} ago")
}

#[cfg(test)]
mod tests {
    use super::relative;
    use chrono::{DateTime, Duration, TimeZone, Utc};

    #[test]
    fn reads_like_speech() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap();
        let ago = |d: Duration| relative(now - d, now);
        assert_eq!(ago(Duration::seconds(-30)), "just now");
        assert_eq!(ago(Duration::seconds(59)), "just now");
        assert_eq!(ago(Duration::minutes(1)), "1 minute ago");
        assert_eq!(ago(Duration::minutes(59)), "59 minutes ago");
        assert_eq!(ago(Duration::hours(2)), "2 hours ago");
        assert_eq!(ago(Duration::hours(25)), "1 day ago");
        assert_eq!(ago(Duration::days(30)), "30 days ago");
    }

    #[derive(serde::Deserialize)]
    struct Stamped {
        #[serde(deserialize_with = "super::rfc3339")]
        at: DateTime<Utc>,
    }

    #[test]
    fn reads_what_chrono_writes_and_refuses_the_rest() {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 12, 0, 0).unwrap() + Duration::milliseconds(5);
        let json = serde_json::json!({ "at": at }).to_string();
        assert_eq!(serde_json::from_str::<Stamped>(&json).unwrap().at, at);
        let offset = r#"{"at":"2026-11-24T13:00:00+01:00"}"#;
        assert_eq!(
            serde_json::from_str::<Stamped>(offset).unwrap().at,
            at - Duration::milliseconds(5)
        );
        assert!(serde_json::from_str::<Stamped>(r#"{"at":"yesterday"}"#).is_err());
    }
}
