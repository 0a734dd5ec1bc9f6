//! The set algebra: union, intersection, difference, symmetric difference
//! and the comparisons, each building its result in the order CPython's
//! `setobject.c` does, so the result iterates as CPython's.

use super::{PySet, key_hash};

use crate::engine::py::types::value::Key;

impl PySet {
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
}
