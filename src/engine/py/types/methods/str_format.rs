//! `str.format`: fields, conversions, nested specs and CPython's errors.

use super::*;
use crate::engine::py::builtins;

/// `template.format(*args.pos, **args.kw)`.
pub fn str_format(cx: &dyn Callbacks, template: &str, args: &Args) -> PyResult<String> {
    let chars: Vec<char> = template.chars().collect();
    let mut auto = AutoNumber::Init;
    build_string(cx, &chars, args, 2, &mut auto)
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum AutoNumber {
    Init,
    Auto(usize),
    Manual,
}

pub(super) fn build_string(
    cx: &dyn Callbacks,
    s: &[char],
    args: &Args,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut pos = 0;
    while pos < s.len() {
        // Literal text up to a brace.
        let start = pos;
        let mut c = '\0';
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut markup = c == '{' || c == '}';
        if markup && c == '}' && (at_end || s[pos] != '}') {
            return Err(value_error("Single '}' encountered in format string"));
        }
        if markup && at_end && c == '{' {
            return Err(value_error("Single '{' encountered in format string"));
        }
        let mut len = pos - start;
        if markup {
            if s[pos] == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup {
            continue;
        }
        let field = parse_field(s, &mut pos)?;
        let mut value = field_object(cx, &s[field.name.0..field.name.1], args, auto)?;
        if let Some(conv) = field.conversion {
            value = Value::str(&match conv {
                'r' => cx.repr(&value)?,
                's' => cx.str(&value)?,
                'a' => builtins::ascii_escape(&cx.repr(&value)?),
                c if (c as u32) > 32 && (c as u32) < 127 => {
                    return Err(value_error(format!("Unknown conversion specifier {c}")));
                }
                c => {
                    return Err(value_error(format!(
                        "Unknown conversion specifier \\x{:x}",
                        c as u32
                    )));
                }
            });
        }
        let spec_chars = &s[field.spec.0..field.spec.1];
        let spec: String = if field.expand {
            build_string(cx, spec_chars, args, depth - 1, auto)?
        } else {
            spec_chars.iter().collect()
        };
        out.push_str(&format::format_with(cx, &value, &spec)?);
    }
    Ok(out)
}

pub(super) struct Field {
    name: (usize, usize),
    conversion: Option<char>,
    spec: (usize, usize),
    expand: bool,
}

/// CPython's `parse_field`: reads `name[!c][:spec]}` from `pos`.
pub(super) fn parse_field(s: &[char], pos: &mut usize) -> PyResult<Field> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, (*pos).saturating_sub(1).max(name_start)),
        conversion: None,
        spec: (0, 0),
        expand: false,
    };
    if c == '!' || c == ':' {
        if c == '!' {
            if *pos >= s.len() {
                return Err(value_error(
                    "end of string while looking for conversion specifier",
                ));
            }
            field.conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let next = s[*pos];
                *pos += 1;
                if next == '}' {
                    return Ok(field);
                }
                if next != ':' {
                    return Err(value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < s.len() {
            let c = s[*pos];
            *pos += 1;
            match c {
                '{' => {
                    field.expand = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = (spec_start, *pos - 1);
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// A field name's decimal value, as CPython's `get_integer`.
pub(super) fn field_integer(s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(d as usize))
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(n))
}

/// The object a field name designates: an argument, then `.attr` and
/// `[key]` lookups.
pub(super) fn field_object(
    cx: &dyn Callbacks,
    name: &[char],
    args: &Args,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut idx = field_integer(first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if *auto == AutoNumber::Init {
            *auto = if empty {
                AutoNumber::Auto(0)
            } else {
                AutoNumber::Manual
            };
        }
        match (*auto, empty) {
            (AutoNumber::Manual, true) => {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            (AutoNumber::Auto(_), false) => {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            (AutoNumber::Auto(n), true) => {
                idx = Some(n);
                *auto = AutoNumber::Auto(n + 1);
            }
            _ => {}
        }
    }
    let mut obj = match idx {
        Some(i) => args.pos.get(i).cloned().ok_or_else(|| {
            error(
                "IndexError",
                format!("Replacement index {i} out of range for positional args tuple"),
            )
        })?,
        None => {
            let key: String = first.iter().collect();
            match args.kw.iter().find(|(k, _)| **k == *key) {
                Some((_, v)) => v.clone(),
                None => return Err(key_error(Value::str(&key))),
            }
        }
    };
    let mut pos = first_end;
    while pos < name.len() {
        let c = name[pos];
        pos += 1;
        let (is_attr, part) = match c {
            '.' => {
                let start = pos;
                while pos < name.len() && name[pos] != '.' && name[pos] != '[' {
                    pos += 1;
                }
                (true, &name[start..pos])
            }
            '[' => {
                let start = pos;
                while pos < name.len() && name[pos] != ']' {
                    pos += 1;
                }
                if pos >= name.len() {
                    return Err(value_error("Missing ']' in format string"));
                }
                pos += 1;
                (false, &name[start..pos - 1])
            }
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        };
        if part.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        let part_text: String = part.iter().collect();
        obj = if is_attr {
            field_attr(&obj, &part_text)?
        } else {
            match field_integer(part)? {
                Some(i) => field_item(cx, &obj, Value::Int(i as i64))?,
                None => field_item(cx, &obj, Value::str(&part_text))?,
            }
        };
    }
    Ok(obj)
}

/// `obj.name` in a format field: instance attributes and class values, and
/// `real`/`imag` of numbers.
pub(super) fn field_attr(obj: &Value, name: &str) -> PyResult<Value> {
    match (obj, name) {
        (Value::Instance(i), _) => {
            if let Some(v) = i.attrs.dict().borrow().get(name) {
                return Ok(v.clone());
            }
            if let Some(v) = i.class.lookup(name) {
                return Ok(v);
            }
        }
        (Value::Int(_) | Value::BigInt(_) | Value::Float(_), "real") => return Ok(obj.clone()),
        (Value::Bool(b), "real") => return Ok(Value::Int(*b as i64)),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => return Ok(Value::Int(0)),
        (Value::Float(_), "imag") => return Ok(Value::Float(0.0)),
        _ => {}
    }
    Err(error(
        "AttributeError",
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    ))
}

/// `obj[key]` in a format field.
pub(super) fn field_item(cx: &dyn Callbacks, obj: &Value, k: Value) -> PyResult<Value> {
    let _ = cx;
    match (obj, &k) {
        (Value::Dict(d), _) => {
            let key = key(k.clone())?;
            d.borrow().get(&key).cloned().ok_or_else(|| key_error(k))
        }
        (Value::List(_) | Value::Tuple(_) | Value::Str(_), Value::Int(i)) => {
            let item = match obj {
                Value::List(l) => l.borrow().get(*i as usize).cloned(),
                Value::Tuple(t) => t.get(*i as usize).cloned(),
                Value::Str(s) => s
                    .chars()
                    .nth(*i as usize)
                    .map(|c| Value::str(&c.to_string())),
                _ => None,
            };
            item.ok_or_else(|| {
                let what = match obj {
                    Value::Str(_) => "string",
                    other => other.type_name(),
                };
                error("IndexError", format!("{what} index out of range"))
            })
        }
        (Value::List(_) | Value::Tuple(_), _) => Err(type_error(format!(
            "{} indices must be integers or slices, not {}",
            obj.type_name(),
            k.type_name()
        ))),
        (Value::Str(_), _) => Err(type_error(format!(
            "string indices must be integers, not '{}'",
            k.type_name()
        ))),
        _ => Err(type_error(format!(
            "'{}' object is not subscriptable",
            obj.type_name()
        ))),
    }
}
