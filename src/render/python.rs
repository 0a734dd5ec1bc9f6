//! The Python (asyncio) listing of a demo: the program's own source, with
//! the lines of every statement and definition.

use super::Listing;

/// The Python listing of a program: its source, byte for byte, with the
/// line range of every statement and definition taken from the parser's
/// ranges.
pub fn source_listing(program: &crate::program::Program) -> Listing {
    let source = &program.source;
    let mut listing = Listing {
        lines: source.lines().map(str::to_string).collect(),
        ..Listing::default()
    };
    let line_range = |span: &std::ops::Range<usize>| {
        let start = program.line_of(span.start) - 1;
        let end = program.line_of(span.end.saturating_sub(1).max(span.start));
        start..end
    };
    fn visit(
        block: &[crate::program::Stmt],
        listing: &mut Listing,
        line_range: &dyn Fn(&std::ops::Range<usize>) -> std::ops::Range<usize>,
    ) {
        use crate::program::StmtKind;
        crate::program::walk(block, &mut |s| {
            listing.spans.insert(s.id, line_range(&s.span));
            if let StmtKind::Def { code, .. } | StmtKind::Class { code, .. } = &s.kind {
                listing
                    .functions
                    .insert(code.name.to_string(), line_range(&s.span));
                visit(&code.body, listing, line_range);
            }
        });
    }
    visit(&program.module.body, &mut listing, &line_range);
    listing
}
