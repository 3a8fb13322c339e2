//! Benchmarks of the compose stage (rank, pick, group, head) on pre-understood
//! hand-written news articles from `benches/data/`, in bytes of article text per second.

use std::hint::black_box;

use brief_compose::{compose, Options};
use brief_core::{Article, Document};
use brief_understand::understand;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The bench articles: (name, text).
const ARTICLES: &[(&str, &str)] = &[
    (
        "transit-fares",
        include_str!("../../../benches/data/transit-fares.txt"),
    ),
    (
        "drought-rationing",
        include_str!("../../../benches/data/drought-rationing.txt"),
    ),
    (
        "chipmaker-layoffs",
        include_str!("../../../benches/data/chipmaker-layoffs.txt"),
    ),
    (
        "comet-probe",
        include_str!("../../../benches/data/comet-probe.txt"),
    ),
];

fn bench_compose(c: &mut Criterion) {
    let understood: Vec<(Article, Document)> = ARTICLES
        .iter()
        .map(|&(name, text)| {
            let article = Article::from_text(name, text);
            let doc = understand(&article);
            (article, doc)
        })
        .collect();
    let adaptive = Options::default();
    let three = Options {
        takeaways: Some(3),
        ..Options::default()
    };
    let mut group = c.benchmark_group("compose");
    for (article, doc) in &understood {
        group.throughput(Throughput::Bytes(article.text.len() as u64));
        group.bench_function(format!("adaptive/{}", article.id), |b| {
            b.iter(|| compose(black_box(article), black_box(doc), &adaptive))
        });
    }
    let bytes: usize = understood.iter().map(|(a, _)| a.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    for (label, options) in [("adaptive/all", &adaptive), ("three/all", &three)] {
        group.bench_function(label, |b| {
            b.iter(|| {
                understood
                    .iter()
                    .map(|(a, d)| compose(black_box(a), black_box(d), options).takeaways.len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_compose);
criterion_main!(benches);
