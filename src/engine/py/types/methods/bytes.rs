//! The methods of `bytes`.

use super::*;

pub(super) fn bytes_arg(v: &Value) -> PyResult<&[u8]> {
    match v {
        Value::Bytes(b) => Ok(b),
        other => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn is_ascii_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

pub(super) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn bytes_method(
    cx: &dyn Callbacks,
    b: &Rc<[u8]>,
    name: &str,
    args: Args,
) -> PyResult<Value> {
    let qual = format!("bytes.{name}");
    let bytes = |v: Vec<u8>| Ok(Value::Bytes(Rc::from(v)));
    match name {
        "decode" => {
            let bound = bind(args, name, &["encoding", "errors"])?;
            let encoding = text_arg(bound[0].as_ref(), "decode", "encoding", "utf-8")?;
            let errors = text_arg(bound[1].as_ref(), "decode", "errors", "strict")?;
            decode(b, &encoding, &errors).map(|s| Value::str(&s))
        }
        "upper" => {
            no_args(&args, &qual)?;
            bytes(b.to_ascii_uppercase())
        }
        "lower" => {
            no_args(&args, &qual)?;
            bytes(b.to_ascii_lowercase())
        }
        "hex" => {
            let bound = bind(args, name, &["sep", "bytes_per_sep"])?;
            let sep: Option<String> = match &bound[0] {
                None => None,
                Some(Value::Str(s)) => Some(s.to_string()),
                Some(Value::Bytes(s)) => Some(s.iter().map(|&c| c as char).collect()),
                Some(other) => {
                    return Err(type_error(format!(
                        "object of type '{}' has no len()",
                        other.type_name()
                    )));
                }
            };
            if sep.as_ref().is_some_and(|s| s.chars().count() != 1) {
                return Err(value_error("sep must be length 1."));
            }
            let per = match &bound[1] {
                None => 1,
                Some(v) => index(v)?,
            };
            let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
            let (Some(sep), true) = (sep, per != 0) else {
                return Ok(Value::str(&digits.concat()));
            };
            let size = per.unsigned_abs() as usize;
            let groups: Vec<String> = if per > 0 {
                // Groups counted from the right.
                let first = digits.len() % size;
                let mut g = Vec::new();
                if first > 0 {
                    g.push(digits[..first].concat());
                }
                g.extend(digits[first..].chunks(size).map(|c| c.concat()));
                g
            } else {
                digits.chunks(size).map(|c| c.concat()).collect()
            };
            Ok(Value::str(&groups.join(&sep)))
        }
        "strip" | "lstrip" | "rstrip" => {
            positional_kw(&args, name, &qual, 0, 1)?;
            let set: Option<&[u8]> = match args.pos.first() {
                None | Some(Value::None) => None,
                Some(v) => Some(bytes_arg(v)?),
            };
            let strip = |c: &u8| match set {
                None => is_ascii_space(*c),
                Some(s) => s.contains(c),
            };
            let mut start = 0;
            let mut end = b.len();
            if name != "rstrip" {
                while start < end && strip(&b[start]) {
                    start += 1;
                }
            }
            if name != "lstrip" {
                while end > start && strip(&b[end - 1]) {
                    end -= 1;
                }
            }
            bytes(b[start..end].to_vec())
        }
        "split" => {
            let bound = bind(args, name, &["sep", "maxsplit"])?;
            let maxsplit = match &bound[1] {
                None => -1,
                Some(v) => index(v)?,
            };
            let parts: Vec<Vec<u8>> = match &bound[0] {
                None | Some(Value::None) => {
                    // ASCII whitespace only: map bytes to chars one to one.
                    let text: String = b.iter().map(|&x| x as char).collect();
                    split_whitespace(&text, maxsplit, |c| {
                        (c as u32) < 0x80 && is_ascii_space(c as u8)
                    })
                    .into_iter()
                    .map(|p| p.chars().map(|c| c as u32 as u8).collect())
                    .collect()
                }
                Some(sep) => {
                    let sep = bytes_arg(sep)?;
                    if sep.is_empty() {
                        return Err(value_error("empty separator"));
                    }
                    let mut parts = Vec::new();
                    let mut rest: &[u8] = b;
                    let mut left = if maxsplit < 0 { i64::MAX } else { maxsplit };
                    while left > 0 {
                        let Some(i) = find_bytes(rest, sep) else {
                            break;
                        };
                        parts.push(rest[..i].to_vec());
                        rest = &rest[i + sep.len()..];
                        left -= 1;
                    }
                    parts.push(rest.to_vec());
                    parts
                }
            };
            Ok(Value::list(
                parts
                    .into_iter()
                    .map(|p| Value::Bytes(Rc::from(p)))
                    .collect(),
            ))
        }
        "startswith" | "endswith" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let (start, end) = adjust(
                b.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let candidates: Vec<&[u8]> = match &args.pos[0] {
                Value::Bytes(p) => vec![p],
                Value::Tuple(t) => {
                    let mut v = Vec::new();
                    for item in t.iter() {
                        match item {
                            Value::Bytes(p) => v.push(&p[..]),
                            other => {
                                return Err(type_error(format!(
                                    "a bytes-like object is required, not '{}'",
                                    other.type_name()
                                )));
                            }
                        }
                    }
                    v
                }
                other => {
                    return Err(type_error(format!(
                        "{name} first arg must be bytes or a tuple of bytes, not {}",
                        other.type_name()
                    )));
                }
            };
            let found = candidates.iter().any(|p| {
                let plen = p.len() as i64;
                if end - plen < start {
                    return false;
                }
                let window = if name == "startswith" {
                    &b[start as usize..(start + plen) as usize]
                } else {
                    &b[(end - plen) as usize..end as usize]
                };
                window == *p
            });
            Ok(Value::Bool(found))
        }
        "join" => {
            let items = cx.iterate(&exactly_one(args, &qual)?)?;
            let mut out = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let Value::Bytes(part) = item else {
                    return Err(type_error(format!(
                        "sequence item {i}: expected a bytes-like object, {} found",
                        item.type_name()
                    )));
                };
                if i > 0 {
                    out.extend_from_slice(b);
                }
                out.extend_from_slice(part);
            }
            bytes(out)
        }
        "replace" => {
            positional_kw(&args, name, &qual, 2, 3)?;
            let old = bytes_arg(&args.pos[0])?;
            let new = bytes_arg(&args.pos[1])?;
            let mut left = match args.pos.get(2) {
                Some(v) => index(v)?,
                None => -1,
            };
            if left < 0 {
                left = i64::MAX;
            }
            let mut out = Vec::with_capacity(b.len());
            let mut i = 0;
            if old.is_empty() {
                while left > 0 && i <= b.len() {
                    out.extend_from_slice(new);
                    if i < b.len() {
                        out.push(b[i]);
                    }
                    i += 1;
                    left -= 1;
                }
                if i < b.len() {
                    out.extend_from_slice(&b[i..]);
                }
                return bytes(out);
            }
            while left > 0 {
                let Some(at) = find_bytes(&b[i..], old) else {
                    break;
                };
                out.extend_from_slice(&b[i..i + at]);
                out.extend_from_slice(new);
                i += at + old.len();
                left -= 1;
            }
            out.extend_from_slice(&b[i..]);
            bytes(out)
        }
        "find" | "count" => {
            tuple_args(&args, name, &qual, 1, 3)?;
            let sub: Vec<u8> = match &args.pos[0] {
                Value::Bytes(s) => s.to_vec(),
                Value::Int(i) if (0..256).contains(i) => vec![*i as u8],
                Value::Int(_) => return Err(value_error("byte must be in range(0, 256)")),
                other => {
                    return Err(type_error(format!(
                        "argument should be integer or bytes-like object, not '{}'",
                        other.type_name()
                    )));
                }
            };
            let (start, end) = adjust(
                b.len(),
                slice_arg(args.pos.get(1))?,
                slice_arg(args.pos.get(2))?,
            );
            let fits = end - start >= sub.len() as i64 && start <= b.len() as i64;
            if name == "count" {
                if !fits {
                    return Ok(Value::Int(0));
                }
                if sub.is_empty() {
                    return Ok(Value::Int(end - start + 1));
                }
                let mut n = 0;
                let mut rest = &b[start as usize..end as usize];
                while let Some(i) = find_bytes(rest, &sub) {
                    n += 1;
                    rest = &rest[i + sub.len()..];
                }
                return Ok(Value::Int(n));
            }
            if !fits {
                return Ok(Value::Int(-1));
            }
            let found = find_bytes(&b[start as usize..end as usize], &sub);
            Ok(Value::Int(found.map_or(-1, |i| start + i as i64)))
        }
        _ => Err(error(
            "AttributeError",
            format!("'bytes' object has no attribute '{name}'"),
        )),
    }
}
