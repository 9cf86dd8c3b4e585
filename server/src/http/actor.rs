//! Who makes a request: the name of the bearer token it carries. A token is named in the tokens
//! file (`--tokens-file`, one `<token> <name>` a line) or the environment
//! (`SYNC_SERVER_TOKENS`, lines or `;`-separated); the single `--token` is named by
//! `--token-name`. Or, behind a portal's proxy, a trusted header names the user
//! ([`TrustedHeader`]). Writes record this name in the items' history.

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

/// A header a portal's proxy names the user with, taken only from the proxy's addresses
/// (`--actor-header X-Portal-User --trusted-proxies 10.0.0.0/8`). With it, every write must name
/// its user so.
#[derive(Clone, Debug)]
pub struct TrustedHeader {
    /// The header.
    pub name: axum::http::HeaderName,
    /// The networks the proxy's requests come from.
    pub proxies: Vec<ipnet::IpNet>,
}

/// The longest user name taken from the header.
const MAX_NAME: usize = 200;

impl TrustedHeader {
    /// The header `name`, trusted from `proxies` (addresses or networks, comma-separated), or
    /// why not.
    pub fn parse(name: &str, proxies: &str) -> Result<Self, String> {
        let name = axum::http::HeaderName::try_from(name.trim())
            .map_err(|_| format!("actor header: {name:?} is not a header name"))?;
        let proxies = proxies
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                p.parse::<ipnet::IpNet>()
                    .or_else(|_| p.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                    .map_err(|_| format!("trusted proxies: {p:?} is not an address or network"))
            })
            .collect::<Result<Vec<_>, _>>()?;
        if proxies.is_empty() {
            return Err(
                "an actor header needs --trusted-proxies (the portal proxy's addresses)".into(),
            );
        }
        Ok(Self { name, proxies })
    }

    /// The user the request's header names, when the request comes from a trusted address and
    /// the header is one readable name.
    pub fn user(&self, request: &axum::extract::Request) -> Option<String> {
        let peer = request
            .extensions()
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()?
            .0
            .ip();
        let peer = match peer {
            std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(peer, std::net::IpAddr::V4),
            v4 => v4,
        };
        if !self.proxies.iter().any(|net| net.contains(&peer)) {
            return None;
        }
        let value = request.headers().get(&self.name)?;
        let name = std::str::from_utf8(value.as_bytes()).ok()?.trim();
        let fits = !name.is_empty()
            && name.chars().count() <= MAX_NAME
            && !name.chars().any(char::is_control);
        fits.then(|| name.to_owned())
    }
}
