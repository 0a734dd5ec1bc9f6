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
//! too. [`py_hash`](super::hash::py_hash) is CPython's `hash()` where it is deterministic.
//! The set algebra (union, intersection, ...) is in `algebra`.

use super::hash::py_hash;
use super::value::{Key, Value};
use std::fmt;

/// The methods of a `frozenset`: a set's that do not change it.
pub const FROZENSET_METHODS: &[&str] = &[
    "copy",
    "difference",
    "intersection",
    "isdisjoint",
    "issubset",
    "issuperset",
    "symmetric_difference",
    "union",
];

/// `fs.union(...)` and the other methods that make a new set make a
/// `frozenset` when called on one.
pub fn keep_frozen(recv: &PySet, result: Value) -> Value {
    if recv.frozen
        && let Value::Set(out) = &result
    {
        out.borrow_mut().frozen = true;
    }
    result
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
    /// A `frozenset`: prints as one, hashes, and has no mutating methods.
    pub frozen: bool,
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
            frozen: false,
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
    /// `{1, 2}`, `set()`, `frozenset({1, 2})`, `frozenset()`.
    pub fn repr(&self) -> String {
        let items: Vec<String> = self.iter().map(|k| k.0.repr()).collect();
        self.wrap_repr(&items.join(", "))
    }

    /// The set's repr around its elements' reprs, joined.
    pub fn wrap_repr(&self, items: &str) -> String {
        match (self.frozen, self.is_empty()) {
            (false, true) => "set()".into(),
            (false, false) => format!("{{{items}}}"),
            (true, true) => "frozenset()".into(),
            (true, false) => format!("frozenset({{{items}}})"),
        }
    }

    /// The set made a `frozenset` (or not).
    pub fn with_frozen(mut self, frozen: bool) -> PySet {
        self.frozen = frozen;
        self
    }

    /// `frozenset_hash`: the elements' hashes, shuffled and xored (so the
    /// order does not matter), mixed with the length.
    pub fn frozen_hash(&self) -> i64 {
        let shuffle = |h: u64| ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167);
        let mut hash = self
            .entries()
            .fold(0u64, |acc, (h, _)| acc ^ shuffle(h as u64));
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
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

mod algebra;
#[cfg(test)]
mod tests;
