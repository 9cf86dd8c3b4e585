//! How much a portal record's name looks like a synced item's name.

/// Ranks how alike two lower-cased names are: 0 the same, 1 one contains the other, 2 they share a
/// word of three or more letters or digits, 3 otherwise.
pub fn likeness(a: &str, b: &str) -> u8 {
    if a == b {
        0
    } else if a.contains(b) || b.contains(a) {
        1
    } else if words(a).any(|w| words(b).any(|v| v == w)) {
        2
    } else {
        3
    }
}

fn words(name: &str) -> impl Iterator<Item = &str> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::likeness;

    #[test]
    fn ranks_exact_then_containing_then_shared_word_then_other() {
        assert_eq!(likeness("contoso-dc01", "contoso-dc01"), 0);
        assert_eq!(likeness("contoso-dc01", "contoso-dc01.contoso.local"), 1);
        assert_eq!(likeness("jane smith", "smith, jane"), 2);
        assert_eq!(likeness("jane smith", "john doe"), 3);
    }

    #[test]
    fn short_words_do_not_count_as_shared() {
        assert_eq!(likeness("hq of a", "an of b"), 3);
    }
}
