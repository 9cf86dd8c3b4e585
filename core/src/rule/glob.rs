//! A rule's name pattern: a glob (`*` any run of characters, `?` any one character, anything
//! else itself), matched against a whole lower-cased name, case aside.

use crate::listing::lower_into;

/// One step of a pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Token {
    /// `*`: any run of characters, none included.
    Star,
    /// `?`: any one character.
    One,
    /// A byte of a literal character (lower-cased, UTF-8).
    Byte(u8),
}

/// A compiled name pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Glob(Vec<Token>);

impl Glob {
    /// Compiles `pattern`, lower-cased as item names are in the store's listings.
    pub(crate) fn new(pattern: &str) -> Self {
        let mut lowered = Vec::new();
        lower_into(&mut lowered, pattern.trim());
        let mut tokens: Vec<Token> = Vec::with_capacity(lowered.len());
        for byte in lowered {
            let token = match byte {
                b'*' => Token::Star,
                b'?' => Token::One,
                b => Token::Byte(b),
            };
            // Two stars in a row are one.
            if !(token == Token::Star && tokens.last() == Some(&Token::Star)) {
                tokens.push(token);
            }
        }
        Self(tokens)
    }

    /// Whether the pattern matches the whole of `name` (already lower-cased).
    ///
    /// The classic linear backtracking match: on a mismatch, the last star takes one more
    /// character, so a pattern with any number of stars takes at most `pattern × name` steps.
    pub(crate) fn matches(&self, name: &str) -> bool {
        let (pattern, name) = (&self.0, name.as_bytes());
        let (mut p, mut n) = (0, 0);
        // Where to go back to: the token after the last star, and the name position it took up to.
        let mut back: Option<(usize, usize)> = None;
        while n < name.len() {
            match pattern.get(p) {
                Some(Token::Star) => {
                    back = Some((p + 1, n));
                    p += 1;
                    continue;
                }
                Some(Token::One) => {
                    p += 1;
                    n += char_len(name[n]);
                    continue;
                }
                Some(Token::Byte(b)) if *b == name[n] => {
                    p += 1;
                    n += 1;
                    continue;
                }
                _ => {}
            }
            match back {
                Some((after_star, taken)) => {
                    let taken = taken + char_len(name[taken]);
                    back = Some((after_star, taken));
                    (p, n) = (after_star, taken);
                }
                None => return false,
            }
        }
        pattern[p..].iter().all(|t| *t == Token::Star)
    }

    /// Whether the pattern has no token (an empty pattern: it names no condition).
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The length in bytes of the UTF-8 character that starts with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::Glob;

    fn hits(pattern: &str, name: &str) -> bool {
        let mut lowered = Vec::new();
        crate::listing::lower_into(&mut lowered, name);
        Glob::new(pattern).matches(std::str::from_utf8(&lowered).unwrap())
    }

    #[test]
    fn a_star_matches_any_run_and_the_rest_is_literal() {
        assert!(hits("*-TEST", "web-01-test"));
        assert!(hits("*-test", "WEB-01-TEST"));
        assert!(!hits("*-TEST", "web-01-test2"));
        assert!(hits("*(old)*", "Printer (OLD) floor 2"));
        assert!(!hits("*(old)*", "Printer old"));
        assert!(hits("*", ""));
        assert!(hits("**a**", "banana"));
        assert!(!hits("a*", "banana"));
    }

    #[test]
    fn a_question_mark_is_one_character_of_any_width() {
        assert!(hits("pc-??", "PC-12"));
        assert!(!hits("pc-??", "PC-1"));
        assert!(hits("b?ro", "Büro"));
        assert!(hits("*ü*", "MÜNCHEN"));
        assert!(hits("?", "€"));
        assert!(!hits("??", "€"));
    }

    #[test]
    fn the_pattern_matches_the_whole_name() {
        assert!(!hits("test", "test-1"));
        assert!(hits("test", " TEST ".trim()));
        assert!(hits("  test  ", "test"));
    }

    #[test]
    fn many_stars_take_at_most_pattern_times_name_steps() {
        let name = "a".repeat(10_000);
        assert!(!hits("*a*a*a*a*a*a*b", &name));
    }
}
