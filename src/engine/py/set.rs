//! Python sets laid out as CPython 3.11 lays them out, so that they iterate
//! (and print) in the same order.
//!
//! CPython's set is an open-addressing hash table (`Objects/setobject.c`);
//! iteration walks its slots in index order. Where an element lands depends
//! on its `hash()` and on the whole history of the table: the adds, the
//! deletions (which leave dummies that later adds may reuse) and the resizes
//! (which re-insert the survivors in slot order). [`PySet`] keeps the same
//! table and replays the same algorithms, so for elements whose hashes
//! match CPython's (ints, floats, bools, tuples of those) the order matches
//! too. [`py_hash`] is CPython's `hash()` where it is deterministic.

use super::value::{Key, Value, identity};
use num_traits::ToPrimitive;
use std::fmt;

/// `_PyHASH_BITS` on 64-bit builds.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`: ints hash to their value modulo this prime.
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: i64 = 314_159;

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// CPython 3.11's `hash(v)`, or `None` when `v` is unhashable (a list,
/// dict or set, or a tuple holding one).
///
/// Ints, bools, floats and tuples of them hash exactly as in CPython.
/// CPython randomises `str` and `bytes` hashes per process and hashes
/// `None`, `...`, types and modules by address, so for those this returns
/// a deterministic hash of its own (sets of them cannot iterate as a given
/// CPython run does, and need not). Everything else (functions, classes,
/// instances, coroutines...) hashes by [`identity`], as CPython hashes
/// objects by address.
pub fn py_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Bool(b) => *b as i64,
        Value::Int(i) => hash_i64(*i),
        Value::BigInt(b) => {
            let rem = (b.magnitude() % num_bigint::BigUint::from(HASH_MODULUS))
                .to_u64()
                .unwrap_or(0) as i64;
            let h = if b.sign() == num_bigint::Sign::Minus {
                -rem
            } else {
                rem
            };
            if h == -1 { -2 } else { h }
        }
        Value::Float(f) => hash_f64(*f),
        Value::Tuple(items) => hash_tuple(items.iter())?,
        Value::Str(s) => hash_bytes(s.as_bytes()),
        Value::Bytes(b) => hash_bytes(b),
        Value::None => hash_tagged(b"None"),
        Value::Ellipsis => hash_tagged(b"Ellipsis"),
        Value::Type(t) => hash_tagged(format!("type {t}").as_bytes()),
        Value::Builtin(b) => hash_tagged(format!("builtin {b}").as_bytes()),
        Value::Module(m) => hash_tagged(format!("module {}", m.name()).as_bytes()),
        // `range_hash`: the hash of (len, start, step), with None standing
        // in for what the length makes irrelevant.
        Value::Range(start, stop, step) => {
            let len = super::value::range_len(*start, *stop, *step);
            let items = match len {
                0 => [Value::Int(0), Value::None, Value::None],
                1 => [Value::Int(1), Value::Int(*start), Value::None],
                n => [Value::Int(n), Value::Int(*start), Value::Int(*step)],
            };
            hash_tuple(items.iter())?
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
        // `meth_hash`: the receiver's address mixed with the function's hash.
        Value::Method(m) => {
            let h = hash_pointer(identity(&m.0)) ^ py_hash(&m.1)?;
            if h == -1 { -2 } else { h }
        }
        Value::BuiltinMethod(m) => {
            let h = hash_pointer(identity(&m.0)) ^ hash_bytes(m.1.as_bytes());
            if h == -1 { -2 } else { h }
        }
        other => hash_pointer(identity(other)),
    })
}

/// `long_hash` for a machine-sized int: the value modulo 2**61 - 1, keeping
/// the sign; -1 is reserved for errors and becomes -2.
fn hash_i64(i: i64) -> i64 {
    let rem = (i.unsigned_abs() % HASH_MODULUS) as i64;
    let h = if i < 0 { -rem } else { rem };
    if h == -1 { -2 } else { h }
}

