//! One sort for the whole crate.
//!
//! Every `sort_by` call with its own closure, and every element type, compiles a whole sorting
//! algorithm again; in the WebAssembly build that came to a tenth of the binary. Here the
//! algorithm is compiled once: it sorts positions with a comparator object, and the elements are
//! then moved into that order. Every comparator passed here is a total order (ties are settled by
//! an id or an index), so the result is the same as a stable sort's.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// Sorts `v` by `cmp`, which must be a total order.
pub fn sort<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// The one compiled sort.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
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

/// An ordered set built by inserting one at a time: `collect()` into a B-tree compiles a stable
/// sort for each element type.
pub fn set_of<K: Ord>(items: impl IntoIterator<Item = K>) -> BTreeSet<K> {
    let mut set = BTreeSet::new();
    for k in items {
        set.insert(k);
    }
    set
}

/// An ordered map built by inserting one at a time (see [`set_of`]); a later key replaces an
/// earlier one, as `collect()` does.
pub fn map_of<K: Ord, V>(items: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in items {
        map.insert(k, v);
    }
    map
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
        ];
        for case in cases {
            let mut got = case.to_vec();
            super::sort(&mut got, &|a, b| a.cmp(b));
            let mut want = case.to_vec();
            want.sort();
            assert_eq!(got, want);
        }
    }
}
