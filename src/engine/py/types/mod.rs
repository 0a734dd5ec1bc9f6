//! The object model: values, the built-in types' methods, numbers and
//! operators, format specs, exceptions, and the [`native::Native`] trait.

pub mod callbacks;
pub mod exc;
mod float_digits;
pub mod format;
pub mod funcattrs;
pub mod groups;
pub mod hash;
mod int_arith;
pub(super) mod items;
pub mod methods;
pub mod native;
pub mod ops;
pub mod percent;
pub mod recursion;
mod repr;
pub mod set;
pub mod slots;
pub mod value;
