//! A coroutine given a connection's `reader, writer` as its first two
//! parameters (`async def ask(reader, writer, request)`), called by the
//! function that owns the connection with its own two streams
//! (`await ask(reader, writer, request)`): its parameter is the
//! connection itself, one `BufReader<TcpStream>` as everywhere in the
//! listing, which it sends, receives and closes through; the listing lends
//! it (`&mut`, see `rust::mut_borrows`), so the caller goes on with it.

use super::scope::Scope;
use super::stmt::local_name;
use super::streams::{conn_name, stream};
use super::{Def, Planner, Result, refuse};
use crate::program::{self as py, Arg};
use crate::render::plan::ir::ast::FunctionKind;
use crate::render::plan::ir::expr::{Expr, ExprKind};

const GIVEN: &str = "the Rust listing gives a coroutine whose first parameters are \
                     `reader, writer` the connection of the function that calls it: pass \
                     that function's own `reader, writer` (or `NAME_reader, NAME_writer`), \
                     in that order, as the first arguments of a call awaited as a statement";

impl Planner<'_> {
    /// The connection a coroutine other than a connection handler takes
    /// as its first two parameters, `reader, writer`.
    pub(super) fn conn_param(&self, name: &str) -> Option<String> {
        self.conn_of(name, self.defs.get(name)?)
    }

    /// The connection `def`, the definition `name`, takes first.
    fn conn_of(&self, name: &str, def: &Def<'_>) -> Option<String> {
        if def.kind != Some(FunctionKind::Coroutine) || self.handlers.contains(name) {
            return None;
        }
        let [r, w, ..] = def.names else {
            return None;
        };
        let conn = conn_name(&r.name);
        (stream(&r.name) == Some((conn.clone(), false))
            && stream(&w.name) == Some((conn.clone(), true)))
        .then_some(conn)
    }

    /// The arguments of a call of `name`, which takes a connection
    /// (`conn_param`): the caller's connection, then the others; `None`
    /// for a function that takes none.
    pub(super) fn conn_args(
        &self,
        sc: &Scope,
        name: &str,
        def: Def<'_>,
        args: &[Arg],
        span: &std::ops::Range<usize>,
    ) -> Result<Option<Vec<Expr>>> {
        // The arguments after the connection's are planned as any others.
        if self.conn_of(name, &def).is_none() {
            return Ok(None);
        }
        let (Some(Arg::Positional(r)), Some(Arg::Positional(w))) = (args.first(), args.get(1))
        else {
            return refuse(span, format!("this call of `{name}`"), GIVEN);
        };
        let given = |e: &py::Expr, writer: bool| {
            local_name(e).and_then(|n| {
                let (conn, is_writer) = stream(n)?;
                (is_writer == writer && sc.streams.iter().any(|s| s == n)).then_some(conn)
            })
        };
        let conn = match (given(r, false), given(w, true)) {
            (Some(a), Some(b)) if a == b => a,
            _ => return refuse(span, format!("this call of `{name}`"), GIVEN),
        };
        let rest = Def {
            params: def.params - 2,
            names: &def.names[2..],
            ..def
        };
        let mut out = vec![Expr {
            kind: ExprKind::Var(conn),
            span: r.span.start..w.span.end,
        }];
        out.extend(self.args_of(sc, name, rest, &args[2..], span)?);
        Ok(Some(out))
    }
}
