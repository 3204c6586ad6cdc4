//! One sort for the whole crate.
//!
//! Every `sort_by` call with its own closure, and every element type, compiles a whole sorting
//! algorithm again; in the WebAssembly build that came to a tenth of the binary. Here the
//! algorithm is compiled once: it sorts positions with a comparator object, and the elements are
//! then moved into that order. Every comparator passed here is a total order (ties are settled by
//! an id or an index), so the result is the same as a stable sort's.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, which must be a total order.
pub fn sort<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    // Nothing to order, and no list of positions to allocate: most warnings name one bid.
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` by key, keeping one item per key: the last given, as collecting into a map does.
/// Sorting once keeps a list given in any order at n log n, where inserting each item in its place
/// would move the list's tail every time (a file can list a thousand ids in reverse order).
pub(crate) fn last_by_key<K: Ord, V>(v: &mut Vec<(K, V)>) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    // Equal keys in the order given, so the last one is kept below.
    sort_positions(&mut order, &|a, b| v[a].0.cmp(&v[b].0).then(a.cmp(&b)));
    permute(v, &mut order);
    v.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            std::mem::swap(later, kept);
        }
        same
    });
}

/// The one compiled sort. `order` starts as `0..n`.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    // Lists often come in order already (a warning's bids are gathered in id order, a file lists
    // ids in order): one pass tells, where the WebAssembly build's sort (a heapsort, the smallest)
    // would take n log n comparisons to move nothing.
    if order
        .windows(2)
        .all(|w| cmp(w[0], w[1]) != Ordering::Greater)
    {
        return;
    }
    order.sort_unstable_by(|&a, &b| cmp(a, b));
}

/// Moves `v[order[i]]` to position `i`, following the cycles of the permutation in place.
pub(crate) fn permute<T>(v: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut current = start;
        while order[current] != start {
            let next = order[current];
            v.swap(current, next);
            order[current] = current;
            current = next;
        }
        order[current] = current;
    }
}

/// A map from names (ids) to values, kept as a list sorted by name and searched by halving. Each
/// B-tree key and value type compiles its own insertion, search and freeing, a few kilobytes of
/// WebAssembly each; this compiles to a few hundred bytes per value type. Use it for the maps
/// and sets of ids an evaluation or a validation looks things up in.
#[derive(Clone, Debug)]
pub(crate) struct Keyed<'a, V>(Vec<(&'a str, V)>);

impl<V> Default for Keyed<'_, V> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<'a, V> Keyed<'a, V> {
    /// `items` by name; a later name replaces an earlier one, as `collect()` into a map does.
    pub fn of(items: impl IntoIterator<Item = (&'a str, V)>) -> Self {
        let mut v: Vec<(&'a str, V)> = items.into_iter().collect();
        last_by_key(&mut v);
        Keyed(v)
    }

    /// Sets `name`'s value, replacing any it had.
    pub fn insert(&mut self, name: &'a str, value: V) {
        match self.find(name) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (name, value)),
        }
    }

    fn find(&self, name: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (*k).cmp(name))
    }

    /// `name`'s value, if it has one.
    pub fn get(&self, name: &str) -> Option<&V> {
        self.find(name).ok().map(|i| &self.0[i].1)
    }

    /// Whether `name` is in the map.
    pub fn contains(&self, name: &str) -> bool {
        self.find(name).is_ok()
    }
}

/// A set of names: a [`Keyed`] map to nothing.
pub(crate) fn names<'a>(items: impl IntoIterator<Item = &'a str>) -> Keyed<'a, ()> {
    Keyed::of(items.into_iter().map(|k| (k, ())))
}

#[cfg(test)]
mod tests {
    #[test]
    fn sorts_like_the_standard_sort() {
        let cases: &[&[i32]] = &[
            &[],
            &[1],
            &[3, 1, 2],
            &[5, 4, 3, 2, 1],
            &[2, 7, 1, 8, 2, 8, 1, 8, 2, 8],
            // In order already, with equal items, and out of order only at the end.
            &[1, 2, 2, 3, 9],
            &[1, 2, 3, 4, 0],
        ];
        for case in cases {
            let mut got = case.to_vec();
            super::sort(&mut got, &|a, b| a.cmp(b));
            let mut want = case.to_vec();
            want.sort();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn keyed_maps_read_like_b_tree_maps() {
        let items = [
            ("b", 1),
            ("a", 2),
            ("c", 3),
            ("a", 4),
            ("", 5),
            ("b", 6),
            ("a", 7),
        ];
        let keyed = super::Keyed::of(items);
        let map: std::collections::BTreeMap<_, _> = items.into_iter().collect();
        let mut inserted = super::Keyed::default();
        for (k, v) in items {
            inserted.insert(k, v);
        }
        for k in ["a", "b", "c", "", "d", "aa"] {
            assert_eq!(keyed.get(k), map.get(k), "{k}");
            assert_eq!(inserted.get(k), map.get(k), "{k}");
            assert_eq!(keyed.contains(k), map.contains_key(k), "{k}");
        }
    }
}
