//! How likely a portal record is to be the same thing as a synced item, judged by their names: a
//! score from 0 to 100 and the reason in a few words.
//!
//! Names are compared in forms from strict to loose: the same; the same ignoring case; ignoring
//! punctuation and spacing; "Last, First" against "First Last"; the same words in another order;
//! a host name against its domain-qualified form (`host.client.local`); the same apart from a
//! bracketed or dashed suffix such as "(old)" or "– spare". Only these score 90 or more. Anything
//! else scores how similar the names are (the normalised Levenshtein distance over their words,
//! from rapidfuzz), capped at 89: a look-alike such as `DC01` for `DC02` is 92% similar and must
//! never pass a threshold of 90 on its own.

use std::cell::RefCell;

use rapidfuzz::distance::levenshtein::BatchComparator;

/// How sure a suggestion is that two names are of the same thing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Likeness {
    /// 0 (nothing alike) to 100 (the same name).
    pub score: u8,
    /// Why.
    pub reason: Reason,
}

impl Likeness {
    /// The order of suggestions, higher first: the score, then (among names that are only
    /// similar, which share the capped score) how similar.
    pub fn rank(&self) -> u16 {
        let similar = match self.reason {
            Reason::Similar(percent) => percent,
            _ => 0,
        };
        u16::from(self.score) << 8 | u16::from(similar)
    }
}

/// Why two names were judged alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Exactly the same.
    Same,
    /// The same but for upper and lower case.
    SameIgnoringCase,
    /// The same letters and digits, punctuation and spacing aside.
    SameIgnoringPunctuation,
    /// "Last, First" against "First Last".
    Reversed,
    /// The same words in another order.
    Reordered,
    /// A host name against its domain-qualified form.
    DomainQualified,
    /// The same apart from a suffix such as "(old)".
    Suffixed,
    /// This many percent similar.
    Similar(u8),
}

/// The highest score a merely similar name gets.
const SIMILAR_CAP: u8 = 89;

/// Scores how alike an item's name and a record's name are.
pub fn likeness(item: &str, record: &str) -> Likeness {
    NameKey::new(item).likeness(record)
}

/// An item's name prepared once to be scored against many records' names.
pub struct NameKey<'a> {
    name: &'a str,
    /// The name in lower case.
    lower: String,
    /// Its letters and digits in lower case.
    compact: String,
    /// "First Last" of a "Last, First" name, compact.
    swapped: Option<String>,
    /// Its words sorted, when it has more than one.
    sorted: Option<Vec<String>>,
    /// A fingerprint of its letters and digits, whatever their order.
    letters: u64,
    /// Its stem when it has suffixes.
    stem: Option<String>,
    /// Its words, one space between them, ready to be compared with others'.
    plain: BatchComparator<char>,
    /// The record's name in lower case and its words, reused from one record to the next.
    scratch: RefCell<(String, String)>,
}

impl<'a> NameKey<'a> {
    /// Prepares `name`.
    pub fn new(name: &'a str) -> Self {
        let (mut lower, mut plain) = (String::new(), String::new());
        normalise(name, &mut lower, &mut plain);
        let sorted: Vec<String> = sorted_words(&plain)
            .into_iter()
            .map(str::to_owned)
            .collect();
        Self {
            name,
            compact: plain.replace(' ', ""),
            swapped: swapped(name).map(|s| compact(&s).collect()),
            sorted: (sorted.len() > 1).then_some(sorted),
            letters: letters(&plain),
            stem: stem(name).map(Iterator::collect),
            plain: BatchComparator::new(plain.chars()),
            lower,
            scratch: RefCell::default(),
        }
    }

