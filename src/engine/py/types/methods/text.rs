//! The methods of `str`, with CPython 3.11's Unicode predicates, splitting
//! and case rules.

use super::*;

pub(super) fn str_method(
    cx: &dyn Callbacks,
    s: &Rc<str>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("str.{name}");
    let text = |t: String| Ok(Value::str(&t));
    match name {
        "upper" => {
            no_args(&args, &qual)?;
            text(s.to_uppercase())
        }
        "lower" => {
            no_args(&args, &qual)?;
            text(s.to_lowercase())
        }
        "casefold" => {
            no_args(&args, &qual)?;
            text(
                s.chars()
                    .map(|c| {
                        if c == 'ß' {
                            "ss".to_string()
                        } else {
                            c.to_lowercase().collect()
                        }
                    })
                    .collect(),
            )
        }
        "swapcase" => {
            no_args(&args, &qual)?;
            text(
                s.chars()
                    .map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<String>()
                        } else if c.is_lowercase() {
                            c.to_uppercase().collect()
                        } else {
                            c.to_string()
                        }
                    })
                    .collect(),
            )
        }
        "title" => {
            no_args(&args, &qual)?;
            let mut out = String::with_capacity(s.len());
            let mut prev_cased = false;
            for c in s.chars() {
                if prev_cased {
                    out.extend(c.to_lowercase());
                } else {
                    out.extend(c.to_uppercase());
                }
                prev_cased = is_cased(c);
            }
            text(out)
        }
        "capitalize" => {
            no_args(&args, &qual)?;
            let mut chars = s.chars();
            let mut out = String::with_capacity(s.len());
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
            }
            for c in chars {
                out.extend(c.to_lowercase());
            }
            text(out)
        }
        "strip" | "lstrip" | "rstrip" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let chars: Option<Vec<char>> = match args.pos.first() {
                None | Some(Value::None) => None,
                Some(Value::Str(c)) => Some(c.chars().collect()),
                Some(_) => return Err(type_error(format!("{name} arg must be None or str"))),
            };
            let matches = |c: char| match &chars {
                None => is_space(c),
                Some(set) => set.contains(&c),
            };
            let out = match name {
                "strip" => s.trim_matches(matches),
                "lstrip" => s.trim_start_matches(matches),
                _ => s.trim_end_matches(matches),
            };
            text(out.to_string())
        }
        "split" | "rsplit" => {
            let bound = bind(args, name, &["sep", "maxsplit"])?;
            let sep = match &bound[0] {
                None | Some(Value::None) => None,
                Some(Value::Str(sep)) => Some(sep.clone()),
                Some(other) => {
                    return Err(type_error(format!(
                        "must be str or None, not {}",
                        other.type_name()
                    )));
                }
            };
            let maxsplit = match &bound[1] {
                None => -1,
                Some(v) => index(v)?,
            };
            let parts = match sep {
                None if name == "split" => split_whitespace(s, maxsplit, is_space),
                None => rsplit_whitespace(s, maxsplit, is_space),
                Some(sep) => {
                    if sep.is_empty() {
                        return Err(value_error("empty separator"));
                    }
                    let parts: Vec<&str> = match (name, maxsplit) {
                        ("split", n) if n < 0 => s.split(&*sep).collect(),
                        ("split", n) => s.splitn(n.saturating_add(1) as usize, &*sep).collect(),
                        (_, n) if n < 0 => {
                            let mut p: Vec<&str> = s.rsplit(&*sep).collect();
                            p.reverse();
                            p
                        }
                        (_, n) => {
                            let mut p: Vec<&str> =
                                s.rsplitn(n.saturating_add(1) as usize, &*sep).collect();
                            p.reverse();
                            p
                        }
                    };
                    parts
                }
            };
            Ok(Value::list(parts.into_iter().map(Value::str).collect()))
        }
        "splitlines" => {
            let bound = bind(args, name, &["keepends"])?;
            let keepends = match &bound[0] {
                None => false,
                Some(v) => cx.truthy(v)?,
            };
            Ok(Value::list(
                splitlines(s, keepends)
                    .into_iter()
                    .map(Value::str)
                    .collect(),
            ))
        }
        "join" => {
            let iterable = exactly_one(args, &qual)?;
            if matches!(
                iterable,
                Value::None | Value::Bool(_) | Value::Int(_) | Value::BigInt(_) | Value::Float(_)
            ) {
                return Err(type_error("can only join an iterable"));
            }
            let items = cx.iterate(&iterable)?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                let Value::Str(part) = item else {
                    return Err(type_error(format!(
                        "sequence item {i}: expected str instance, {} found",
                        item.type_name()
                    )));
                };
                if i > 0 {
                    out.push_str(s);
                }
                out.push_str(part);
            }
            text(out)
        }
        "replace" => {
            positional_kw(&args, name, &qual, 2, 3)?;
            let old = str_arg(&args.pos[0], |t| {
                format!("replace() argument 1 must be str, not {t}")
            })?;
            let new = str_arg(&args.pos[1], |t| {
                format!("replace() argument 2 must be str, not {t}")
            })?;
            let count = match args.pos.get(2) {
                Some(v) => index(v)?,
                None => -1,
            };
            if count < 0 {
                text(s.replace(old, new))
            } else {
                text(s.replacen(old, new, count as usize))
            }
        }
        "startswith" | "endswith" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust(
                chars.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let candidates: Vec<&str> = match &args.pos[0] {
                Value::Str(p) => vec![p],
                Value::Tuple(t) => {
                    let mut v = Vec::with_capacity(t.len());
                    for item in t.iter() {
                        v.push(str_arg(item, |t| {
                            format!("tuple for {name} must only contain str, not {t}")
                        })?);
                    }
                    v
                }
                other => {
                    return Err(type_error(format!(
                        "{name} first arg must be str or a tuple of str, not {}",
                        other.type_name()
                    )));
                }
            };
            let found = candidates.iter().any(|p| {
                let plen = p.chars().count() as i64;
                if end - plen < start {
                    return false;
                }
                let window: String = if name == "startswith" {
                    chars[start as usize..(start + plen) as usize]
                        .iter()
                        .collect()
                } else {
                    chars[(end - plen) as usize..end as usize].iter().collect()
                };
                window == *p
            });
            Ok(Value::Bool(found))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let sub = str_arg(&args.pos[0], |t| format!("must be str, not {t}"))?;
            let chars: Vec<char> = s.chars().collect();
            let (start, end) = adjust(
                chars.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let sub_len = sub.chars().count() as i64;
            if name == "count" {
                if end - start < sub_len || start > chars.len() as i64 {
                    return Ok(Value::Int(0));
                }
                if sub.is_empty() {
                    return Ok(Value::Int(end - start + 1));
                }
                let window: String = chars[start as usize..end as usize].iter().collect();
                return Ok(Value::Int(window.matches(sub).count() as i64));
            }
            let found = if end - start < sub_len || start > chars.len() as i64 {
                None
            } else {
                let window: String = chars[start as usize..end as usize].iter().collect();
                let at = if name.starts_with('r') {
                    window.rfind(sub)
                } else {
                    window.find(sub)
                };
                at.map(|b| start + window[..b].chars().count() as i64)
            };
            match (found, name) {
                (Some(i), _) => Ok(Value::Int(i)),
                (None, "find" | "rfind") => Ok(Value::Int(-1)),
                (None, _) => Err(value_error("substring not found")),
            }
        }
        "format" => text(str_format(cx, s, &args)?),
        "zfill" => {
            positional_kw(&args, name, &qual, 1, 1)?;
            let width = index(&args.pos[0])?;
            let len = s.chars().count() as i64;
            if len >= width {
                return text(s.to_string());
            }
            let fill = (width - len) as usize;
            check_items(fill)?;
            let (sign, rest) = match s.chars().next() {
                Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                _ => (String::new(), &s[..]),
            };
            text(format!("{sign}{}{rest}", "0".repeat(fill)))
        }
        "center" | "ljust" | "rjust" => {
            positional_kw(&args, name, &qual, 1, 2)?;
            let width = index(&args.pos[0])?;
            let fill = match args.pos.get(1) {
                None => ' ',
                Some(Value::Str(f)) => {
                    let mut it = f.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => c,
                        _ => {
                            return Err(type_error(
                                "The fill character must be exactly one character long",
                            ));
                        }
                    }
                }
                Some(other) => {
                    return Err(type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        other.type_name()
                    )));
                }
            };
            let len = s.chars().count() as i64;
            if len >= width {
                return text(s.to_string());
            }
            let marg = width - len;
            check_items(marg as usize)?;
            let left = match name {
                "center" => marg / 2 + (marg & width & 1),
                "ljust" => 0,
                _ => marg,
            };
            let pad = |n: i64| std::iter::repeat_n(fill, n as usize).collect::<String>();
            text(format!("{}{s}{}", pad(left), pad(marg - left)))
        }
        "expandtabs" => {
            let bound = bind(args, name, &["tabsize"])?;
            let tabsize = match &bound[0] {
                None => 8,
                Some(v) => index(v)?,
            };
            let mut out = String::with_capacity(s.len());
            let mut col: i64 = 0;
            for c in s.chars() {
                match c {
                    '\t' => {
                        if tabsize > 0 {
                            let n = tabsize - col % tabsize;
                            check_items(out.len() + n as usize)?;
                            out.extend(std::iter::repeat_n(' ', n as usize));
                            col += n;
                        }
                    }
                    '\n' | '\r' => {
                        out.push(c);
                        col = 0;
                    }
                    c => {
                        out.push(c);
                        col += 1;
                    }
                }
            }
            text(out)
        }
        "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" | "isnumeric"
        | "isdecimal" | "isidentifier" | "isascii" | "istitle" => {
            no_args(&args, &qual)?;
            Ok(Value::Bool(str_predicate(s, name)))
        }
        "partition" | "rpartition" => {
            let sep = exactly_one(args, &qual)?;
            let sep = str_arg(&sep, |t| format!("must be str, not {t}"))?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let at = if name == "partition" {
                s.find(sep)
            } else {
                s.rfind(sep)
            };
            let parts = match at {
                Some(i) => [&s[..i], sep, &s[i + sep.len()..]],
                None if name == "partition" => [&s[..], "", ""],
                None => ["", "", &s[..]],
            };
            Ok(Value::tuple(parts.iter().map(|p| Value::str(p)).collect()))
        }
        "removeprefix" | "removesuffix" => {
            let arg = exactly_one(args, &qual)?;
            let affix = str_arg(&arg, |t| format!("{name}() argument must be str, not {t}"))?;
            let out = if name == "removeprefix" {
                s.strip_prefix(affix)
            } else {
                s.strip_suffix(affix)
            };
            text(out.unwrap_or(s).to_string())
        }
        "encode" => {
            let bound = bind(args, name, &["encoding", "errors"])?;
            let encoding = text_arg(bound[0].as_ref(), "encode", "encoding", "utf-8")?;
            let errors = text_arg(bound[1].as_ref(), "encode", "errors", "strict")?;
            encode(s, &encoding, &errors).map(|b| Value::Bytes(Rc::from(b)))
        }
        _ => Err(error(
            "AttributeError",
            format!("'str' object has no attribute '{name}'"),
        )),
    }
}

