//! Work spread over the machine's cores.

/// `f` over `items` on all cores, results in input order.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads == 1 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let per = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(per)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a worker thread panicked"))
            .collect()
    })
}

/// Runs `work` over each chunk on all cores on a producer thread, ahead of
/// `consume` on this thread, so that the two overlap: `consume` gets each chunk
/// with its results, in order. Stops at the first error from `consume`.
pub fn pipelined<T: Send + Sync, R: Send, E>(
    chunks: impl Iterator<Item = Vec<T>> + Send,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(Vec<T>, Vec<R>) -> Result<(), E>,
) -> Result<(), E> {
    std::thread::scope(|scope| {
        // Two chunks in flight: enough to hide the hand-over, little memory.
        let (sender, receiver) = std::sync::mpsc::sync_channel(2);
        let work = &work;
        scope.spawn(move || {
            for chunk in chunks {
                let results = parallel_map(&chunk, work);
                if sender.send((chunk, results)).is_err() {
                    break; // the consumer stopped
                }
            }
        });
        for (chunk, results) in receiver {
            consume(chunk, results)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_input_order() {
        let items: Vec<u32> = (0..1000).collect();
        let out = super::parallel_map(&items, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
        assert!(super::parallel_map(&[] as &[u32], |x| *x).is_empty());
    }

    #[test]
    fn pipelined_hands_over_every_chunk_in_order_and_stops_on_error() {
        let chunks = (0..50u32).map(|c| vec![c * 10, c * 10 + 1]);
        let mut seen = Vec::new();
        let done: Result<(), ()> = super::pipelined(
            chunks,
            |x| x + 1,
            |chunk, results| {
                assert_eq!(results, chunk.iter().map(|x| x + 1).collect::<Vec<_>>());
                seen.extend(chunk);
                Ok(())
            },
        );
        assert!(done.is_ok());
        assert_eq!(seen.len(), 100);
        assert!(seen.windows(2).all(|w| w[0] < w[1]));
        let mut calls = 0;
        let stopped = super::pipelined(
            (0..1000u32).map(|c| vec![c]),
            |x| *x,
            |_, _| {
                calls += 1;
                if calls == 3 {
                    Err("stop")
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(stopped, Err("stop"));
        assert_eq!(calls, 3);
    }
}
