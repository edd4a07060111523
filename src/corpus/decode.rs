//! Bytes to text: BOMs, UTF-16 with or without a BOM, a Windows-1252 fallback for legacy
//! exports, NUL bytes removed, and binary files recognised so they are skipped, not read.
//!
//! Everything here is one or two linear passes over the bytes: a 50 MB file costs the same
//! per byte as a 5 KB one, and nothing indexes the data unchecked.

use std::fmt;

/// A remark about how a file was decoded, for the user.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Note {
    /// 1-based line of the file the remark is about, when there is one.
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

impl Note {
    /// A remark about the whole file.
    pub fn new(message: impl Into<String>) -> Note {
        Note {
            line: None,
            message: message.into(),
        }
    }

    /// A remark about one line.
    pub fn at(line: usize, message: impl Into<String>) -> Note {
        Note {
            line: Some(line),
            message: message.into(),
        }
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Text decoded from a file, with notes when it was not clean UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: BOM removed, NUL characters removed.
    pub text: String,
    /// The encoding used (`UTF-8`, `UTF-16LE`, `UTF-16BE`, `windows-1252`).
    pub encoding: &'static str,
    /// Fallbacks used and repairs made, so the user knows the text is not byte for byte the file.
    pub notes: Vec<Note>,
}

/// Why a file's bytes are not an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binary {
    /// What the data looks like ("a PNG image", "binary data").
    pub what: &'static str,
}

/// Share of control characters (other than white space) above which bytes are binary, in
/// per mille. Text has next to none; compressed or machine data has about 11%.
const MAX_CONTROLS_PER_MILLE: usize = 50;

/// Decodes a file's bytes.
///
/// In order: a BOM decides the encoding; known binary signatures (images, archives, PDF,
/// office documents, executables) are refused; UTF-16 without a BOM is recognised by its
/// pattern of NUL bytes (Windows exports often have none); other NUL bytes are dropped when
/// what remains is text; data with many control characters is refused; valid UTF-8 is taken
/// as is, mostly-UTF-8 with a few bad sequences is repaired, and anything else is read as
/// Windows-1252 (a superset of Latin-1), with a note saying so.
pub fn decode(bytes: &[u8]) -> Result<Decoded, Binary> {
    decode_vec(bytes.to_vec())
}

/// [`decode`], taking the bytes: UTF-8 (most files) becomes the text without a copy.
pub fn decode_vec(mut bytes: Vec<u8>) -> Result<Decoded, Binary> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(&bytes) {
        if encoding == encoding_rs::UTF_8 {
            bytes.drain(..bom_len.min(bytes.len()));
            let nuls = check_8bit(&bytes)?;
            return Ok(decode_8bit(bytes, nuls));
        }
        let body = bytes.get(bom_len..).unwrap_or_default();
        return decode_utf16(body, encoding, true).ok_or(Binary {
            what: "binary data after a UTF-16 byte order mark",
        });
    }
    if let Some(what) = signature(&bytes) {
        return Err(Binary { what });
    }
    if let Some(encoding) = utf16_by_nul_pattern(&bytes) {
        if let Some(decoded) = decode_utf16(&bytes, encoding, false) {
            return Ok(decoded);
        }
    }
    match check_8bit(&bytes) {
        Ok(nuls) => Ok(decode_8bit(bytes, nuls)),
        Err(binary) => {
            // Text in a non-Latin script (Arabic, Cyrillic...) saved as UTF-16 without a BOM
            // has few NUL bytes (only its spaces and digits), and its other bytes look like
            // control characters. Before calling it binary, see whether it is clean UTF-16.
            [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
                .into_iter()
                .find(|&e| looks_like_utf16_text(&bytes, e))
                .and_then(|e| decode_utf16(&bytes, e, false))
                .ok_or(binary)
        }
    }
}