/// Whether the character has case (Unicode categories Lu, Ll, Lt).
pub(super) fn is_cased(c: char) -> bool {
    c.is_uppercase() || c.is_lowercase()
}

/// `str.isdecimal` of one character: ASCII digits and the decimal digits
/// of the common scripts.
pub(super) fn is_decimal(c: char) -> bool {
    c.is_ascii_digit()
        || matches!(c as u32,
            0x0660..=0x0669 | 0x06F0..=0x06F9 | 0x07C0..=0x07C9 | 0x0966..=0x096F | 0x09E6..=0x09EF
            | 0x0A66..=0x0A6F | 0x0AE6..=0x0AEF | 0x0B66..=0x0B6F | 0x0BE6..=0x0BEF | 0x0C66..=0x0C6F
            | 0x0CE6..=0x0CEF | 0x0D66..=0x0D6F | 0x0E50..=0x0E59 | 0x0ED0..=0x0ED9 | 0x0F20..=0x0F29
            | 0x1040..=0x1049 | 0x17E0..=0x17E9 | 0x1810..=0x1819 | 0xFF10..=0xFF19)
}

/// `str.isdigit` of one character: decimals, superscripts, circled digits.
pub(super) fn is_digit(c: char) -> bool {
    is_decimal(c)
        || matches!(c as u32, 0x00B2 | 0x00B3 | 0x00B9 | 0x2070 | 0x2074..=0x2079 | 0x2080..=0x2089 | 0x2460..=0x2468 | 0x2474..=0x247C | 0x2488..=0x2490 | 0x24F5..=0x24FD | 0x2776..=0x277E | 0x2780..=0x2788 | 0x278A..=0x2792)
}

