//! Throughput of one shared `Client` against the simulator on loopback: batches of signed,
//! typed calls run concurrently (64 in flight), client and simulator in the same process.
//!
//! `cargo bench -p huaweicloud-bss --bench throughput`; criterion reports calls per second.

use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use huaweicloud_bss::{Client, Credentials};
use huaweicloud_bss_sim::Simulator;

const BATCH: usize = 1_000;
const IN_FLIGHT: usize = 64;

async fn batch(client: &Arc<Client>) {
    let calls: Vec<_> = (0..BATCH)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.list_sub_customers().send().await.map(drop) })
        })
        .collect();
    for call in calls {
        call.await
            .expect("no task panics")
            .expect("every call succeeds");
    }
}

fn throughput(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let (sim, client) = runtime.block_on(async {
        let sim = Simulator::new("BENCH_AK", "BENCH_SK")
            .start()
            .await
            .expect("the simulator starts");
        let client = Client::builder()
            .endpoint(sim.url())
            .credentials(Credentials::new("BENCH_AK", "BENCH_SK"))
            .max_in_flight(IN_FLIGHT)
            .build()
            .expect("valid configuration");
        (sim, Arc::new(client))
    });
    let mut group = c.benchmark_group("client");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.sample_size(10);
    group.bench_function("ListSubCustomers x1000, 64 in flight", |b| {
        b.iter(|| runtime.block_on(batch(&client)))
    });
    group.finish();
    drop(sim);
}

criterion_group!(benches, throughput);
criterion_main!(benches);
