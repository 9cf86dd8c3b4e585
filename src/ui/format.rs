//! Numbers, times and dates as the screen shows them: counts and times in the configured locale
//! (`locale`) or else the browser's (`Intl.NumberFormat`, `Intl.DateTimeFormat`), times in the
//! user's time zone. One wasm instance serves every app on a page, so the locale is the page's:
//! the latest app mounted, or updated, with a `locale` sets it.
//!
//! Numbers and the fixed patterns are written out by hand rather than with `format!("{:.2}")`
//! or chrono's `format`/`parse`: those bring float formatting and chrono's strftime machinery
//! into the wasm (about 20 kB).

use chrono::{DateTime, Datelike, Local, NaiveDate, TimeZone, Timelike, Utc};

/// A count with the locale's digit grouping: 12480 → "12,480" (en-US), "12.480" (de-DE).
pub fn grouped(n: u32) -> String {
    in_locale_number(n).unwrap_or_else(|| grouped_by_hand(n))
}

/// A count with commas every three digits (outside a browser).
fn grouped_by_hand(n: u32) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
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

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// An exact time in the user's locale and time zone ("24 Nov 2026, 10:02" in en-GB,
/// "Nov 24, 2026, 10:02 AM" in en-US).
pub fn exact(time: DateTime<Utc>) -> String {
    in_locale(Pattern::Exact, time).unwrap_or_else(|| {
        let t = time.with_timezone(&Local);
        format!(
            "{} {} {}, {:02}:{:02}",
            t.day(),
            MONTHS[t.month0() as usize],
            t.year(),
            t.hour(),
            t.minute()
        )
    })
}

/// A time to the second for log lines, in the user's locale and time zone
/// ("24/11/2026, 10:02:41" in en-GB).
pub fn log_time(time: DateTime<Utc>) -> String {
    in_locale(Pattern::Log, time).unwrap_or_else(|| {
        let t = time.with_timezone(&Local);
        format!(
            "{} {:02}:{:02}:{:02}",
            date_value(t.date_naive()),
            t.hour(),
            t.minute(),
            t.second()
        )
    })
}

/// The two ways times are shown.
#[derive(Clone, Copy)]
enum Pattern {
    Exact,
    Log,
}

#[cfg(target_arch = "wasm32")]
impl Pattern {
    /// Its `Intl.DateTimeFormat` options.
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Self::Exact => &[("dateStyle", "medium"), ("timeStyle", "short")],
            Self::Log => &[
                ("year", "numeric"),
                ("month", "2-digit"),
                ("day", "2-digit"),
                ("hour", "2-digit"),
                ("minute", "2-digit"),
                ("second", "2-digit"),
            ],
        }
    }
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The browser's formatters in the page's locale: counts, then a formatter per time pattern
    /// (a log window formats hundreds of times). Made again when the locale changes.
    static FORMATTERS: std::cell::RefCell<Formatters> = std::cell::RefCell::new(Formatters::new(None));
    /// Fires when the locale changes: what shows a count or a time formats it again.
    static LOCALE_CHANGED: leptos::prelude::ArcTrigger = leptos::prelude::ArcTrigger::new();
}

/// The formatters of one locale.
#[cfg(target_arch = "wasm32")]
struct Formatters {
    locale: Option<String>,
    numbers: js_sys::Intl::NumberFormat,
    times: [js_sys::Intl::DateTimeFormat; 2],
}

#[cfg(target_arch = "wasm32")]
impl Formatters {
    fn new(locale: Option<String>) -> Self {
        let locales = js_sys::Array::new();
        if let Some(locale) = &locale {
            locales.push(&locale.into());
        }
        let options = |pairs: &[(&str, &str)]| {
            let object = js_sys::Object::new();
            for (key, value) in pairs {
                let _ = js_sys::Reflect::set(&object, &(*key).into(), &(*value).into());
            }
            object
        };
        Self {
            numbers: js_sys::Intl::NumberFormat::new(&locales, &options(&[])),
            times: [Pattern::Exact, Pattern::Log]
                .map(|p| js_sys::Intl::DateTimeFormat::new(&locales, &options(p.options()))),
            locale,
        }
    }
}

/// Shows counts and times in `locale` (a BCP 47 tag, checked by the configuration), or the
/// browser's with none, from now on.
#[cfg(target_arch = "wasm32")]
pub fn set_locale(locale: Option<&str>) {
    FORMATTERS.with(|f| {
        if f.borrow().locale.as_deref() != locale {
            *f.borrow_mut() = Formatters::new(locale.map(str::to_owned));
            LOCALE_CHANGED.with(leptos::prelude::Notify::notify);
        }
    });
}

