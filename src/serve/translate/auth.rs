//! Who may use the translators' pages: whoever holds the per-launch secret of the link
//! `serve` prints. The secret (32 random bytes from the operating system) is exchanged
//! for a `SameSite=Strict; HttpOnly` cookie; every write must also come from a page of
//! this server (`Origin`) and carry the CSRF token of the form. Cookie and token are keyed
//! BLAKE3 hashes of the secret, so neither gives the secret away, and comparisons take the
//! same time whatever the guess (BLAKE3's `Hash` compares in constant time).

/// The name of the cookie.
pub const COOKIE: &str = "tradui_translate";
/// The query parameter of the link that carries the secret.
pub const KEY_PARAM: &str = "key";

/// The secret of one launch of `serve`.
pub struct Secret {
    key: [u8; 32],
}

impl Secret {
    /// A new secret from the operating system's random source.
    pub fn random() -> Result<Secret, String> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| format!("no random numbers from the system: {e}"))?;
        Ok(Secret { key })
    }

    #[cfg(test)]
    pub fn fixed(key: [u8; 32]) -> Secret {
        Secret { key }
    }

    /// The secret as it appears in the link.
    pub fn link_key(&self) -> String {
        hex(&self.key)
    }

    fn derived(&self, purpose: &str) -> String {
        blake3::keyed_hash(&self.key, purpose.as_bytes()).to_hex().to_string()
    }

    /// The cookie's value.
    pub fn cookie_value(&self) -> String {
        self.derived("tradui translate cookie v1")
    }

    /// The hidden CSRF field of every form.
    pub fn csrf(&self) -> String {
        self.derived("tradui translate csrf v1")
    }

    /// Is `given` the link's secret?
    pub fn is_key(&self, given: &str) -> bool {
        same(given, &self.link_key())
    }

    /// Does the request's `Cookie` header hold this launch's cookie?
    pub fn has_cookie(&self, cookie_header: &str) -> bool {
        let want = self.cookie_value();
        cookie_header
            .split(';')
            .filter_map(|c| c.trim().split_once('='))
            .any(|(name, value)| name == COOKIE && same(value, &want))
    }

    /// Is `given` the CSRF token?
    pub fn is_csrf(&self, given: &str) -> bool {
        same(given, &self.csrf())
    }

    /// The `Set-Cookie` value that lets this browser in for the rest of the launch.
    pub fn set_cookie(&self) -> String {
        format!("{COOKIE}={}; Path=/translate; SameSite=Strict; HttpOnly", self.cookie_value())
    }
}

/// Compares in constant time (through BLAKE3's constant-time `Hash` equality).
fn same(a: &str, b: &str) -> bool {
    blake3::hash(a.as_bytes()) == blake3::hash(b.as_bytes())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_and_the_token_come_from_the_secret_and_differ() {
        let s = Secret::fixed([7; 32]);
        let other = Secret::fixed([8; 32]);
        assert_eq!(s.link_key().len(), 64);
        assert!(s.is_key(&s.link_key()) && !s.is_key(&other.link_key()) && !s.is_key(""));
        assert_ne!(s.cookie_value(), s.csrf());
        assert_ne!(s.cookie_value(), s.link_key(), "the cookie is not the secret");
        assert!(s.is_csrf(&s.csrf()) && !s.is_csrf(&other.csrf()) && !s.is_csrf(""));
        let header = format!("a=b; {COOKIE}={}", s.cookie_value());
        assert!(s.has_cookie(&header));
        assert!(!other.has_cookie(&header));
        assert!(!s.has_cookie(&format!("x{COOKIE}={}", s.cookie_value())));
        assert!(s.set_cookie().contains("SameSite=Strict; HttpOnly"));
    }

    #[test]
    fn two_launches_have_two_secrets() {
        let (a, b) = (Secret::random().unwrap(), Secret::random().unwrap());
        assert_ne!(a.link_key(), b.link_key());
    }
}
