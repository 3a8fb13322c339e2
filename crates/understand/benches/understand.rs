//! Benchmarks of the understand stage (sentence splitting and tokenizing) on the
//! hand-written news articles in `benches/data/`, in bytes of article text per second.

use std::hint::black_box;

use brief_core::Article;
use brief_understand::{split_sentences, understand};
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

fn bench_understand(c: &mut Criterion) {
    let mut group = c.benchmark_group("understand");
    for &(name, text) in ARTICLES {
        let article = Article::from_text(name, text);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("split/{name}"), |b| {
            b.iter(|| split_sentences(black_box(text)))
        });
        group.bench_function(format!("split+tokenize/{name}"), |b| {
            b.iter(|| understand(black_box(&article)))
        });
    }
    let all: Vec<Article> = ARTICLES
        .iter()
        .map(|&(name, text)| Article::from_text(name, text))
        .collect();
    let bytes: usize = ARTICLES.iter().map(|(_, t)| t.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("split+tokenize/all", |b| {
        b.iter(|| {
            all.iter()
                .map(|a| understand(black_box(a)).sentences.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_understand);
criterion_main!(benches);