    /// Scores how alike this name and a record's name are.
    pub fn likeness(&self, record: &str) -> Likeness {
        if self.name == record {
            return Likeness {
                score: 100,
                reason: Reason::Same,
            };
        }
        let mut scratch = self.scratch.borrow_mut();
        let (lower, plain) = &mut *scratch;
        normalise(record, lower, plain);
        let compact = || plain.chars().filter(|c| *c != ' ');
        // Names with the same letters in any order: the only ones that can be the same ignoring
        // punctuation, reversed or reordered.
        let same_letters = letters(plain) == self.letters;
        let (score, reason) = if *lower == self.lower {
            (99, Reason::SameIgnoringCase)
        } else if same_letters && !self.compact.is_empty() && compact().eq(self.compact.chars()) {
            (97, Reason::SameIgnoringPunctuation)
        } else if same_letters && self.reversed(record, compact) {
            (95, Reason::Reversed)
        } else if qualified(lower, &self.lower) || qualified(&self.lower, lower) {
            (95, Reason::DomainQualified)
        } else if same_letters && self.reordered(plain) {
            (93, Reason::Reordered)
        } else if self.suffixed(record, compact) {
            (91, Reason::Suffixed)
        } else {
            let similar = self.plain.normalized_similarity(plain.chars());
            let percent = (similar * 100.0).round() as u8;
            (percent.min(SIMILAR_CAP), Reason::Similar(percent))
        };
        Likeness { score, reason }
    }

    /// The forms of this name a [`forms`] index is looked up by, to find every record this name
    /// scores 91 or more against (see [`forms`]).
    pub(crate) fn keys(&self) -> Keys {
        let mut keys = vec![
            Key::Compact(self.compact.clone()),
            Key::Host(self.lower.clone()),
        ];
        keys.extend(self.swapped.clone().map(Key::Compact));
        keys.extend(
            self.sorted
                .as_ref()
                .map(|words| Key::Words(words.join(" "))),
        );
        keys.extend(hosts(&self.lower).map(|short| Key::Lower(short.to_owned())));
        match &self.stem {
            Some(stem) => {
                keys.push(Key::Compact(stem.clone()));
                keys.push(Key::Stem(stem.clone()));
            }
            None => keys.push(Key::Stem(self.compact.clone())),
        }
        keys
    }

    /// Whether one name is "Last, First" of the other (`compact`: the record's letters).
    fn reversed<I: Iterator<Item = char>>(&self, record: &str, compact: impl Fn() -> I) -> bool {
        self.swapped
            .as_ref()
            .is_some_and(|s| s.chars().eq(compact()))
            || (record.contains(',')
                && swapped(record).is_some_and(|s| self::compact(&s).eq(self.compact.chars())))
    }

    /// Whether the names have the same words (more than one) in another order (asked only of
    /// names with the same letters).
    fn reordered(&self, plain: &str) -> bool {
        self.sorted
            .as_ref()
            .is_some_and(|sorted| *sorted == sorted_words(plain))
    }

    /// Whether the names are the same apart from suffixes (which at least one has).
    fn suffixed<I: Iterator<Item = char>>(&self, record: &str, compact: impl Fn() -> I) -> bool {
        match (&self.stem, stem(record)) {
            (None, None) => false,
            (Some(mine), None) => !mine.is_empty() && mine.chars().eq(compact()),
            (mine, Some(theirs)) => {
                let target = mine.as_deref().unwrap_or(&self.compact);
                !target.is_empty() && theirs.eq(target.chars())
            }
        }
    }
}

/// One form of a name, as indexed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Key {
    /// Its letters and digits, lower case (also those of "First Last" for "Last, First").
    Compact(String),
    /// Its words, sorted, when it has more than one.
    Words(String),
    /// Its lower case.
    Lower(String),
    /// A domain-qualified name up to one of its dots, lower case.
    Host(String),
    /// Its letters and digits outside its suffixes, lower case.
    Stem(String),
}

/// The keys of a name.
pub(crate) type Keys = Vec<Key>;

