//! placeholder
use super::exc::PyResult;
use super::value::Value;
pub fn format_value(v: &Value, spec: &str) -> PyResult<String> {
    if let (Value::Float(f), Some(p)) = (v, spec.strip_prefix('.').and_then(|s| s.strip_suffix('f'))) {
        let p: usize = p.parse().unwrap_or(6);
        return Ok(format!("{f:.p$}"));
    }
    Ok(v.to_str())
}
