//! A large evaluation split across the machine's cores: natively, the bids of a large tender are
//! prepared and scored in consecutive parts, one per core, and the warnings' two largest readings
//! run beside the others. The results are put back together in order, so the output is the same
//! byte for byte as one thread's. The WebAssembly build runs one thread (the page's, or the
//! worker's), which does all of it: nothing here that starts a thread is compiled in.

/// Text shared by many results (a criterion's id, name and marks, repeated in every bid's result):
/// a counted reference, atomic natively where results are made on several threads, plain in
/// WebAssembly, which has one.
#[cfg(not(target_arch = "wasm32"))]
pub type Shared<T> = std::sync::Arc<T>;
#[cfg(target_arch = "wasm32")]
pub type Shared<T> = std::rc::Rc<T>;

/// How many scores (bids × criteria) are worth a thread: about 0.7 ms of scoring, against some
/// tens of microseconds to start one. A tender of twenty bids on thirty criteria
/// stays on one thread.
#[cfg(not(target_arch = "wasm32"))]
const PER_THREAD: usize = 1024;

/// `f` over consecutive parts of `items`, results in order. `work` is the number of scores the
/// items stand for. The first part is made here with `here`; each other part on a thread of its
/// own, with what `fresh` makes there (what is not to be shared with the other threads: counted
/// references, which two threads counting at once would slow).
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn in_parts<'a, T: Sync, S: Sync, R: Send>(
    items: &'a [T],
    work: usize,
    here: &S,
    fresh: impl Fn() -> S + Sync,
    f: impl Fn(&S, &'a [T]) -> Vec<R> + Sync,
) -> Vec<R> {
    let parts = parts(work, items.len());
    if parts <= 1 {
        return f(here, items);
    }
    let size = items.len().div_ceil(parts);
    let mut chunks = items.chunks(size);
    let first = chunks.next().unwrap_or_default();
    std::thread::scope(|s| {
        let (f, fresh) = (&f, &fresh);
        let others: Vec<_> = chunks
            .map(|c| (c, spawn(s, move || f(&fresh(), c))))
            .collect();
        let mut out = f(here, first);
        for (c, thread) in others {
            // A thread that could not be started leaves its part to this one.
            out.extend(thread.map_or_else(|| f(here, c), join));
        }
        out
    })
}

/// `a` and `b`, `b` on a thread of its own when `work` (scores) is worth one.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn both<A, B: Send>(
    work: usize,
    a: impl FnOnce() -> A,
    b: impl Fn() -> B + Sync,
) -> (A, B) {
    if parts(work, 2) < 2 {
        return (a(), b());
    }
    std::thread::scope(|s| {
        let thread = spawn(s, &b);
        let a = a();
        // A thread that could not be started leaves `b` to this one.
        (a, thread.map_or_else(&b, join))
    })
}

/// `f` on a new thread of `scope`; `None` when the system refuses one.
#[cfg(not(target_arch = "wasm32"))]
fn spawn<'s, R: Send + 's>(
    scope: &'s std::thread::Scope<'s, '_>,
    f: impl FnOnce() -> R + Send + 's,
) -> Option<std::thread::ScopedJoinHandle<'s, R>> {
    #[cfg(test)]
    if tests::FORCED.get().is_some_and(|(_, start)| !start) {
        return None;
    }
    std::thread::Builder::new().spawn_scoped(scope, f).ok()
}

/// What the thread returned; a panic there goes on here.
#[cfg(not(target_arch = "wasm32"))]
fn join<R>(thread: std::thread::ScopedJoinHandle<'_, R>) -> R {
    thread
        .join()
        .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// How many parts `work` scores over `items` items are split into: one per core, each worth a
/// thread.
#[cfg(not(target_arch = "wasm32"))]
fn parts(work: usize, items: usize) -> usize {
    #[cfg(test)]
    if let Some((n, _)) = tests::FORCED.get() {
        return n.min(items).max(1);
    }
    match work / PER_THREAD {
        0 | 1 => 1,
        // The cores are asked of the system (a few system calls) only when they could be used.
        most => std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(most)
            .min(items),
    }
}

/// One thread: all the items at once.
#[cfg(target_arch = "wasm32")]
pub(crate) fn in_parts<'a, T, S, R>(
    items: &'a [T],
    _work: usize,
    here: &S,
    _fresh: impl Fn() -> S,
    f: impl Fn(&S, &'a [T]) -> Vec<R>,
) -> Vec<R> {
    f(here, items)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests {
    use std::cell::Cell;

    thread_local! {
        /// How many parts every split on this thread makes, whatever its size, and whether the
        /// system lets it start threads for them (tests only).
        pub(super) static FORCED: Cell<Option<(usize, bool)>> = const { Cell::new(None) };
    }

    /// A split gives `f` consecutive parts of the items, the first on the calling thread and
    /// each other on a thread of its own (with what `fresh` makes there), or all on the calling
    /// thread where none can start; the results come back in order. Small work is not split.
    #[test]
    fn parts_are_consecutive_and_each_on_its_own_thread() {
        use std::thread::{current, ThreadId};
        let items: Vec<u32> = (0..10).collect();
        let here = current().id();
        let split = |start| {
            in_parts_of(3, start, || {
                let mine = |own: &ThreadId, part: &[u32]| vec![(*own, part.to_vec())];
                super::in_parts(&items, 0, &here, || current().id(), mine)
            })
        };
        let parts = split(true);
        let chunks: Vec<_> = parts.iter().map(|(_, c)| c.clone()).collect();
        assert_eq!(chunks, [vec![0, 1, 2, 3], vec![4, 5, 6, 7], vec![8, 9]]);
        let threads: Vec<ThreadId> = parts.iter().map(|(t, _)| *t).collect();
        assert_eq!(threads[0], here);
        assert!(threads[1] != here && threads[2] != here && threads[1] != threads[2]);
        // Where no thread starts, the same parts, all made here.
        let alone = split(false);
        assert!(alone.iter().all(|(t, _)| *t == here));
        assert_eq!(
            alone.into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
            chunks
        );
        // Two pieces of work side by side: the second on a thread of its own.
        let (a, b) = in_parts_of(2, true, || {
            super::both(0, || current().id(), || current().id())
        });
        assert!(a == here && b != here);
        // Unforced, work below two threads' worth stays on one, as do fewer items than parts.
        assert_eq!(super::parts(2 * super::PER_THREAD - 1, 1000), 1);
        assert_eq!(super::parts(100 * super::PER_THREAD, 1), 1);
        assert_eq!(super::parts(0, 0), 1);
    }

    /// `f` with every split on this thread made in `parts` parts (one: none), however small; when
    /// `start` is false, as where the system refuses to start a thread.
    pub(crate) fn in_parts_of<R>(parts: usize, start: bool, f: impl FnOnce() -> R) -> R {
        FORCED.set(Some((parts, start)));
        let r = f();
        FORCED.set(None);
        r
    }
}