/// True when the first 16 KiB decode as `encoding` without a single error and are mostly
/// letters, marks, spaces and punctuation. Binary data decoded as UTF-16 almost always
/// holds an unpaired surrogate within a few hundred units, and otherwise symbols and
/// unassigned code points.
fn looks_like_utf16_text(bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> bool {
    let sample = bytes
        .get(..bytes.len().min(16 * 1024) & !1)
        .unwrap_or_default();
    if sample.len() < 8 {
        return false;
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(sample);
    if had_errors {
        return false;
    }
    let mut chars = 0usize;
    let mut wordy = 0usize;
    for c in text.chars() {
        chars += 1;
        if c.is_alphanumeric() || c.is_whitespace() || ".,;:!?'\"()-–—«»“”‘’،؛؟".contains(c)
        {
            wordy += 1;
        } else if c.is_control() {
            return false;
        }
    }
    wordy * 10 >= chars * 9
}

/// UTF-8 (possibly repaired) or Windows-1252, NUL bytes dropped; binary when the bytes are
/// not text.
/// Whether bytes in a single-byte-unit encoding are text, and how many NUL bytes they
/// hold (dropped when the rest is text). One pass: this reads every byte of the archive.
fn check_8bit(bytes: &[u8]) -> Result<usize, Binary> {
    let mut nuls = 0usize;
    let mut controls = 0usize;
    // Byte-sized counters over short chunks let the loop run on vector registers.
    for chunk in bytes.chunks(255) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in chunk {
            n += u8::from(b == 0);
            c += u8::from(b != 0 && is_control_byte(b));
        }
        nuls += usize::from(n);
        controls += usize::from(c);
    }
    if nuls > 0 && nuls == bytes.len() {
        return Err(Binary {
            what: "only NUL bytes",
        });
    }
    // Stray NUL bytes (a crash-padded tail, a bad export) are forgiven in text that is
    // otherwise clean; with NULs *and* other control characters it is machine data.
    let limit = if nuls == 0 {
        MAX_CONTROLS_PER_MILLE
    } else {
        10
    };
    if controls * 1000 > (bytes.len() - nuls) * limit {
        return Err(Binary {
            what: "binary data",
        });
    }
    Ok(nuls)
}

/// Text from bytes [`check_8bit`] accepted, holding `nuls` NUL bytes.
fn decode_8bit(mut bytes: Vec<u8>, nuls: usize) -> Decoded {
    let mut notes = Vec::new();
    if nuls > 0 {
        let first = bytes.iter().position(|&b| b == 0).unwrap_or(0);
        notes.push(Note::at(
            line_of(&bytes, first),
            format!("{nuls} NUL byte(s) removed"),
        ));
        bytes.retain(|&b| b != 0);
    }
    let (text, encoding) = match String::from_utf8(bytes) {
        Ok(text) => (text, "UTF-8"),
        Err(e) => {
            let bytes = e.into_bytes();
            let (valid_multibyte, invalid, first_bad) = utf8_census(&bytes);
            if valid_multibyte >= 4 * invalid {
                // Mostly UTF-8: a few damaged sequences, not another encoding. Reading it all
                // as Windows-1252 would garble every accented letter to fix a few.
                notes.push(Note::at(
                    line_of(&bytes, first_bad),
                    format!("{invalid} invalid UTF-8 sequence(s) replaced with U+FFFD"),
                ));
                (String::from_utf8_lossy(&bytes).into_owned(), "UTF-8")
            } else {
                let byte = bytes.get(first_bad).copied().unwrap_or_default();
                notes.push(Note::at(
                    line_of(&bytes, first_bad),
                    format!("not valid UTF-8 (byte 0x{byte:02X}): read as Windows-1252 (Latin-1)"),
                ));
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
                (text.into_owned(), "windows-1252")
            }
        }
    };
    Decoded {
        text,
        encoding,
        notes,
    }
}

/// Decodes UTF-16; `None` when the result is not text (then the bytes were something else).
fn decode_utf16(
    body: &[u8],
    encoding: &'static encoding_rs::Encoding,
    had_bom: bool,
) -> Option<Decoded> {
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut replaced = 0usize;
    let mut nuls = 0usize;
    for c in text.chars() {
        chars += 1;
        match c {
            '\0' => nuls += 1,
            '\u{fffd}' => replaced += 1,
            c if is_control_char(c) => controls += 1,
            _ => {}
        }
    }
    if chars > 0 && ((controls + nuls) * 1000 > chars * 10 || replaced * 100 > chars) {
        return None;
    }
    let name = encoding.name();
    // A BOM states the encoding: nothing to remark. Without one it was a guess: say so.
    let mut notes = Vec::new();
    if !had_bom {
        notes.push(Note::new(format!(
            "decoded as {name}: no byte order mark, recognised by its byte pattern"
        )));
    }
    if had_errors {
        notes.push(Note::new(format!(
            "{replaced} invalid {name} sequence(s) replaced with U+FFFD"
        )));
    }
    let text = if nuls > 0 {
        notes.push(Note::new(format!("{nuls} NUL character(s) removed")));
        text.replace('\0', "")
    } else {
        text.into_owned()
    };
    Some(Decoded {
        text,
        encoding: name,
        notes,
    })
}

/// UTF-16 without a BOM: most characters of a Western text are ASCII, so every other byte
/// is NUL (odd bytes in little endian, even bytes in big endian) and the others almost never.
fn utf16_by_nul_pattern(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let sample = bytes.get(..bytes.len().min(16 * 1024) & !1)?;
    let units = sample.len() / 2;
    if units < 2 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if let [a, b] = pair {
            even += usize::from(*a == 0);
            odd += usize::from(*b == 0);
        }
    }
    let pattern = |zeros: usize, others: usize| zeros * 10 >= units * 3 && others * 20 <= zeros;
    if pattern(odd, even) {
        Some(encoding_rs::UTF_16LE)
    } else if pattern(even, odd) {
        Some(encoding_rs::UTF_16BE)
    } else {
        None
    }
}

/// C0 control bytes that do not occur in text: everything below space except tab, line
/// feed, vertical tab, form feed, carriage return and the DOS end-of-file mark (0x1A).
fn is_control_byte(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1a) || b == 0x7f
}

fn is_control_char(c: char) -> bool {
    u8::try_from(u32::from(c)).is_ok_and(|b| b != 0 && is_control_byte(b))
}