pub(super) fn str_predicate(s: &str, name: &str) -> bool {
    let all = |f: fn(char) -> bool| !s.is_empty() && s.chars().all(f);
    match name {
        "isdigit" => all(is_digit),
        "isdecimal" => all(is_decimal),
        "isnumeric" => all(|c| c.is_numeric()),
        "isalpha" => all(|c| c.is_alphabetic()),
        "isalnum" => all(|c| c.is_alphabetic() || c.is_numeric()),
        "isspace" => all(is_space),
        "isascii" => s.is_ascii(),
        "isupper" => s.chars().any(is_cased) && !s.chars().any(|c| c.is_lowercase()),
        "islower" => s.chars().any(is_cased) && !s.chars().any(|c| c.is_uppercase()),
        "istitle" => {
            let (mut cased, mut prev_cased) = (false, false);
            for c in s.chars() {
                if c.is_uppercase() {
                    if prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else if c.is_lowercase() {
                    if !prev_cased {
                        return false;
                    }
                    prev_cased = true;
                    cased = true;
                } else {
                    prev_cased = false;
                }
            }
            cased
        }
        "isidentifier" => {
            let mut chars = s.chars();
            match chars.next() {
                Some(c) if c == '_' || c.is_alphabetic() => {
                    chars.all(|c| c == '_' || c.is_alphanumeric())
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// `str.split()` with no separator: runs of whitespace split, and the
/// remainder after `maxsplit` splits keeps its trailing whitespace.
pub(super) fn split_whitespace(s: &str, maxsplit: i64, space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(space);
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        let end = rest.find(space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(space);
        left -= 1;
    }
    out
}

/// `str.rsplit()` with no separator.
pub(super) fn rsplit_whitespace(s: &str, maxsplit: i64, space: fn(char) -> bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s.trim_end_matches(space);
    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
    while !rest.is_empty() {
        if left == 0 {
            out.push(rest);
            break;
        }
        let start = rest.rfind(space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(space);
        left -= 1;
    }
    out.reverse();
    out
}

pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

pub(super) fn splitlines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|(_, n)| *n == '\n') {
            it.next();
            end += 1;
        }
        out.push(if keepends {
            &s[start..end]
        } else {
            &s[start..i]
        });
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}