/// The keys under which an index files a record named `name`. Every record a name scores 91
/// or more against (by a rule, not by looks) shares one of the name's [`NameKey::keys`]:
/// - 100, 99 and 97: the same letters and digits ([`Key::Compact`]);
/// - 95 reversed: one's letters are those of the other's "First Last" ([`Key::Compact`]);
/// - 95 domain-qualified: the record is the name up to one of its dots ([`Key::Lower`] of the
///   record against those of the name) or the other way round ([`Key::Host`]);
/// - 93 reordered: the same words ([`Key::Words`]);
/// - 91 suffixed: the stems, or a stem and the other's letters ([`Key::Stem`], [`Key::Compact`]).
///
/// The keys are exact forms, not fingerprints, so that look-alike names (`WS-0123` and
/// `WS-0132`) do not share a key and a lookup scores only real candidates.
pub(crate) fn forms(name: &str) -> Keys {
    let (mut lower, mut plain) = (String::new(), String::new());
    normalise(name, &mut lower, &mut plain);
    let mut keys = vec![Key::Compact(plain.chars().filter(|c| *c != ' ').collect())];
    if name.contains(',') {
        keys.extend(swapped(name).map(|s| Key::Compact(compact(&s).collect())));
    }
    let words = sorted_words(&plain);
    if words.len() > 1 {
        keys.push(Key::Words(words.join(" ")));
    }
    keys.extend(hosts(&lower).map(|short| Key::Host(short.to_owned())));
    keys.extend(stem(name).map(|theirs| Key::Stem(theirs.collect())));
    keys.push(Key::Lower(lower));
    keys
}

/// Writes `name` in lower case into `lower`, and its words, one space between them, into `plain`.
fn normalise(name: &str, lower: &mut String, plain: &mut String) {
    lower.clear();
    plain.clear();
    if name.is_ascii() {
        lower.push_str(name);
        lower.make_ascii_lowercase();
    } else {
        lower.extend(name.chars().flat_map(char::to_lowercase));
    }
    let mut gap = false;
    for c in lower.chars() {
        if c.is_alphanumeric() {
            if gap && !plain.is_empty() {
                plain.push(' ');
            }
            gap = false;
            plain.push(c);
        } else {
            gap = true;
        }
    }
}

/// The reason in a few words ("name reversed", "87% similar"), naming a suffix that was set
/// aside ("same name apart from “(old)”").
pub fn describe(reason: Reason, item: &str, record: &str) -> String {
    match reason {
        Reason::Same => "same name".to_owned(),
        Reason::SameIgnoringCase => "same name ignoring case".to_owned(),
        Reason::SameIgnoringPunctuation => "same name ignoring punctuation and spacing".to_owned(),
        Reason::Reversed => "name reversed".to_owned(),
        Reason::Reordered => "same words in another order".to_owned(),
        Reason::DomainQualified => "same host name with its domain".to_owned(),
        Reason::Suffixed => {
            let extra: Vec<&str> = [item, record].into_iter().flat_map(suffixes).collect();
            format!("same name apart from “{}”", extra.join(" "))
        }
        Reason::Similar(percent) => format!("{percent}% similar"),
    }
}

/// The name's characters in lower case.
fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(char::to_lowercase)
}

/// The name's letters and digits in lower case.
fn compact(name: &str) -> impl Iterator<Item = char> + '_ {
    folded(name).filter(|c| c.is_alphanumeric())
}

