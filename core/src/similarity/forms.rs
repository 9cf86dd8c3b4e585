//! The forms a name is compared and indexed in: lower case, its words, its letters and digits,
//! its host, its stem without suffixes, and the keys an index files a record under.

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
pub(super) fn normalise(name: &str, lower: &mut String, plain: &mut String) {
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

/// The name's characters in lower case.
fn folded(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().flat_map(char::to_lowercase)
}

/// The name's letters and digits in lower case.
pub(super) fn compact(name: &str) -> impl Iterator<Item = char> + '_ {
    folded(name).filter(|c| c.is_alphanumeric())
}

/// A fingerprint of the letters and digits of a name's words that does not depend on their
/// order: names with the same words in another order have the same one (0 for none).
pub(super) fn letters(plain: &str) -> u64 {
    plain.chars().filter(|c| *c != ' ').fold(0, |sum, c| {
        sum.wrapping_add((u64::from(c) + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
    })
}

/// Whether `long` (lower case) is the host name `short` (lower case) with its domain.
pub(super) fn qualified(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.as_bytes()[short.len()] == b'.'
        && long.starts_with(short)
        && host(long).is_some()
}

/// A domain-qualified name (lower case) up to each of its dots: the names it is the
/// domain-qualified form of (`a` and `a.b` of `a.b.c`); none for a name that is not one.
pub(super) fn hosts(name: &str) -> impl Iterator<Item = &str> {
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
pub(super) fn swapped(name: &str) -> Option<String> {
    let (last, first) = name.split_once(',')?;
    (!first.contains(',')).then(|| format!("{first} {last}"))
}

/// A name's words (of its plain form), sorted.
pub(super) fn sorted_words(plain: &str) -> Vec<&str> {
    let mut list: Vec<&str> = plain.split(' ').collect();
    list.sort_unstable();
    list
}

/// The letters and digits of the name outside its suffixes, in lower case; none when it has
/// no suffix.
pub(super) fn stem(name: &str) -> Option<impl Iterator<Item = char> + '_> {
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
pub(super) fn suffixes(name: &str) -> impl Iterator<Item = &str> {
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
