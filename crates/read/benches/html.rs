//! Benchmarks of HTML reading on the hand-written news page in `benches/data/` (nav,
//! scripts, related links, footer): main-text extraction alone, and bytes to Article.

use std::hint::black_box;

use brief_read::{html, read_document, Format};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const PAGE: &str = include_str!("../../../benches/data/library-reopens.html");

fn bench_html(c: &mut Criterion) {
    assert!(
        !html::extract(PAGE).text.is_empty(),
        "the bench page has an article"
    );
    let mut group = c.benchmark_group("html");
    group.throughput(Throughput::Bytes(PAGE.len() as u64));
    group.bench_function("extract/library-reopens", |b| {
        b.iter(|| html::extract(black_box(PAGE)))
    });
    group.bench_function("read_document/library-reopens", |b| {
        b.iter(|| read_document("page.html", black_box(PAGE.as_bytes()), Format::Html))
    });
    group.finish();
}

criterion_group!(benches, bench_html);
criterion_main!(benches);
