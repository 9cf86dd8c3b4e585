//! Who makes a request: the name of the bearer token it carries. A token is named in the tokens
//! file (`--tokens-file`, one `<token> <name>` a line) or the environment
//! (`SYNC_SERVER_TOKENS`, lines or `;`-separated); the single `--token` is named by
//! `--token-name`. Writes record this name in the items' history.

use subtle::ConstantTimeEq;

/// The name writes are recorded under when the server takes requests without a token.
pub const ANONYMOUS: &str = "Anonymous";

/// A bearer token and the name of whoever holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NamedToken {
    /// The token.
    pub token: String,
    /// Its holder's name.
    pub name: String,
}

/// Who made a request, as `authorize` found it (in the request's extensions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor(pub String);

/// The named tokens of lines of `<token> <name>` (`;` also ends a line; blank lines and `#`
/// comments are skipped), or the line that is not one.
pub fn parse_tokens(text: &str) -> Result<Vec<NamedToken>, String> {
    let mut tokens = Vec::new();
    for (n, line) in text.split(['\n', ';']).enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match line.split_once(char::is_whitespace) {
            Some((token, name)) if !name.trim().is_empty() => tokens.push(NamedToken {
                token: token.to_owned(),
                name: name.trim().to_owned(),
            }),
            _ => {
                return Err(format!(
                    "tokens: part {} is not `<token> <name>` (a token, a space, then its holder's name)",
                    n + 1
                ))
            }
        }
    }
    Ok(tokens)
}

/// The name of the token `given` among `tokens`, compared in constant time (how much of a guess
/// matched must not show in how long it took); every token is compared.
pub fn holder<'a>(tokens: &'a [NamedToken], given: &[u8]) -> Option<&'a str> {
    let mut found = None;
    for named in tokens {
        if bool::from(given.ct_eq(named.token.as_bytes())) {
            found = Some(named.name.as_str());
        }
    }
    found
}
