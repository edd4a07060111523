//! Bytes to text: BOMs, UTF-16, a Windows-1252 fallback for legacy exports, and binary detection.

/// Text decoded from a file, with a note when it was not plain UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, BOM removed.
    pub text: String,
    /// Set when an encoding other than UTF-8 was used, to tell the user.
    pub note: Option<String>,
}

/// Decodes a file's bytes. Returns `None` for binary data (NUL bytes or many control
/// characters outside a UTF-16 text), which is not an article.
pub fn decode(bytes: &[u8]) -> Option<Decoded> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        let (text, had_errors) = encoding.decode_without_bom_handling(body);
        let note = if encoding == encoding_rs::UTF_8 {
            had_errors.then(|| "invalid UTF-8 sequences were replaced".to_string())
        } else {
            Some(format!("decoded as {}", encoding.name()))
        };
        return Some(Decoded {
            text: text.into_owned(),
            note,
        });
    }
    if looks_binary(bytes) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(Decoded {
            text: text.to_string(),
            note: None,
        }),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Some(Decoded {
                text: text.into_owned(),
                note: Some("not valid UTF-8: decoded as Windows-1252 (Latin-1)".to_string()),
            })
        }
    }
}

/// Binary if the first 8 KiB hold a NUL byte or more than 10% control characters.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_bom() {
        let d = decode(b"\xEF\xBB\xBFRabat").unwrap();
        assert_eq!(d.text, "Rabat");
        assert_eq!(d.note, None);
    }

    #[test]
    fn utf16_le_with_bom() {
        let d = decode(b"\xFF\xFER\x00a\x00").unwrap();
        assert_eq!(d.text, "Ra");
        assert!(d.note.unwrap().contains("UTF-16"));
    }

    #[test]
    fn latin1_fallback() {
        let d = decode(b"S\xe1nchez").unwrap();
        assert_eq!(d.text, "Sánchez");
        assert!(d.note.unwrap().contains("Windows-1252"));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00"), None);
    }
}