/// `_Py_HashDouble`: integral floats hash as the equal int; the rest are
/// reduced modulo 2**61 - 1 28 bits at a time from their mantissa.
fn hash_f64(v: f64) -> i64 {
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v.is_nan() {
        // CPython hashes a NaN by its address; floats have none here.
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let negative = m < 0.0;
    if negative {
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    if negative {
        x = x.wrapping_neg();
    }
    let h = x as i64;
    if h == -1 { -2 } else { h }
}

/// C's `frexp`: `v == m * 2**e` with `0.5 <= |m| < 1` (`m == 0` for zero).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * f64::from_bits(0x4350_0000_0000_0000)); // 2**54
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `tuplehash` (3.8+): xxHash-style accumulation of the items' hashes.
fn hash_tuple<'a>(items: impl ExactSizeIterator<Item = &'a Value>) -> Option<i64> {
    let len = items.len() as u64;
    let mut acc = XXPRIME_5;
    for item in items {
        let lane = py_hash(item)? as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(XXPRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(XXPRIME_1);
    }
    acc = acc.wrapping_add(len ^ (XXPRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return Some(1_546_275_796);
    }
    Some(acc as i64)
}

/// A stand-in for CPython's randomised string hash: 64-bit FNV-1a. Like
/// CPython, the empty string hashes to 0.
fn hash_bytes(b: &[u8]) -> i64 {
    if b.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in b {
        h ^= c as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    let h = h as i64;
    if h == -1 { -2 } else { h }
}

/// A deterministic hash for objects CPython hashes by address but that
/// have no address here (`None`, types, modules...).
fn hash_tagged(name: &[u8]) -> i64 {
    let mut tagged = Vec::with_capacity(name.len() + 1);
    tagged.push(0);
    tagged.extend_from_slice(name);
    hash_bytes(&tagged)
}

/// `_Py_HashPointer`: the address rotated right by 4 bits (the low bits of
/// an aligned address carry no information).
fn hash_pointer(addr: usize) -> i64 {
    let h = (addr as u64).rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// The hash of a key, which [`Key::new`] guarantees is hashable.
fn key_hash(key: &Key) -> i64 {
    py_hash(&key.0).unwrap_or(0)
}

/// `PySet_MINSIZE`: a new set's table has this many slots.
const MINSIZE: usize = 8;
/// `LINEAR_PROBES`: slots tried next to each other before jumping.
const LINEAR_PROBES: u64 = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;

/// One slot of the table.
#[derive(Clone, Default)]
enum Slot {
    /// Never used since the table was made.
    #[default]
    Empty,
    /// Held a key that was removed; probing continues past it.
    Dummy,
    Active(i64, Key),
}

/// Calls `visit` on the slot indices CPython probes for `hash`, in order,
/// until it returns `Some`: runs of `LINEAR_PROBES + 1` neighbouring slots
/// (when they fit before the end of the table), each run starting where
/// `i = i*5 + 1 + perturb` (with `perturb` the hash shifted right 5 bits
/// more each time) lands.
fn probe<T>(mask: usize, hash: i64, mut visit: impl FnMut(usize) -> Option<T>) -> T {
    let mask = mask as u64;
    let mut perturb = hash as u64;
    let mut i = perturb & mask;
    loop {
        let run = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for j in i..=i + run {
            if let Some(found) = visit(j as usize) {
                return found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb) & mask;
    }
}

/// `set_insert_clean`: puts a key known to be absent into the first empty
/// slot of its probe sequence (the table has no dummies).
fn insert_clean(table: &mut [Slot], mask: usize, key: Key, hash: i64) {
    let i = probe(mask, hash, |i| matches!(table[i], Slot::Empty).then_some(i));
    table[i] = Slot::Active(hash, key);
}

/// A Python `set`, stored as CPython 3.11 stores it, so that [`iter`]
/// yields the elements in CPython's order.
///
/// `Clone` duplicates the table exactly; Python's `s.copy()` (and
/// `set(s)`) may lay the copy out differently: that is [`PySet::copy`].
///
/// Operations taking another `&PySet` cannot see whether it is the same
/// Python object as `self`; CPython special-cases that, and so must the
/// caller: `s.update(s)`, `s |= s` do nothing, `s & s` is `s.copy()`,
/// `s.difference_update(s)`, `s -= s`, `s ^= s` and
/// `s.symmetric_difference_update(s)` are `s.clear()`.
///
/// [`iter`]: PySet::iter
#[derive(Clone)]
pub struct PySet {
    table: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots: the set's length.
    used: usize,
    /// The table's size minus one (a power of two minus one).
    mask: usize,
    /// Where `pop` starts looking.
    finger: usize,
}

impl Default for PySet {
    fn default() -> PySet {
        PySet::new()
    }
}

impl fmt::Debug for PySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl FromIterator<Key> for PySet {
    /// `set(iterable)` for an iterable that is neither a set nor a dict:
    /// each item added in turn.
    fn from_iter<I: IntoIterator<Item = Key>>(items: I) -> PySet {
        let mut s = PySet::new();
        s.update_iter(items);
        s
    }
}

impl Extend<Key> for PySet {
    fn extend<I: IntoIterator<Item = Key>>(&mut self, items: I) {
        self.update_iter(items);
    }
}

impl<'a> IntoIterator for &'a PySet {
    type Item = &'a Key;
    type IntoIter = Box<dyn Iterator<Item = &'a Key> + 'a>;
    fn into_iter(self) -> Self::IntoIter {
        Box::new(self.iter())
    }
}

impl PySet {
    /// An empty set: `set()`.
    pub fn new() -> PySet {
        PySet {
            table: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            mask: MINSIZE - 1,
            finger: 0,
        }
    }

    /// A set display `{a, b, c}` of three or more constants (numbers,
    /// strings, bytes, `None`, `True`/`False`, `...`, tuples of those,
    /// constant-folded expressions such as `-1` or `2**61`).
    ///
    /// CPython does not build these by adding each item: the compiler folds
    /// the items into a `frozenset` constant (built from them in order),
    /// rebuilds it from its own iteration order when it registers the
    /// constant, and the code then runs `BUILD_SET 0; SET_UPDATE`, a merge
    /// into an empty set. Any other display (fewer than three items, or
    /// one that is not all constants) and set comprehensions add each item
    /// in order: that is [`FromIterator`].
    pub fn from_const_display(items: impl IntoIterator<Item = Key>) -> PySet {
        let mut s = PySet::new();
        s.update(&PySet::frozen_const(items));
        s
    }

    /// The `frozenset` constant CPython compiles a display of constants
    /// into. Besides [`from_const_display`], it is what `for x in {1, 2, 3}`
    /// iterates over and what `x in {1, 2, 3}` tests (the optimiser turns
    /// those displays into the constant itself).
    ///
    /// [`from_const_display`]: PySet::from_const_display
    pub fn frozen_const(items: impl IntoIterator<Item = Key>) -> PySet {
        let folded: PySet = items.into_iter().collect();
        folded.iter().cloned().collect()
    }

    /// `set(d)` for a dict `d`: `keys` in the dict's order.
    pub fn from_dict_keys<I>(keys: I) -> PySet
    where
        I: IntoIterator<Item = Key>,
        I::IntoIter: ExactSizeIterator,
    {
        let mut s = PySet::new();
        s.update_dict_keys(keys);
        s
    }

    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The elements in CPython's iteration order: slot order.
    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active(_, key) => Some(key),
            _ => None,
        })
    }

    /// The active slots with their hashes, in slot order.
    fn entries(&self) -> impl Iterator<Item = (i64, &Key)> {
        self.table.iter().filter_map(|slot| match slot {
            Slot::Active(hash, key) => Some((*hash, key)),
            _ => None,
        })
    }

    /// `repr(s)` when each element's repr needs no interpreter:
    /// `{1, 2}`, `set()`.
    pub fn repr(&self) -> String {
        if self.is_empty() {
            return "set()".into();
        }
        let items: Vec<String> = self.iter().map(|k| k.0.repr()).collect();
        format!("{{{}}}", items.join(", "))
    }

    /// `s.add(key)`; whether it was absent.
    pub fn insert(&mut self, key: Key) -> bool {
        let hash = key_hash(&key);
        self.add_entry(key, hash)
    }

    /// [`insert`] with the hash already known (say, from a user-defined
    /// `__hash__`).
    ///
    /// [`insert`]: PySet::insert
    pub fn insert_hashed(&mut self, key: Key, hash: i64) -> bool {
        self.add_entry(key, hash)
    }

    /// `key in s`.
    pub fn contains(&self, key: &Key) -> bool {
        self.lookup(key, key_hash(key)).is_some()
    }

    /// [`contains`] with the hash already known.
    ///
    /// [`contains`]: PySet::contains
    pub fn contains_hashed(&self, key: &Key, hash: i64) -> bool {
        self.lookup(key, hash).is_some()
    }

    /// `s.remove(key)`: whether it was there (CPython raises `KeyError`
    /// when not).
    pub fn remove(&mut self, key: &Key) -> bool {
        self.discard(key)
    }

    /// `s.discard(key)`: whether it was there. The slot becomes a dummy.
    pub fn discard(&mut self, key: &Key) -> bool {
        self.discard_entry(key, key_hash(key))
    }

    /// [`discard`] with the hash already known.
    ///
    /// [`discard`]: PySet::discard
    pub fn discard_hashed(&mut self, key: &Key, hash: i64) -> bool {
        self.discard_entry(key, hash)
    }

    /// `s.pop()` (`set_pop`): the first element at or after the finger,
    /// wrapping around; `None` when the set is empty (CPython raises
    /// `KeyError`).
    pub fn pop(&mut self) -> Option<Key> {
        if self.used == 0 {
            return None;
        }
        let mut i = self.finger & self.mask;
        while !matches!(self.table[i], Slot::Active(..)) {
            i += 1;
            if i > self.mask {
                i = 0;
            }
        }
        let Slot::Active(_, key) = std::mem::replace(&mut self.table[i], Slot::Dummy) else {
            unreachable!("the loop stops at an active slot")
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    /// `s.clear()` (`set_clear_internal`): back to an empty table of the
    /// minimum size. As in CPython, `pop`'s finger stays where it was.
    pub fn clear(&mut self) {
        self.table = vec![Slot::Empty; MINSIZE];
        self.mask = MINSIZE - 1;
        self.fill = 0;
        self.used = 0;
    }

    /// `s.copy()`, `set(s)`: a new set merged from this one, which may lay
    /// the elements out differently (a copy's table is sized for its
    /// length, not for the history of adds).
    pub fn copy(&self) -> PySet {
        let mut s = PySet::new();
        s.update(self);
        s
    }

    /// `s.update(other)`, `s |= other` for a set `other` (`set_merge`).
    pub fn update(&mut self, other: &PySet) {
        if other.used == 0 {
            return;
        }
        // One big resize first, expecting few common keys.
        if (self.fill + other.used) * 5 >= self.mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask == other.mask && other.fill == other.used {
            // Same size, no dummies to drop: the same layout.
            self.table.clone_from(&other.table);
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            for (hash, key) in other.entries() {
                insert_clean(&mut self.table, self.mask, key.clone(), hash);
            }
            self.fill = other.used;
            self.used = other.used;
            return;
        }
        for (hash, key) in other.entries() {
            self.add_entry(key.clone(), hash);
        }
    }

    /// `s.update(iterable)` for an iterable that is neither a set nor a
    /// dict: each item added in turn.
    pub fn update_iter(&mut self, items: impl IntoIterator<Item = Key>) {
        for key in items {
            self.insert(key);
        }
    }

    /// `s.update(d)` for a dict `d`, given its keys in the dict's order:
    /// one resize up front for the dict's size, then each key added.
    pub fn update_dict_keys<I>(&mut self, keys: I)
    where
        I: IntoIterator<Item = Key>,
        I::IntoIter: ExactSizeIterator,
    {
        let keys = keys.into_iter();
        let n = keys.len();
        if (self.fill + n) * 5 >= self.mask * 3 {
            self.resize((self.used + n) * 2);
        }
        for key in keys {
            self.insert(key);
        }
    }

    /// `s | other`, `s.union(other)` for a set: a copy of `s` updated with
    /// `other`. (For other iterables: `copy()` then [`update_iter`] or
    /// [`update_dict_keys`].)
    ///
    /// [`update_iter`]: PySet::update_iter
    /// [`update_dict_keys`]: PySet::update_dict_keys
    pub fn union(&self, other: &PySet) -> PySet {
        let mut s = self.copy();
        s.update(other);
        s
    }

    /// `s & other`, `s.intersection(other)` for a set (`set_intersection`):
    /// walks the smaller set (`other` when the sizes are equal) and adds
    /// each element the larger one holds to a new set.
    pub fn intersection(&self, other: &PySet) -> PySet {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        let mut s = PySet::new();
        for (hash, key) in small.entries() {
            if big.lookup(key, hash).is_some() {
                s.add_entry(key.clone(), hash);
            }
        }
        s
    }

    /// `s.intersection(iterable)` for an iterable that is not a set (a
    /// dict iterates its keys): the items `s` holds, in the iterable's
    /// order, stopping once the result is as large as `s`.
    pub fn intersection_iter(&self, items: impl IntoIterator<Item = Key>) -> PySet {
        let mut s = PySet::new();
        for key in items {
            let hash = key_hash(&key);
            if self.lookup(&key, hash).is_some() {
                s.add_entry(key, hash);
                if s.used >= self.used {
                    break;
                }
            }
        }
        s
    }

    /// `s &= other`, `s.intersection_update(other)` for a set: `s` takes
    /// the table of `s & other` (`pop`'s finger stays).
    pub fn intersection_update(&mut self, other: &PySet) {
        let s = self.intersection(other);
        self.take_table(s);
    }

    /// `s.intersection_update(iterable)` for an iterable that is not a set.
    pub fn intersection_update_iter(&mut self, items: impl IntoIterator<Item = Key>) {
        let s = self.intersection_iter(items);
        self.take_table(s);
    }

    /// `s - other`, `s.difference(other)` for a set (`set_difference`).
    /// When `s` is more than four times larger: a copy of `s` with
    /// `other`'s elements discarded; otherwise a new set of `s`'s elements
    /// (in `s`'s order) that `other` lacks. For a dict, CPython does the
    /// same with the dict's keys: pass a set of them.
    pub fn difference(&self, other: &PySet) -> PySet {
        if (self.used >> 2) > other.used {
            let mut s = self.copy();
            s.difference_update(other);
            return s;
        }
        let mut s = PySet::new();
        for (hash, key) in self.entries() {
            if other.lookup(key, hash).is_none() {
                s.add_entry(key.clone(), hash);
            }
        }
        s
    }

    /// `s.difference(iterable)` for an iterable that is neither a set nor a
    /// dict: a copy of `s` with the items discarded.
    pub fn difference_iter(&self, items: impl IntoIterator<Item = Key>) -> PySet {
        let mut s = self.copy();
        s.difference_update_iter(items);
        s
    }

    /// `s -= other`, `s.difference_update(other)` for a set: discards each
    /// of `other`'s elements, then rebuilds the table if more than a
    /// quarter of it is dummies.
    pub fn difference_update(&mut self, other: &PySet) {
        for (hash, key) in other.entries() {
            self.discard_entry(key, hash);
        }
        self.purge_dummies();
    }

    /// `s.difference_update(iterable)` for any other iterable (a dict
    /// iterates its keys).
    pub fn difference_update_iter(&mut self, items: impl IntoIterator<Item = Key>) {
        for key in items {
            self.discard(&key);
        }
        self.purge_dummies();
    }

    /// `s ^ other`, `s.symmetric_difference(other)` for a set: a copy of
    /// `other`, then each of `s`'s elements (in `s`'s order) discarded from
    /// it when there and added when not.
    pub fn symmetric_difference(&self, other: &PySet) -> PySet {
        let mut s = other.copy();
        s.symmetric_difference_update(self);
        s
    }

    /// `s.symmetric_difference(iterable)` for an iterable that is not a
    /// set: `set(iterable)` updated symmetrically with `s`. (For a dict,
    /// build the set with [`from_dict_keys`] and use
    /// [`symmetric_difference_update`] on it.)
    ///
    /// [`from_dict_keys`]: PySet::from_dict_keys
    /// [`symmetric_difference_update`]: PySet::symmetric_difference_update
    pub fn symmetric_difference_iter(&self, items: impl IntoIterator<Item = Key>) -> PySet {
        let mut s: PySet = items.into_iter().collect();
        s.symmetric_difference_update(self);
        s
    }

    /// `s ^= other`, `s.symmetric_difference_update(other)` for a set: each
    /// of `other`'s elements, in its order, discarded from `s` when there
    /// and added when not.
    pub fn symmetric_difference_update(&mut self, other: &PySet) {
        for (hash, key) in other.entries() {
            self.toggle(key, hash);
        }
    }

    /// `s.symmetric_difference_update(iterable)` for an iterable that is
    /// neither a set nor a dict: the same with `set(iterable)`.
    pub fn symmetric_difference_update_iter(&mut self, items: impl IntoIterator<Item = Key>) {
        let other: PySet = items.into_iter().collect();
        self.symmetric_difference_update(&other);
    }

    /// `s.symmetric_difference_update(d)` for a dict `d`, given its keys in
    /// the dict's order: CPython toggles them in that order.
    pub fn symmetric_difference_update_dict_keys(&mut self, keys: impl IntoIterator<Item = Key>) {
        for key in keys {
            let hash = key_hash(&key);
            self.toggle(&key, hash);
        }
    }

    /// `s <= other`, `s.issubset(other)`.
    pub fn issubset(&self, other: &PySet) -> bool {
        self.used <= other.used && self.entries().all(|(h, k)| other.lookup(k, h).is_some())
    }

    /// `s >= other`, `s.issuperset(other)`.
    pub fn issuperset(&self, other: &PySet) -> bool {
        other.issubset(self)
    }

    /// `s.isdisjoint(other)`.
    pub fn isdisjoint(&self, other: &PySet) -> bool {
        let (big, small) = if other.used > self.used {
            (other, self)
        } else {
            (self, other)
        };
        small.entries().all(|(h, k)| big.lookup(k, h).is_none())
    }

    /// `s == other`.
    pub fn is_equal(&self, other: &PySet) -> bool {
        self.used == other.used && self.issubset(other)
    }

    /// `set_add_entry`: probes for the key, remembering the last dummy on
    /// the way; a key not found goes into that dummy, or else into the
    /// empty slot that ended the search, and then the table grows if it is
    /// 60% full.
    fn add_entry(&mut self, key: Key, hash: i64) -> bool {
        let table = &self.table;
        let mut freeslot = None;
        let empty = probe(self.mask, hash, |i| match &table[i] {
            Slot::Empty => Some(Some(i)),
            Slot::Active(h, k) if *h == hash && *k == key => Some(None),
            Slot::Dummy => {
                // The last dummy passed wins, not the first.
                freeslot = Some(i);
                None
            }
            Slot::Active(..) => None,
        });
        let Some(empty) = empty else {
            return false;
        };
        self.used += 1;
        if let Some(dummy) = freeslot {
            self.table[dummy] = Slot::Active(hash, key);
            return true;
        }
        self.table[empty] = Slot::Active(hash, key);
        self.fill += 1;
        if self.fill * 5 >= self.mask * 3 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
        true
    }

    /// `set_lookkey`: the slot holding the key, if any.
    fn lookup(&self, key: &Key, hash: i64) -> Option<usize> {
        probe(self.mask, hash, |i| match &self.table[i] {
            Slot::Empty => Some(None),
            Slot::Active(h, k) if *h == hash && k == key => Some(Some(i)),
            _ => None,
        })
    }

    /// `set_discard_entry`: turns the key's slot into a dummy.
    fn discard_entry(&mut self, key: &Key, hash: i64) -> bool {
        let Some(i) = self.lookup(key, hash) else {
            return false;
        };
        self.table[i] = Slot::Dummy;
        self.used -= 1;
        true
    }

    /// One step of `set_symmetric_difference_update`.
    fn toggle(&mut self, key: &Key, hash: i64) {
        if !self.discard_entry(key, hash) {
            self.add_entry(key.clone(), hash);
        }
    }

    /// The end of `set_difference_update_internal`: rebuilds the table when
    /// more than a quarter of it is dummies.
    fn purge_dummies(&mut self) {
        if self.fill - self.used > self.mask / 4 {
            self.resize(if self.used > 50_000 {
                self.used * 2
            } else {
                self.used * 4
            });
        }
    }

    /// `set_table_resize`: a new table of the smallest power of two above
    /// `minused` (at least 8), the active keys re-inserted in old slot
    /// order and the dummies dropped. A minimum-size table without dummies
    /// is left alone.
    fn resize(&mut self, minused: usize) {
        let mut size = MINSIZE;
        while size <= minused {
            size <<= 1;
        }
        if size == MINSIZE && self.mask == MINSIZE - 1 && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; size]);
        self.mask = size - 1;
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(hash, key) = slot {
                insert_clean(&mut self.table, self.mask, key, hash);
            }
        }
    }

    /// `set_swap_bodies` as the in-place updates use it: `self` takes the
    /// table of `other` but keeps its finger.
    fn take_table(&mut self, other: PySet) {
        self.table = other.table;
        self.fill = other.fill;
        self.used = other.used;
        self.mask = other.mask;
    }
}

#[cfg(test)]
mod tests {
    //! Every expected string below is what CPython 3.11 printed for the
    //! Python code quoted next to it (`python3 -c '...'`).

    use super::*;
    use num_bigint::BigInt;
    use std::rc::Rc;

    fn i(v: i64) -> Key {
        Key(Value::Int(v))
    }

    fn f(v: f64) -> Key {
        Key(Value::Float(v))
    }

    fn big(digits: &str) -> Key {
        Key(Value::BigInt(Rc::new(digits.parse::<BigInt>().unwrap())))
    }

    fn tuple(items: Vec<Value>) -> Key {
        Key(Value::tuple(items))
    }

    fn ints(v: &[i64]) -> Vec<Key> {
        v.iter().map(|&x| i(x)).collect()
    }

    fn range(start: i64, stop: i64, step: i64) -> Vec<Key> {
        let n = crate::engine::py::value::range_len(start, stop, step);
        (0..n).map(|k| i(start + k * step)).collect()
    }

    /// A display of constants, `{a, b, c}`, compiled as CPython compiles it.
    fn lit(items: Vec<Key>) -> PySet {
        if items.len() > 2 {
            PySet::from_const_display(items)
        } else {
            items.into_iter().collect()
        }
    }

    /// `set(some_list)`, `set(range(...))`, a set comprehension.
    fn set(items: Vec<Key>) -> PySet {
        items.into_iter().collect()
    }

    fn list_repr<'a>(keys: impl IntoIterator<Item = &'a Key>) -> String {
        let items: Vec<String> = keys.into_iter().map(|k| k.0.repr()).collect();
        format!("[{}]", items.join(", "))
    }

    fn check(cases: Vec<(&str, String, &str)>) {
        let mut failed = Vec::new();
        for (python, got, want) in &cases {
            if got != want {
                failed.push(format!("{python}\n  CPython: {want}\n  PySet:   {got}"));
            }
        }
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn hashes_match_cpython() {
        let cases: Vec<(Value, i64)> = vec![
            (Value::Int(0), 0),
            (Value::Int(1), 1),
            (Value::Int(-1), -2),
            (Value::Int(-2), -2),
            (Value::Int(2305843009213693950), 2305843009213693950),
            (Value::Int(2305843009213693951), 0),
            (Value::Int(2305843009213693952), 1),
            (Value::Int(4611686018427387904), 2),
            (Value::Int(-2305843009213693952), -2),
            (Value::Int(i64::MAX), 3),
            (Value::Int(i64::MIN), -4),
            (big("18446744073709551619").0, 11),
            (big("-18446744073709551619").0, -11),
            (big("1000000000000000000000000000000").0, 465258685558744706),
            (
                big("-1000000000000000000000000000000").0,
                -465258685558744706,
            ),
            (Value::Float(0.5), 1152921504606846976),
            (Value::Float(1.5), 1152921504606846977),
            (Value::Float(-0.5), -1152921504606846976),
            (Value::Float(2.0), 2),
            (Value::Float(1e10), 10000000000),
            (Value::Float(0.1), 230584300921369408),
            (Value::Float(3.3), 691752902764107779),
            (Value::Float(-2.5), -1152921504606846978),
            (Value::Float(1e300), 1224995262755759164),
            (Value::Float(1e-300), 482449582752280463),
            (Value::Float(5e-324), 16777216),
            (Value::Float(f64::INFINITY), 314159),
            (Value::Float(f64::NEG_INFINITY), -314159),
            (Value::Float(1e22), 1864712049423028464),
            (Value::Float(2f64.powi(70)), 512),
            (Value::Float(-0.0), 0),
            (Value::Bool(true), 1),
            (Value::Bool(false), 0),
            (Value::tuple(vec![]), 5740354900026072187),
            (Value::tuple(vec![Value::Int(1)]), -6644214454873602895),
            (
                Value::tuple(vec![Value::Int(1), Value::Int(2)]),
                -3550055125485641917,
            ),
            (
                Value::tuple(vec![Value::Int(2), Value::Int(1)]),
                6794810172467074373,
            ),
            (
                Value::tuple(vec![Value::Int(0), Value::Int(0)]),
                -8458139203682520985,
            ),
            (Value::tuple(vec![Value::Int(-1)]), 8078679518589016365),
            (Value::tuple(vec![Value::Int(-2)]), 8078679518589016365),
            (
                Value::tuple(vec![
                    Value::Int(1),
                    Value::tuple(vec![Value::Int(2), Value::Int(3)]),
                ]),
                7267574591690527098,
            ),
            (
                Value::tuple(vec![Value::Float(0.5), big("18446744073709551616").0]),
                -6017832755877902220,
            ),
            (
                Value::tuple(vec![Value::tuple(vec![]), Value::tuple(vec![])]),
                9028247024705308198,
            ),
        ];
        for (v, want) in cases {
            assert_eq!(py_hash(&v), Some(want), "hash({})", v.repr());
        }
        // Strings cannot match CPython's randomised hash, but the empty
        // string hashes to 0 there too.
        assert_eq!(py_hash(&Value::str("")), Some(0));
        assert_eq!(py_hash(&Value::str("abc")), py_hash(&Value::str("abc")));
        assert_eq!(py_hash(&Value::list(vec![])), None);
        assert_eq!(py_hash(&Value::tuple(vec![Value::list(vec![])])), None);
    }

    #[test]
    fn displays_and_constructors() {
        let s = set(ints(&[5, 6, 7, 8, 16]));
        let keys = ints(&[16, 8, 24, 0, 32, 1]);
        check(vec![
            (
                "{5, 3, 9, 1}",
                lit(ints(&[5, 3, 9, 1])).repr(),
                "{9, 3, 5, 1}",
            ),
            ("{-1, -2}", lit(ints(&[-1, -2])).repr(), "{-1, -2}"),
            ("{-2, -1}", lit(ints(&[-2, -1])).repr(), "{-2, -1}"),
            (
                "{-1, -2, -3, 1, 2}",
                lit(ints(&[-1, -2, -3, 1, 2])).repr(),
                "{1, 2, -2, -3, -1}",
            ),
            (
                "{-5, -3, 7, -100, 42}",
                lit(ints(&[-5, -3, 7, -100, 42])).repr(),
                "{7, 42, -5, -100, -3}",
            ),
            (
                "{2**61, 2**64+3, 1, 2**61-1, 2**61+1, -(2**64+3)}",
                lit(vec![
                    i(1 << 61),
                    big("18446744073709551619"),
                    i(1),
                    i((1 << 61) - 1),
                    i((1 << 61) + 1),
                    big("-18446744073709551619"),
                ])
                .repr(),
                "{2305843009213693951, 2305843009213693952, 2305843009213693953, 1, \
                 -18446744073709551619, 18446744073709551619}",
            ),
            (
                "{-2**61, -(2**61-1), 2**63-1, -2**63, 0}",
                lit(vec![
                    i(-(1 << 61)),
                    i(-((1 << 61) - 1)),
                    i(i64::MAX),
                    i(i64::MIN),
                    i(0),
                ])
                .repr(),
                "{-2305843009213693951, 0, 9223372036854775807, -9223372036854775808, \
                 -2305843009213693952}",
            ),
            (
                "{0.5, 1.5, 2.0, 1e10}",
                lit(vec![f(0.5), f(1.5), f(2.0), f(1e10)]).repr(),
                "{0.5, 1.5, 2.0, 10000000000.0}",
            ),
            (
                "{0.1, 0.2, 0.3, -0.5, 3.3, 1e-7}",
                lit(vec![f(0.1), f(0.2), f(0.3), f(-0.5), f(3.3), f(1e-7)]).repr(),
                "{0.1, -0.5, 0.2, 3.3, 0.3, 1e-07}",
            ),
            (
                "set([1e300, 1e-300, float('inf'), -float('inf'), 5e-324, -2.5])",
                set(vec![
                    f(1e300),
                    f(1e-300),
                    f(f64::INFINITY),
                    f(f64::NEG_INFINITY),
                    f(5e-324),
                    f(-2.5),
                ])
                .repr(),
                "{5e-324, inf, 1e-300, -inf, 1e+300, -2.5}",
            ),
            (
                "{1.5, 2, 2.0, 3.25, -1.0, 7}",
                lit(vec![f(1.5), i(2), f(2.0), f(3.25), f(-1.0), i(7)]).repr(),
                "{1.5, 2, 3.25, 7, -1.0}",
            ),
            (
                "{True, 1, 0, False, 2}",
                lit(vec![
                    Key(Value::Bool(true)),
                    i(1),
                    i(0),
                    Key(Value::Bool(false)),
                    i(2),
                ])
                .repr(),
                "{0, True, 2}",
            ),
            (
                "{False, 5, True, 9, 1.0}",
                lit(vec![
                    Key(Value::Bool(false)),
                    i(5),
                    Key(Value::Bool(true)),
                    i(9),
                    f(1.0),
                ])
                .repr(),
                "{False, True, 5, 9}",
            ),
            (
                "{(1, 2), (2, 1), (0, 0)}",
                lit(vec![
                    tuple(vec![Value::Int(1), Value::Int(2)]),
                    tuple(vec![Value::Int(2), Value::Int(1)]),
                    tuple(vec![Value::Int(0), Value::Int(0)]),
                ])
                .repr(),
                "{(1, 2), (2, 1), (0, 0)}",
            ),
            (
                "{(1,), (), (1, (2, 3)), (-1, -2), (0.5, 2**64)}",
                lit(vec![
                    tuple(vec![Value::Int(1)]),
                    tuple(vec![]),
                    tuple(vec![
                        Value::Int(1),
                        Value::tuple(vec![Value::Int(2), Value::Int(3)]),
                    ]),
                    tuple(vec![Value::Int(-1), Value::Int(-2)]),
                    tuple(vec![Value::Float(0.5), big("18446744073709551616").0]),
                ])
                .repr(),
                "{(1,), (0.5, 18446744073709551616), (-1, -2), (1, (2, 3)), ()}",
            ),
            (
                "{1, 9, 17, 25, 33, 41, 49}",
                lit(ints(&[1, 9, 17, 25, 33, 41, 49])).repr(),
                "{1, 33, 17, 49, 25, 41, 9}",
            ),
            (
                "set([1, 9, 17, 25, 33, 41, 49])",
                set(ints(&[1, 9, 17, 25, 33, 41, 49])).repr(),
                "{1, 33, 9, 41, 17, 49, 25}",
            ),
            (
                "set([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])",
                set(ints(&[3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5])).repr(),
                "{1, 2, 3, 4, 5, 6, 9}",
            ),
            (
                "set([-1, -2, -3, -4, -5, -6, -7, -8, -9])",
                set(ints(&[-1, -2, -3, -4, -5, -6, -7, -8, -9])).repr(),
                "{-2, -9, -8, -7, -6, -5, -4, -3, -1}",
            ),
            (
                "s = set([5, 6, 7, 8, 16]); print(s, set(s), s.copy())",
                format!(
                    "{} {} {}",
                    s.repr(),
                    PySet::copy(&s).repr(),
                    s.copy().repr()
                ),
                "{5, 6, 7, 8, 16} {16, 5, 6, 7, 8} {16, 5, 6, 7, 8}",
            ),
            (
                "print(set([16, 8, 24, 0, 32, 1]), set({16: 0, 8: 0, 24: 0, 0: 0, 32: 0, 1: 0}))",
                format!(
                    "{} {}",
                    set(keys.clone()).repr(),
                    PySet::from_dict_keys(keys).repr()
                ),
                "{32, 0, 1, 8, 16, 24} {16, 0, 32, 1, 8, 24}",
            ),
            (
                "set({5: 0, 6: 0, 7: 0, 8: 0, 16: 0})",
                PySet::from_dict_keys(ints(&[5, 6, 7, 8, 16])).repr(),
                "{16, 5, 6, 7, 8}",
            ),
        ]);
    }

    #[test]
    fn growth() {
        let squares = (0..50).map(|x| i(x * x)).collect();
        let mods = (0..30).map(|x| i(x % 7)).collect();
        let scattered = (0..90).map(|x| i(x * 37 % 101)).collect();
        let spread = (0..25).map(|x| i(x * 1000003)).collect();
        let pairs = (0..3)
            .flat_map(|a| (0..3).map(move |b| tuple(vec![Value::Int(a), Value::Int(b)])))
            .collect();
        check(vec![
            (
                "set(range(100, 0, -7))",
                set(range(100, 0, -7)).repr(),
                "{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}",
            ),
            (
                "set(range(20))",
                set(range(0, 20, 1)).repr(),
                "{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}",
            ),
            (
                "list(set(range(80, 0, -3)))",
                list_repr(set(range(80, 0, -3)).iter()),
                "[2, 5, 8, 11, 14, 17, 20, 23, 26, 29, 32, 35, 38, 41, 44, 47, 50, 53, 56, \
                 59, 62, 65, 68, 71, 74, 77, 80]",
            ),
            (
                "set(x * x for x in range(50))",
                set(squares).repr(),
                "{0, 1, 256, 1024, 4, 900, 1156, 2304, 9, 16, 144, 400, 529, 784, 1296, \
                 1681, 1936, 25, 289, 2209, 36, 676, 1444, 169, 49, 441, 1849, 64, 576, \
                 961, 1089, 196, 324, 1600, 2116, 841, 1225, 81, 729, 1369, 225, 2401, \
                 100, 484, 1764, 361, 2025, 625, 1521, 121}",
            ),
            (
                "{x % 7 for x in range(30)}",
                set(mods).repr(),
                "{0, 1, 2, 3, 4, 5, 6}",
            ),
            (
                "{x * 37 % 101 for x in range(90)}",
                set(scattered).repr(),
                "{0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 19, 20, 21, \
                 22, 23, 24, 25, 26, 28, 29, 30, 31, 32, 33, 35, 36, 37, 38, 39, 40, 41, \
                 42, 43, 45, 46, 47, 48, 49, 50, 51, 52, 53, 55, 56, 57, 58, 59, 60, 61, \
                 62, 63, 65, 66, 67, 68, 69, 70, 72, 73, 74, 75, 76, 77, 78, 79, 80, 82, \
                 83, 84, 85, 86, 87, 88, 89, 90, 92, 93, 94, 95, 96, 97, 99, 100}",
            ),
            (
                "{x * 1000003 for x in range(25)}",
                set(spread).repr(),
                "{0, 23000069, 2000006, 4000012, 6000018, 8000024, 10000030, 12000036, \
                 14000042, 16000048, 18000054, 20000060, 22000066, 1000003, 24000072, \
                 3000009, 5000015, 7000021, 9000027, 11000033, 13000039, 15000045, \
                 17000051, 19000057, 21000063}",
            ),
            (
                "{(i, j) for i in range(3) for j in range(3)}",
                set(pairs).repr(),
                "{(0, 1), (1, 2), (2, 1), (0, 0), (1, 1), (2, 0), (0, 2), (2, 2), (1, 0)}",
            ),
        ]);
        assert!(set(range(80, 0, -1)).is_equal(&set(range(1, 81, 1))));
    }

    #[test]
    fn removals_reuse_dummies() {
        let mut a = PySet::new();
        for x in [0, 8, 16, 24] {
            a.insert(i(x));
        }
        a.remove(&i(0));
        a.remove(&i(16));
        a.insert(i(32));

        let mut b = set(range(0, 10, 1));
        for x in range(0, 10, 2) {
            b.discard(&x);
        }
        b.update_iter(ints(&[20, 22, 40]));

        let mut c = lit(ints(&[5, 13, 21, 29]));
        c.remove(&i(13));
        c.insert(i(37));
        c.remove(&i(5));
        c.insert(i(45));
        c.insert(i(13));

        let mut d = set(range(0, 30, 1));
        for x in (0..30).filter(|x| x % 3 != 0) {
            d.discard(&i(x));
        }
        d.update_iter(ints(&[100, 200, 300]));

        // The last dummy passed is reused, not the first.
        let mut g = PySet::new();
        for x in [0, 8, 16, 24] {
            g.insert(i(x));
        }
        g.remove(&i(0));
        g.remove(&i(16));
        g.insert(i(0));

        let mut h = set(range(0, 10, 1));
        h.discard(&i(2));
        h.discard(&i(5));
        h.insert(i(32));

        let mut j = set(range(0, 12, 1));
        j.discard(&i(9));
        j.discard(&i(3));
        j.insert(i(64));
        j.insert(i(96));

        let mut e = set(range(0, 50, 1));
        e.clear();
        e.insert(i(9));
        e.insert(i(1));
        check(vec![
            (
                "s = set(); [s.add(x) for x in (0, 8, 16, 24)]; s.remove(0); s.remove(16); \
                 s.add(32)",
                a.repr(),
                "{32, 8, 24}",
            ),
            (
                "s = set(range(10)); [s.discard(x) for x in range(0, 10, 2)]; s.add(20); \
                 s.add(22); s.add(40)",
                b.repr(),
                "{1, 3, 5, 7, 40, 9, 20, 22}",
            ),
            (
                "s = {5, 13, 21, 29}; s.remove(13); s.add(37); s.remove(5); s.add(45); \
                 s.add(13)",
                c.repr(),
                "{37, 45, 13, 21, 29}",
            ),
            (
                "s = set(range(30)); [s.discard(x) for x in range(30) if x % 3]; \
                 s.update([100, 200, 300])",
                d.repr(),
                "{0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 300, 200, 100}",
            ),
            (
                "s = set(); [s.add(x) for x in (0, 8, 16, 24)]; s.remove(0); s.remove(16); \
                 s.add(0)",
                g.repr(),
                "{8, 0, 24}",
            ),
            (
                "s = set(range(10)); s.discard(2); s.discard(5); s.add(32)",
                h.repr(),
                "{0, 1, 3, 4, 32, 6, 7, 8, 9}",
            ),
            (
                "s = set(range(12)); s.discard(9); s.discard(3); s.add(64); s.add(96)",
                j.repr(),
                "{0, 1, 2, 96, 4, 5, 6, 7, 8, 64, 10, 11}",
            ),
            (
                "s = set(range(50)); s.clear(); s.add(9); s.add(1)",
                e.repr(),
                "{9, 1}",
            ),
        ]);
        assert!(!a.contains(&i(0)) && a.contains(&i(32)) && a.len() == 3);
        assert!(!a.remove(&i(0)));
    }

    #[test]
    fn pops() {
        let mut a = lit(ints(&[9, 3, 17, 25, 1]));
        let popped: Vec<Key> = (0..3).map(|_| a.pop().unwrap()).collect();

        let mut b = set(range(100, 0, -9));
        let (x, y) = (b.pop().unwrap(), b.pop().unwrap());
        b.insert(i(1000));
        let z = b.pop().unwrap();

        let mut c = set(range(0, 6, 1));
        c.pop();
        c.pop();
        c.clear();
        c.update_iter(ints(&[1, 2, 3]));
        let w = c.pop().unwrap();
        check(vec![
            (
                "s = {9, 3, 17, 25, 1}; print([s.pop() for _ in range(3)], s)",
                format!("{} {}", list_repr(&popped), a.repr()),
                "[1, 17, 3] {9, 25}",
            ),
            (
                "s = set(range(100, 0, -9)); a = s.pop(); b = s.pop(); s.add(1000); \
                 print(a, b, s.pop(), s)",
                format!("{} {} {} {}", x.0.repr(), y.0.repr(), z.0.repr(), b.repr()),
                "64 1 100 {37, 1000, 73, 10, 46, 82, 19, 55, 91, 28}",
            ),
            (
                "s = set(range(6)); s.pop(); s.pop(); s.clear(); s.update([1, 2, 3]); \
                 print(s.pop(), s)",
                format!("{} {}", w.0.repr(), c.repr()),
                "2 {1, 3}",
            ),
        ]);
        let mut empty = PySet::new();
        assert!(empty.pop().is_none());
    }

    #[test]
    fn operators() {
        let evens = lit(ints(&[0, 2, 4, 6, 8]));
        let low = lit(ints(&[0, 1, 2, 3, 4]));
        let threes = set(range(0, 40, 3));
        let twos = set(range(0, 40, 2));
        let few = lit(ints(&[1, 2, 3, 33, 65]));
        let hundred = set(range(100, 0, -1));
        let abc = lit(ints(&[1, 2, 3]));
        let fours = set(range(30, 0, -4));
        let ten = set(range(0, 10, 1));
        let odd3 = lit(ints(&[3, 100, 9]));
        check(vec![
            (
                "{0, 2, 4, 6, 8} - {0, 1, 2, 3, 4}",
                evens.difference(&low).repr(),
                "{8, 6}",
            ),
            (
                "{0, 1, 2, 3, 4} - {0, 2, 4, 6, 8}",
                low.difference(&evens).repr(),
                "{1, 3}",
            ),
            (
                "set(range(20)) - {3, 5}",
                set(range(0, 20, 1)).difference(&lit(ints(&[3, 5]))).repr(),
                "{0, 1, 2, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}",
            ),
            (
                "{3, 5, 40, 21} - set(range(20))",
                lit(ints(&[3, 5, 40, 21]))
                    .difference(&set(range(0, 20, 1)))
                    .repr(),
                "{40, 21}",
            ),
            (
                "{0, 2, 4, 6, 8}.difference([0, 1, 2, 3, 4])",
                evens.difference_iter(ints(&[0, 1, 2, 3, 4])).repr(),
                "{6, 8}",
            ),
            (
                "set(range(0, 40, 3)) & set(range(0, 40, 2))",
                threes.intersection(&twos).repr(),
                "{0, 36, 6, 12, 18, 24, 30}",
            ),
            (
                "set(range(0, 40, 2)) & set(range(0, 40, 3))",
                twos.intersection(&threes).repr(),
                "{0, 36, 6, 12, 18, 24, 30}",
            ),
            (
                "{1, 2, 3, 33, 65} & set(range(100, 0, -1))",
                few.intersection(&hundred).repr(),
                "{65, 2, 3, 1, 33}",
            ),
            (
                "set(range(100, 0, -1)) & {1, 2, 3, 33, 65}",
                hundred.intersection(&few).repr(),
                "{65, 2, 3, 1, 33}",
            ),
            (
                "{1, 2, 3} | set(range(30, 0, -4))",
                abc.union(&fours).repr(),
                "{1, 2, 3, 6, 10, 14, 18, 22, 26, 30}",
            ),
            (
                "set(range(30, 0, -4)) | {1, 2, 3}",
                fours.union(&abc).repr(),
                "{1, 2, 3, 6, 10, 14, 18, 22, 26, 30}",
            ),
            (
                "{1, 2, 3, 4, 5} ^ {4, 5, 6, 7, 40}",
                lit(ints(&[1, 2, 3, 4, 5]))
                    .symmetric_difference(&lit(ints(&[4, 5, 6, 7, 40])))
                    .repr(),
                "{1, 2, 3, 6, 7, 40}",
            ),
            (
                "set(range(10)) ^ {3, 100, 9}",
                ten.symmetric_difference(&odd3).repr(),
                "{0, 1, 2, 100, 4, 5, 6, 7, 8}",
            ),
            (
                "{3, 100, 9} ^ set(range(10))",
                odd3.symmetric_difference(&ten).repr(),
                "{0, 1, 2, 4, 5, 6, 7, 8, 100}",
            ),
            (
                "{1, 2, 3}.symmetric_difference([33, 17, 9, 1])",
                abc.symmetric_difference_iter(ints(&[33, 17, 9, 1])).repr(),
                "{33, 2, 3, 9, 17}",
            ),
            (
                "set(range(10)).intersection([9, 3, 3, 100, 1])",
                ten.intersection_iter(ints(&[9, 3, 3, 100, 1])).repr(),
                "{9, 3, 1}",
            ),
        ]);
        assert!(abc.issubset(&lit(ints(&[1, 2, 3, 4]))));
        assert!(lit(ints(&[1, 2])).issuperset(&lit(ints(&[1]))));
        assert!(lit(ints(&[1, 2])).isdisjoint(&lit(ints(&[3]))));
        assert!(!lit(ints(&[1, 2])).isdisjoint(&lit(ints(&[2]))));
        assert!(lit(ints(&[1, 2])).is_equal(&lit(ints(&[2, 1]))));
        assert!(!abc.issubset(&lit(ints(&[1, 2]))));
    }

    #[test]
    fn in_place_updates() {
        let mut a = lit(ints(&[1, 2]));
        a.update_iter(ints(&[17, 33, 49, 9]));
        let mut b = lit(ints(&[1, 2]));
        b.update(&lit(ints(&[17, 33, 49, 9])));

        let mut c = set(range(0, 8, 1));
        c.difference_update_iter(range(0, 8, 1));
        c.insert(i(9));
        c.insert(i(1));

        let mut d = set(range(0, 8, 1));
        d.difference_update(&set(range(0, 7, 1)));
        d.insert(i(9));
        d.insert(i(1));

        let mut e = set(range(0, 20, 1));
        e.intersection_update(&lit(ints(&[19, 3, 35, 1])));

        let mut g = set(range(0, 10, 1));
        g.intersection_update_iter(ints(&[9, 3, 3, 100, 1, 2]));

        let mut h = lit(ints(&[1, 2, 3]));
        h.symmetric_difference_update_iter(ints(&[3, 9, 17, 9]));
        let mut j = lit(ints(&[1, 2, 3]));
        j.symmetric_difference_update(&lit(ints(&[3, 9, 17])));
        let mut k = lit(ints(&[1, 2, 3]));
        k.symmetric_difference_update_dict_keys(ints(&[33, 17, 9, 1]));
        check(vec![
            (
                "s = {1, 2}; s.update([17, 33, 49, 9])",
                a.repr(),
                "{1, 2, 33, 9, 49, 17}",
            ),
            (
                "t = {1, 2}; t.update({17, 33, 49, 9})",
                b.repr(),
                "{1, 2, 17, 33, 49, 9}",
            ),
            (
                "s = set(range(8)); s.difference_update(range(8)); s.add(9); s.add(1)",
                c.repr(),
                "{9, 1}",
            ),
            (
                "s = set(range(8)); s -= set(range(7)); s.add(9); s.add(1)",
                d.repr(),
                "{1, 7, 9}",
            ),
            (
                "s = set(range(20)); s &= {19, 3, 35, 1}",
                e.repr(),
                "{3, 1, 19}",
            ),
            (
                "s = set(range(10)); s.intersection_update([9, 3, 3, 100, 1, 2])",
                g.repr(),
                "{9, 2, 3, 1}",
            ),
            (
                "s = {1, 2, 3}; s.symmetric_difference_update([3, 9, 17, 9])",
                h.repr(),
                "{1, 2, 9, 17}",
            ),
            (
                "s = {1, 2, 3}; s.symmetric_difference_update({3, 9, 17})",
                j.repr(),
                "{1, 2, 9, 17}",
            ),
            (
                "s = {1, 2, 3}; s.symmetric_difference_update({33: 0, 17: 0, 9: 0, 1: 0})",
                k.repr(),
                "{2, 3, 33, 9, 17}",
            ),
        ]);
    }

    #[test]
    fn api_basics() {
        let mut s = PySet::new();
        assert!(s.is_empty() && s.repr() == "set()");
        assert!(s.insert(Key(Value::str("a"))));
        assert!(!s.insert(Key(Value::str("a"))));
        assert!(s.insert(Key(Value::str(""))));
        assert!(s.insert(Key(Value::None)));
        assert!(s.contains(&Key(Value::str("a"))));
        assert!(s.discard(&Key(Value::str("a"))));
        assert!(!s.contains(&Key(Value::str("a"))));
        assert_eq!(s.len(), 2);
        // 1, 1.0 and True are one element, kept as first added.
        let t = set(vec![i(1), f(1.0), Key(Value::Bool(true))]);
        assert_eq!(t.repr(), "{1}");
        // A big set keeps working across many resizes and removals.
        let mut big = set(range(0, 100_000, 1));
        for x in range(0, 100_000, 2) {
            assert!(big.remove(&x));
        }
        assert_eq!(big.len(), 50_000);
        assert!(big.contains(&i(99_999)) && !big.contains(&i(99_998)));
        let copy = big.clone();
        assert!(copy.is_equal(&big.copy()));
    }
}
