//! f-string fields: a replacement field's format spec, itself possibly
//! holding fields, and the value formatted by it.

use super::interp::{Frame, Interp};
use crate::engine::py::types::exc::PyResult;
use crate::engine::py::types::format;
use crate::engine::py::types::value::Value;
use crate::program::FormatPart;

impl Interp {
    /// A format spec's text (or an f-string's), its nested fields evaluated.
    pub(super) fn spec_sync(&self, f: &Frame, spec: &[FormatPart]) -> PyResult<String> {
        let mut out = String::new();
        for p in spec {
            match p {
                FormatPart::Literal(s) => out.push_str(s),
                FormatPart::Field {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    let v = self.eval(f, value)?;
                    let inner = self.spec_sync(f, spec)?;
                    self.format_field(f, &mut out, v, *conversion, &inner, debug.as_deref())?;
                }
            }
        }
        Ok(out)
    }

    /// A format spec's text, when a nested field may suspend.
    pub(super) async fn spec_async(&self, f: &Frame, spec: &[FormatPart]) -> PyResult<String> {
        let mut out = String::new();
        for p in spec {
            match p {
                FormatPart::Literal(s) => out.push_str(s),
                FormatPart::Field {
                    value,
                    conversion,
                    spec,
                    debug,
                } => {
                    let v = self.value(f, value).await?;
                    let inner = Box::pin(self.spec_async(f, spec)).await?;
                    self.format_field(f, &mut out, v, *conversion, &inner, debug.as_deref())?;
                }
            }
        }
        Ok(out)
    }

    /// Formats one f-string field into `out`.
    pub fn format_field(
        &self,
        f: &Frame,
        out: &mut String,
        v: Value,
        conversion: Option<char>,
        spec: &str,
        debug: Option<&str>,
    ) -> PyResult<()> {
        if let Some(d) = debug {
            out.push_str(d);
        }
        let conversion = match (conversion, debug) {
            (None, Some(_)) if spec.is_empty() => Some('r'),
            (c, _) => c,
        };
        let v = match conversion {
            Some('r') => Value::str(&self.repr(f, &v)?),
            Some('s') => Value::str(&self.str(f, &v)?),
            Some('a') => Value::str(&crate::engine::py::types::percent::ascii_escape(
                &self.repr(f, &v)?,
            )),
            _ => v,
        };
        out.push_str(&format::format_with(
            &super::interp::Cb { ix: self, f },
            &v,
            spec,
        )?);
        Ok(())
    }
}
