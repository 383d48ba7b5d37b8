//! The translators' link for phones: this computer's address on the network, and a QR
//! code of the link drawn in the terminal.

use std::net::{IpAddr, UdpSocket};

/// The address this computer uses on its network (the one a phone on the same Wi-Fi
/// reaches it at), or None. A UDP socket "connected" to a documentation address
/// (RFC 5737 / RFC 3849) learns its source address; no packet is sent.
pub fn network_address(v6: bool) -> Option<IpAddr> {
    let (local, far) = if v6 { ("[::]:0", "[2001:db8::1]:9") } else { ("0.0.0.0:0", "192.0.2.1:9") };
    let socket = UdpSocket::bind(local).ok()?;
    socket.connect(far).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// A QR code of `text` in half-block characters, light modules drawn (for a terminal's
/// dark background), with its quiet zone; None when the text does not fit one.
pub fn terminal(text: &str) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(
        code.render::<Dense1x2>()
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_square_of_half_blocks() {
        let code = terminal("http://192.168.1.5:1111/translate/?key=00ff").unwrap();
        let lines: Vec<&str> = code.lines().collect();
        let width = lines[0].chars().count();
        assert!(width > 20 && lines.iter().all(|l| l.chars().count() == width), "{code}");
        // Two rows of modules a line: as many lines as half the width, rounded up.
        assert_eq!(lines.len(), width.div_ceil(2), "{code}");
        assert!(code.chars().all(|c| " ▀▄█\n".contains(c)), "{code}");
    }
}
