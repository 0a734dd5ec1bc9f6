//! `time.sleep(seconds)` in an executor's job given a negative length:
//! Python raises `ValueError: sleep length must be non-negative` where the
//! job's sleep on Tokio's clock would wait no time. Refused at the call
//! where the program passes one, as on the loop's thread, where only a
//! literal length's `Duration::from_secs_f64(-1.0)` panics as Python
//! raises.

use crate::render::plan::Untranslatable;
use crate::render::plan::ir::ast::{Demo, StmtKind, walk};
use crate::render::plan::ir::expr::{Expr, ExprKind, UnaryOp};

/// A number literal, negative or not.
fn literal(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Lit(_) => true,
        ExprKind::Unary(UnaryOp::Neg, x) => matches!(x.kind, ExprKind::Lit(_)),
        _ => false,
    }
}

/// Every `time.sleep` whose length may be one of known negative values.
pub(super) fn negative_blocks(demo: &Demo) -> Vec<Untranslatable> {
    // The functions run as executor jobs, whose `time.sleep` the plan made a
    // sleep on Tokio's clock.
    let mut jobs = Vec::new();
    for f in &demo.functions {
        walk(&f.body, &mut |s| {
            if let StmtKind::Submit { call, .. } | StmtKind::RunBlocking { call, .. } = &s.kind {
                jobs.push(call.name.clone());
            }
        });
    }
    let mut out = Vec::new();
    for f in &demo.functions {
        let job = jobs.contains(&f.name);
        f.walk(&mut |s| {
            let e = match &s.kind {
                StmtKind::Sleep(e) if job => e,
                // A literal length: the listing's sleep panics.
                StmtKind::Block(e) if !literal(e) => e,
                _ => return,
            };
            let negative = super::float_repr::exact_values(demo, &f.name, e)
                .is_some_and(|xs| xs.iter().any(|x| *x < 0.0));
            if negative {
                out.push(Untranslatable {
                    span: s.span.clone(),
                    construct: "`time.sleep` of a negative length".into(),
                    reason: "Python raises `ValueError: sleep length must be \
                             non-negative` here, where a Rust `Duration` waits no \
                             time: give `time.sleep` a length of zero or more"
                        .into(),
                });
            }
        });
    }
    out
}
