//! `str.encode` and `bytes.decode`: the codecs and error handlers a demo can
//! name.

use super::*;

pub(super) enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

pub(super) fn codec(encoding: &str) -> PyResult<Codec> {
    let norm = encoding.to_ascii_lowercase().replace(['-', ' '], "_");
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" => {
            Ok(Codec::Latin1)
        }
        _ => Err(error(
            "LookupError",
            format!("unknown encoding: {encoding}"),
        )),
    }
}

pub(super) fn unknown_handler(errors: &str) -> Unwind {
    error(
        "LookupError",
        format!("unknown error handler name '{errors}'"),
    )
}

pub(super) fn char_escape(c: char) -> String {
    let code = c as u32;
    if code < 0x100 {
        format!("\\x{code:02x}")
    } else if code < 0x10000 {
        format!("\\u{code:04x}")
    } else {
        format!("\\U{code:08x}")
    }
}

/// `str.encode(encoding, errors)`.
pub fn encode(s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let (limit, name) = match codec(encoding)? {
        Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
        Codec::Ascii => (0x80u32, "ascii"),
        Codec::Latin1 => (0x100u32, "latin-1"),
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && chars[j] as u32 >= limit {
            j += 1;
        }
        match errors {
            "strict" => {
                let what = if j - i == 1 {
                    format!("character '{}' in position {i}", char_escape(c))
                } else {
                    format!("characters in position {i}-{}", j - 1)
                };
                return Err(raise(
                    "UnicodeEncodeError",
                    format!("'{name}' codec can't encode {what}: ordinal not in range({limit})"),
                ));
            }
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', j - i)),
            "backslashreplace" => {
                for c in &chars[i..j] {
                    out.extend(char_escape(*c).bytes());
                }
            }
            _ => return Err(unknown_handler(errors)),
        }
        i = j;
    }
    Ok(out)
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    match codec(encoding)? {
        Codec::Latin1 => Ok(b.iter().map(|&x| x as char).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &x) in b.iter().enumerate() {
                if x < 0x80 {
                    out.push(x as char);
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(raise(
                            "UnicodeDecodeError",
                            format!(
                                "'ascii' codec can't decode byte 0x{x:02x} in position {i}: ordinal not in range(128)"
                            ),
                        ));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => out.push_str(&format!("\\x{x:02x}")),
                    _ => return Err(unknown_handler(errors)),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(b.len());
            let mut pos = 0;
            for chunk in b.utf8_chunks() {
                out.push_str(chunk.valid());
                pos += chunk.valid().len();
                let bad = chunk.invalid();
                if bad.is_empty() {
                    continue;
                }
                match errors {
                    "strict" => {
                        let rest = &b[pos..];
                        let incomplete = std::str::from_utf8(rest)
                            .err()
                            .is_some_and(|e| e.error_len().is_none());
                        let reason = if incomplete {
                            "unexpected end of data"
                        } else if matches!(bad[0], 0x80..=0xC1 | 0xF5..=0xFF) {
                            "invalid start byte"
                        } else {
                            "invalid continuation byte"
                        };
                        let what = if bad.len() == 1 {
                            format!("byte 0x{:02x} in position {pos}", bad[0])
                        } else {
                            format!("bytes in position {pos}-{}", pos + bad.len() - 1)
                        };
                        return Err(raise(
                            "UnicodeDecodeError",
                            format!("'utf-8' codec can't decode {what}: {reason}"),
                        ));
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    "backslashreplace" => {
                        for x in bad {
                            out.push_str(&format!("\\x{x:02x}"));
                        }
                    }
                    _ => return Err(unknown_handler(errors)),
                }
                pos += bad.len();
            }
            Ok(out)
        }
    }
}
