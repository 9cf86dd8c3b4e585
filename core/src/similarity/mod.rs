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

mod forms;
#[cfg(test)]
mod tests;

use forms::{compact, hosts, letters, normalise, qualified, sorted_words, stem, suffixes, swapped};
pub(crate) use forms::{forms, Key, Keys};

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
