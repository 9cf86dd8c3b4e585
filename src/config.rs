//! How the app is configured: by the page's URL query when standalone.

/// The app's settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// The documentation portal's product name, as labels show it ("Disable previous … record").
    pub portal: String,
    /// Synced items of the largest demo integration.
    pub demo_size: u32,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            portal: "portal".to_owned(),
            demo_size: 600,
        }
    }
}

/// The largest demo the mock store will generate.
const MAX_DEMO_SIZE: u32 = 1_000_000;

impl Config {
    /// Reads `portal` and `demo` from a URL query; anything missing or unreadable keeps its
    /// default.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let default = Self::default();
        Self {
            portal: get("portal")
                .map(|p| p.trim().to_owned())
                .filter(|p| !p.is_empty())
                .unwrap_or(default.portal),
            demo_size: get("demo")
                .and_then(|d| d.trim().parse::<u32>().ok())
                .map(|d| d.clamp(1, MAX_DEMO_SIZE))
                .unwrap_or(default.demo_size),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Config;

    #[test]
    fn reads_the_query_and_keeps_defaults_for_the_rest() {
        let query = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        assert_eq!(Config::from_query(query(&[])), Config::default());
        let c = Config::from_query(query(&[("portal", "Passportal"), ("demo", "100000")]));
        assert_eq!((c.portal.as_str(), c.demo_size), ("Passportal", 100_000));
        let c = Config::from_query(query(&[("portal", "  "), ("demo", "lots")]));
        assert_eq!(c, Config::default());
        assert_eq!(Config::from_query(query(&[("demo", "0")])).demo_size, 1);
    }
}
