//! The widget's allowed host origins: exact `scheme://host[:port]` as browsers write them.

use serde::{Deserialize, Serialize};

/// Whether `text` is an allowed widget host origin, and its exact form: `scheme://host[:port]`
/// as a browser writes `event.origin` (lower case, default port left out, no path).
pub fn parse_origin(text: &str) -> Result<String, OriginError> {
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let (scheme, rest) = if let Some(rest) = lower.strip_prefix("https://") {
        ("https", rest)
    } else if let Some(rest) = lower.strip_prefix("http://") {
        ("http", rest)
    } else {
        return Err(OriginError::Scheme);
    };
    // A single trailing slash is what people paste from the address bar; anything after it is a
    // path, which an origin never has.
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.contains(['/', '?', '#']) {
        return Err(OriginError::NotAnOrigin);
    }
    // IPv6 literals are left out: an intranet host has a name or an IPv4 address.
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && !host.starts_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
    if !host_ok {
        return Err(OriginError::NotAnOrigin);
    }
    let port = match port {
        None => None,
        // Digits only: `parse` would also take a sign, which no browser writes.
        Some(port) if !port.bytes().all(|byte| byte.is_ascii_digit()) => {
            return Err(OriginError::Port)
        }
        Some(port) => match port.parse::<u16>() {
            Ok(0) | Err(_) => return Err(OriginError::Port),
            Ok(port) => Some(port),
        },
    };
    let default_port = if scheme == "https" { 443 } else { 80 };
    Ok(match port {
        Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// Why a widget origin was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum OriginError {
    /// Not `http://` or `https://`.
    Scheme,
    /// A path, query, wildcard, user name or odd character: only an exact origin is allowed.
    NotAnOrigin,
    Port,
}
