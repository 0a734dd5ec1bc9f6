//! The interpreter core (being written).

/// The interpreter of one run.
pub struct Interp;

/// One running code object.
pub struct Frame;

/// What native objects see of the code calling them.
pub type Ctx = Frame;