/// Outside a browser there is one locale, the fixed patterns'.
#[cfg(not(target_arch = "wasm32"))]
pub fn set_locale(_: Option<&str>) {}

/// Formats `time` with the browser's `Intl.DateTimeFormat` in the page's locale and the user's
/// time zone.
#[cfg(target_arch = "wasm32")]
fn in_locale(pattern: Pattern, time: DateTime<Utc>) -> Option<String> {
    LOCALE_CHANGED.with(leptos::prelude::Track::track);
    let date = js_sys::Date::new(&(time.timestamp_millis() as f64).into());
    FORMATTERS.with(|f| {
        f.borrow().times[pattern as usize]
            .format()
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &date)
            .ok()?
            .as_string()
    })
}

/// Formats `n` with the browser's `Intl.NumberFormat` in the page's locale.
#[cfg(target_arch = "wasm32")]
fn in_locale_number(n: u32) -> Option<String> {
    LOCALE_CHANGED.with(leptos::prelude::Track::track);
    FORMATTERS.with(|f| {
        f.borrow()
            .numbers
            .format()
            .call1(&wasm_bindgen::JsValue::UNDEFINED, &n.into())
            .ok()?
            .as_string()
    })
}

/// Outside a browser counts are grouped by hand.
#[cfg(not(target_arch = "wasm32"))]
fn in_locale_number(_: u32) -> Option<String> {
    None
}

/// Outside a browser the fixed patterns above are used.
#[cfg(not(target_arch = "wasm32"))]
fn in_locale(_: Pattern, _: DateTime<Utc>) -> Option<String> {
    None
}

/// A CSS length in whole pixels: 333.6 → "334px".
pub fn px(length: f64) -> String {
    format!("{}px", length.round() as i64)
}

/// `part` of `whole` as a CSS percentage to two decimals: (1, 3) → "33.33%"; 0 of 0 is "0%".
pub fn percent(part: u32, whole: u32) -> String {
    if whole == 0 {
        return "0%".to_owned();
    }
    let hundredths = u64::from(part) * 10_000 / u64::from(whole);
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
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

/// The value of an `<input type="date">`: "2026-11-24".
pub fn date_value(day: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
}

/// Reads the value of an `<input type="date">` ("2026-11-24").
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value.trim().splitn(3, '-');
    let mut number = || -> Option<u32> {
        let part = parts.next()?;
        let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    };
    let (year, month, day) = (number()?, number()?, number()?);
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn groups_thousands_as_the_locale_does() {
        set_locale(Some("en-US"));
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(12_480), "12,480");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(items(1), "1 item");
        assert_eq!(items(2_000), "2,000 items");
        assert_eq!(grouped_by_hand(1_234_567), "1,234,567");
        set_locale(Some("de-DE"));
        assert_eq!(grouped(1_234_567), "1.234.567");
        set_locale(None);
    }

    #[wasm_bindgen_test]
    fn date_inputs_round_trip() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        assert_eq!(parse_date(&date_value(day)), Some(day));
        assert_eq!(date_value(day), "2026-11-24");
        let early = NaiveDate::from_ymd_opt(987, 1, 2).unwrap();
        assert_eq!(parse_date(&date_value(early)), Some(early));
        for bad in [
            "not a date",
            "",
            "2026-11",
            "2026-13-01",
            "2026-02-30",
            "2026-+1-01",
            "2026-11-24-1",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[wasm_bindgen_test]
    fn times_read_like_the_pattern() {
        let t = Utc.with_ymd_and_hms(2026, 3, 5, 7, 8, 9).unwrap();
        let local = t.with_timezone(&Local);
        if cfg!(target_arch = "wasm32") {
            // The runtime's locale (Intl): the year and the minute show, and the second in logs.
            let (exact, log) = (exact(t), log_time(t));
            assert!(exact.contains("2026") && exact.contains(":08"), "{exact}");
            assert!(log.contains("2026") && log.contains(":08:09"), "{log}");
        } else {
            assert_eq!(exact(t), local.format("%-d %b %Y, %H:%M").to_string());
            assert_eq!(log_time(t), local.format("%Y-%m-%d %H:%M:%S").to_string());
        }
    }

    #[wasm_bindgen_test]
    fn css_values() {
        assert_eq!(px(333.6), "334px");
        assert_eq!(px(96.0), "96px");
        assert_eq!(percent(1, 3), "33.33%");
        assert_eq!(percent(467, 593), "78.75%");
        assert_eq!(percent(5, 5), "100.00%");
        assert_eq!(percent(0, 0), "0%");
    }
}