/// A fingerprint of the letters and digits of a name's words that does not depend on their
/// order: names with the same words in another order have the same one (0 for none).
fn letters(plain: &str) -> u64 {
    plain.chars().filter(|c| *c != ' ').fold(0, |sum, c| {
        sum.wrapping_add((u64::from(c) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    })
}

/// Whether `long` (lower case) is the host name `short` (lower case) with its domain.
fn qualified(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.as_bytes()[short.len()] == b'.'
        && long.starts_with(short)
        && host(long).is_some()
}

/// A domain-qualified name (lower case) up to each of its dots: the names it is the
/// domain-qualified form of (`a` and `a.b` of `a.b.c`); none for a name that is not one.
fn hosts(name: &str) -> impl Iterator<Item = &str> {
    let qualified = host(name).is_some();
    name.match_indices('.')
        .filter(move |_| qualified)
        .map(move |(at, _)| &name[..at])
}

/// The host of a domain-qualified name (`host` of `host.client.local`).
fn host(name: &str) -> Option<&str> {
    let (host, domain) = name.split_once('.')?;
    let label =
        |part: &str| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-');
    (label(host) && domain.split('.').all(label)).then_some(host)
}

/// "First Last" of a "Last, First" name.
fn swapped(name: &str) -> Option<String> {
    let (last, first) = name.split_once(',')?;
    (!first.contains(',')).then(|| format!("{first} {last}"))
}

/// A name's words (of its plain form), sorted.
fn sorted_words(plain: &str) -> Vec<&str> {
    let mut list: Vec<&str> = plain.split(' ').collect();
    list.sort_unstable();
    list
}

/// The letters and digits of the name outside its suffixes, in lower case; none when it has
/// no suffix.
fn stem(name: &str) -> Option<impl Iterator<Item = char> + '_> {
    // A quick look at the bytes first: most names have no bracket and no spaced dash.
    let bytes = name.as_bytes();
    let marked = bytes.iter().any(|&b| b == b'(' || b == b'[')
        || bytes
            .windows(2)
            .any(|w| w[0] == b' ' && matches!(w[1], b'-' | 0xE2));
    if !marked {
        return None;
    }
    let cuts: Vec<(usize, usize)> = suffixes(name)
        .map(|extra| {
            let start = extra.as_ptr() as usize - name.as_ptr() as usize;
            (start, start + extra.len())
        })
        .collect();
    if cuts.is_empty() {
        return None;
    }
    let kept = move |at: usize| !cuts.iter().any(|&(start, end)| (start..end).contains(&at));
    Some(
        name.char_indices()
            .filter(move |(at, _)| kept(*at))
            .flat_map(|(_, c)| c.to_lowercase())
            .filter(|c| c.is_alphanumeric()),
    )
}

/// What reads as a suffix: bracketed words ("(old)", "[Main]"; not numbers such as "(2)", which
/// tell look-alikes apart) and a last word after a spaced dash ("– spare").
fn suffixes(name: &str) -> impl Iterator<Item = &str> {
    let bracketed = name
        .match_indices(['(', '['])
        .filter_map(move |(start, open)| {
            let close = if open == "(" { ')' } else { ']' };
            let end = start + name[start..].find(close)?;
            let part = &name[start..=end];
            let inner = &part[1..part.len() - 1];
            (!inner.chars().all(|c| c.is_ascii_digit())).then_some(part)
        });
    let dashed = name
        .rfind(['-', '–', '—'])
        .filter(|&at| name[..at].ends_with(' ') && name[at..].chars().nth(1) == Some(' '))
        .map(|at| name[at..].trim_end())
        .filter(|tail| tail.split_whitespace().count() == 2);
    bracketed.chain(dashed)
}

#[cfg(test)]
mod tests {
    use super::{describe, forms, likeness, NameKey, Reason};

    /// Every rule (91 and up) finds its record through the index: the record is filed under one
    /// of the keys the item is looked up by, whichever side has the domain or the suffix.
    #[test]
    fn every_rule_match_shares_an_index_key() {
        let pairs = [
            ("Contoso-DC01", "Contoso-DC01"),
            ("Contoso Ltd", "CONTOSO LTD"),
            ("Main Office – Leeds", "Main Office Leeds"),
            ("Smith, John", "John Smith"),
            ("John Smith", "Smith, John"),
            ("Sales Team Leeds", "Leeds Sales Team"),
            ("contoso-dc01", "contoso-dc01.contoso.local"),
            ("contoso-dc01.contoso.local", "CONTOSO-DC01"),
            ("fs.eu", "fs.eu.contoso.local"),
            ("fs.eu.contoso.local", "fs.eu"),
            ("Laptop-22 (old)", "Laptop-22"),
            ("Laptop-22", "Laptop-22 (old)"),
            ("Printer [Main]", "Printer – spare"),
        ];
        for (item, record) in pairs {
            let key = NameKey::new(item);
            let judged = key.likeness(record);
            assert!(judged.score >= 91, "{item} / {record}: {judged:?}");
            let keys = key.keys();
            assert!(
                forms(record).iter().any(|k| keys.contains(k)),
                "{item} / {record}: no shared key"
            );
        }
    }

    fn judged(item: &str, record: &str) -> (u8, String) {
        let l = likeness(item, record);
        (l.score, describe(l.reason, item, record))
    }

    #[test]
    fn stronger_forms_score_higher_and_say_why() {
        let cases = [
            ("Contoso-DC01", "Contoso-DC01", 100, "same name"),
            ("Contoso Ltd", "CONTOSO LTD", 99, "same name ignoring case"),
            (
                "Main Office – Leeds",
                "Main Office Leeds",
                97,
                "same name ignoring punctuation and spacing",
            ),
            ("Jane Smith", "Smith, Jane", 95, "name reversed"),
            ("Smith, Jane Ann", "jane ann smith", 95, "name reversed"),
            (
                "Contoso-DC01",
                "contoso-dc01.cnt.local",
                95,
                "same host name with its domain",
            ),
            (
                "web01.contoso.com",
                "WEB01",
                95,
                "same host name with its domain",
            ),
            (
                "Backup Server Contoso",
                "Contoso Backup Server",
                93,
                "same words in another order",
            ),
            (
                "Contoso-DC01",
                "Contoso-DC01 (old)",
                91,
                "same name apart from “(old)”",
            ),
            (
                "Dell OptiPlex 7090",
                "Dell OptiPlex 7090 – spare",
                91,
                "same name apart from “– spare”",
            ),
            (
                "Head Office",
                "Head Office (Main)",
                91,
                "same name apart from “(Main)”",
            ),
        ];
        for (item, record, score, reason) in cases {
            assert_eq!(
                judged(item, record),
                (score, reason.to_owned()),
                "{item} / {record}"
            );
        }
    }

    #[test]
    fn look_alikes_never_reach_ninety() {
        let (score, reason) = judged("Contoso-DC01", "Contoso-DC02");
        assert_eq!((score, reason.as_str()), (89, "92% similar"));
        let (score, reason) = judged("Contoso Ltd", "Contoso Limited");
        assert!(
            score < 90 && reason.ends_with("% similar"),
            "{score} {reason}"
        );
        assert_eq!(
            likeness("Jane Smith", "Jane A. Smith").reason,
            Reason::Similar(83)
        );
    }

    #[test]
    fn a_number_in_brackets_tells_look_alikes_apart() {
        let l = likeness("Atlanta Branch (121)", "Atlanta Branch");
        assert!(
            matches!(l.reason, Reason::Similar(_)) && l.score < 90,
            "{l:?}"
        );
        let l = likeness("Atlanta Branch (121) (old)", "Atlanta Branch (121)");
        assert_eq!(l.reason, Reason::Suffixed);
    }

    #[test]
    fn unrelated_names_score_low() {
        let l = likeness("Jane Smith", "Printer 3rd floor");
        assert!(l.score < 30, "{l:?}");
        assert_eq!(likeness("", "x").score, 0);
    }

    #[test]
    fn a_dot_in_a_name_is_not_a_domain_and_a_suffix_alone_is_no_stem() {
        assert!(matches!(
            likeness("J", "J. Smith").reason,
            Reason::Similar(_)
        ));
        assert!(matches!(
            likeness("(old)", "(new)").reason,
            Reason::Similar(_)
        ));
    }
}