/// Valid multi-byte characters, invalid sequences, and the offset of the first invalid one.
fn utf8_census(bytes: &[u8]) -> (usize, usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    let mut first_bad = None;
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            invalid += 1;
            first_bad.get_or_insert(offset);
        }
        offset += chunk.invalid().len();
    }
    (multibyte, invalid, first_bad.unwrap_or(0))
}

/// 1-based line of a byte offset.
fn line_of(bytes: &[u8], offset: usize) -> usize {
    bytes
        .get(..offset)
        .unwrap_or(bytes)
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Known binary formats by their first bytes: attachments saved under a text name.
fn signature(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"%PDF-", "a PDF document"),
        (b"PK\x03\x04", "a ZIP archive (or DOCX, XLSX, ODT, EPUB)"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (b"\x1F\x8B", "gzip-compressed data"),
        (b"\xFD7zXZ\x00", "xz-compressed data"),
        (b"\x28\xB5\x2F\xFD", "zstd-compressed data"),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1A\x07", "a RAR archive"),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "an old Office document (DOC, XLS, MSG)",
        ),
        (b"\x7FELF", "an ELF executable"),
        (b"\0asm", "a WebAssembly module"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"II*\0", "a TIFF image"),
        (b"MM\0*", "a TIFF image"),
        (b"ID3", "an MP3 file"),
        (b"OggS", "an Ogg media file"),
        (b"fLaC", "a FLAC audio file"),
    ];
    if let Some((_, what)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(what);
    }
    if bytes.starts_with(b"RIFF") && bytes.get(8..12).is_some() {
        return Some("a RIFF media file (WAV, AVI, WebP)");
    }
    if bytes.get(4..8) == Some(b"ftyp") {
        return Some("an MP4/QuickTime media file");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_le_bytes).collect()
    }

    fn utf16be(s: &str) -> Vec<u8> {
        s.encode_utf16().flat_map(u16::to_be_bytes).collect()
    }

    #[test]
    fn utf8_with_bom() {
        let d = decode(b"\xEF\xBB\xBFRabat").unwrap();
        assert_eq!(d.text, "Rabat");
        assert!(d.notes.is_empty());
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let d = decode(b"\xFF\xFER\x00a\x00").unwrap();
        assert_eq!(d.text, "Ra");
        assert_eq!(d.encoding, "UTF-16LE");
        let mut be = b"\xFE\xFF".to_vec();
        be.extend(utf16be("Sánchez"));
        let d = decode(&be).unwrap();
        assert_eq!(d.text, "Sánchez");
        assert_eq!(d.encoding, "UTF-16BE");
    }

    #[test]
    fn utf16_without_bom_is_not_binary() {
        let text = "Rabat, 23 April 2025 – Talks in Rabat.\r\n";
        let d = decode(&utf16le(text)).unwrap();
        assert_eq!(d.text, text);
        assert!(d.notes[0].message.contains("no byte order mark"));
        assert_eq!(decode(&utf16be(text)).unwrap().text, text);
    }

    #[test]
    fn utf16_without_bom_in_other_scripts() {
        for text in [
            "الرباط، 23 أبريل 2025 - افتتحت المحادثات في الرباط.\n",
            "Рабат, 23 апреля 2025 года — в Рабате начались переговоры.\n",
        ] {
            for bytes in [utf16le(text), utf16be(text)] {
                let d = decode(&bytes).unwrap_or_else(|b| panic!("{text}: {}", b.what));
                assert_eq!(d.text, text);
                assert!(d.notes[0].message.contains("no byte order mark"));
            }
        }
    }

    #[test]
    fn latin1_fallback_names_the_line() {
        let d = decode(b"Title\nG\xf3mez met Ferreira.\n").unwrap();
        assert_eq!(d.text, "Title\nGómez met Ferreira.\n");
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.notes[0].line, Some(2));
        assert!(d.notes[0].message.contains("Windows-1252"));
    }

    #[test]
    fn mostly_utf8_is_repaired_not_reread() {
        let mut bytes = "Sánchez, Méndez, Núñez, café \u{2013} ".as_bytes().to_vec();
        bytes.push(0xff);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.starts_with("Sánchez"));
        assert!(d.text.ends_with('\u{fffd}'));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00").unwrap_err().what,
            "a PNG image"
        );
        assert!(decode(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n").is_err());
        let noise: Vec<u8> = (0u32..4096)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert!(decode(&noise).is_err());
        assert!(decode(&[0u8; 100]).is_err());
    }

    #[test]
    fn stray_nul_bytes_are_removed() {
        let mut bytes = b"Rabat hosted talks.\nSecond line\0 here.\n".to_vec();
        bytes.extend([0u8; 4096]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Rabat hosted talks.\nSecond line here.\n");
        assert_eq!(d.notes[0].line, Some(2));
    }

    #[test]
    fn empty_input_is_empty_text() {
        assert_eq!(decode(b"").unwrap().text, "");
        assert_eq!(decode(b"\xFF\xFE").unwrap().text, "");
    }
}
