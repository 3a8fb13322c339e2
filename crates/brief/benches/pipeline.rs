//! Benchmarks of the whole pipeline, text in and validated brief out (understand, compose,
//! language check, faithfulness check), on the hand-written articles in `benches/data/`.

use std::hint::black_box;

use brief::{Article, Pipeline};
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

fn bench_pipeline(c: &mut Criterion) {
    let articles: Vec<Article> = ARTICLES
        .iter()
        .map(|&(name, text)| Article::from_text(name, text))
        .collect();
    let pipeline = Pipeline::default();
    for a in &articles {
        pipeline.brief(a).expect("every bench article is briefed");
    }
    let mut group = c.benchmark_group("pipeline");
    for a in &articles {
        group.throughput(Throughput::Bytes(a.text.len() as u64));
        group.bench_function(format!("text->brief/{}", a.id), |b| {
            b.iter(|| pipeline.brief(black_box(a)))
        });
    }
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("text->brief/all", |b| {
        b.iter(|| {
            articles
                .iter()
                .filter(|a| pipeline.brief(black_box(a)).is_ok())
                .count()
        })
    });
    group.throughput(Throughput::Elements(articles.len() as u64));
    group.bench_function("articles/all", |b| {
        b.iter(|| {
            articles
                .iter()
                .filter(|a| pipeline.brief(black_box(a)).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
