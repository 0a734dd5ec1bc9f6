//! How many times a program reads a name: in its syntax tree, so the
//! name's word in a string or a comment is no read.

use crate::program::visit_mut::{self, VisitMut};
use crate::program::{ExprKind as E, Stmt, StmtKind as P};

/// How many times a variable called `name` (global, local or a cell) is
/// read in `body`, nested functions, classes and lambdas included.
pub(super) fn name_reads(body: &[Stmt], name: &str) -> usize {
    let mut reads = Reads { name, count: 0 };
    let mut body = body.to_vec();
    visit_mut::block_mut(&mut body, &mut reads);
    let mut total = reads.count;
    crate::program::walk(&body, &mut |s| {
        if let P::Def { code, .. } | P::Class { code, .. } = &s.kind {
            total += name_reads(&code.body, name);
        }
    });
    total
}

/// Counts the reads of one name.
struct Reads<'a> {
    name: &'a str,
    count: usize,
}

impl VisitMut for Reads<'_> {
    fn expr(&mut self, e: &mut crate::program::Expr) {
        match &e.kind {
            E::Name(n) if &**n.ident() == self.name => self.count += 1,
            E::Lambda { code, .. } => self.count += name_reads(&code.body, self.name),
            _ => {}
        }
    }
}
