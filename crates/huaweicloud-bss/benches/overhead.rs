//! Client overhead: a signed, typed CreateSubCustomer through `huaweicloud_bss::Client` against
//! a raw reqwest POST of the same bytes, both to the same loopback server (which answers every
//! request with the same small JSON body, so the server costs the same for both).
//!
//! Reports p50 latency at concurrency 1 and throughput at concurrency 64, and the ratios.
//! `cargo bench -p huaweicloud-bss --bench overhead`

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::Full;
use huaweicloud_bss::{Client, Credentials, types};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

const ANSWER: &str =
    r#"{"domain_id":"06a7969058802f0c0f01c00b91846780","domain_name":"benchuser01"}"#;
const SEQUENTIAL_CALLS: usize = 3_000;
const CONCURRENT_CALLS: usize = 20_000;
const CONCURRENCY: usize = 64;

async fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let url = format!("http://{}", listener.local_addr().expect("bound"));
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            tokio::spawn(async move {
                let service = service_fn(|_request| async {
                    let mut response =
                        hyper::Response::new(Full::new(Bytes::from_static(ANSWER.as_bytes())));
                    response
                        .headers_mut()
                        .insert("content-type", "application/json".parse().expect("valid"));
                    Ok::<_, Infallible>(response)
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    url
}

fn body() -> types::builder::CreateCustomerV2Req {
    types::CreateCustomerV2Req::builder()
        .domain_name(Some("benchuser01".parse().expect("valid name")))
        .xaccount_id("35rey1234")
        .xaccount_type("example_IDP")
        .password(Some("Examp1e#Pass".parse().expect("valid password")))
}

type Call =
    Arc<dyn Fn() -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> + Send + Sync>;

async fn p50(call: &Call) -> Duration {
    let mut samples = Vec::with_capacity(SEQUENTIAL_CALLS);
    for _ in 0..SEQUENTIAL_CALLS {
        let started = Instant::now();
        call().await;
        samples.push(started.elapsed());
    }
    samples.sort();
    samples[samples.len() / 2]
}

async fn throughput(call: &Call) -> f64 {
    let started = Instant::now();
    let per_task = CONCURRENT_CALLS / CONCURRENCY;
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let call = call.clone();
            tokio::spawn(async move {
                for _ in 0..per_task {
                    call().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("no task panics");
    }
    (per_task * CONCURRENCY) as f64 / started.elapsed().as_secs_f64()
}

fn main() {
    // `cargo test` runs bench targets with `--bench`-less arguments only under `cargo bench`;
    // a plain test run builds it and passes nothing: then there is nothing to measure.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let url = serve().await;
        let client = Arc::new(
            Client::builder()
                .endpoint(&url)
                .credentials(Credentials::new("BENCH_AK", "BENCH_SK"))
                .max_in_flight(CONCURRENCY)
                .build()
                .expect("valid configuration"),
        );
        let bytes = Bytes::from(
            serde_json::to_vec(&types::CreateCustomerV2Req::try_from(body()).expect("valid"))
                .expect("serializes"),
        );
        // The workspace builds reqwest without a default crypto provider; the loopback server
        // is plain HTTP, but reqwest wants one installed all the same.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let raw = reqwest::Client::new();
        let raw_url = format!("{url}/v2/partners/sub-customers");

        let typed: Call = {
            let client = client.clone();
            Arc::new(move || {
                let client = client.clone();
                Box::pin(async move {
                    let created = client
                        .create_sub_customer()
                        .body(body())
                        .send()
                        .await
                        .expect("the call succeeds");
                    std::hint::black_box(created.into_inner());
                })
            })
        };
        let plain: Call = Arc::new(move || {
            let (raw, raw_url, bytes) = (raw.clone(), raw_url.clone(), bytes.clone());
            Box::pin(async move {
                let response = raw
                    .post(raw_url)
                    .header("content-type", "application/json")
                    .body(bytes)
                    .send()
                    .await
                    .expect("the post succeeds");
                std::hint::black_box(response.bytes().await.expect("a body"));
            })
        });

        // Warm both connection pools.
        p50(&typed).await;
        p50(&plain).await;
        let (typed_p50, plain_p50) = (p50(&typed).await, p50(&plain).await);
        let (typed_tput, plain_tput) = (throughput(&typed).await, throughput(&plain).await);
        println!("p50 latency, concurrency 1 ({SEQUENTIAL_CALLS} calls):");
        println!("  huaweicloud_bss::Client  {typed_p50:?}");
        println!("  raw reqwest POST         {plain_p50:?}");
        println!(
            "  ratio                    {:.3}x",
            typed_p50.as_secs_f64() / plain_p50.as_secs_f64()
        );
        println!("throughput, concurrency {CONCURRENCY} ({CONCURRENT_CALLS} calls):");
        println!("  huaweicloud_bss::Client  {typed_tput:.0} calls/s");
        println!("  raw reqwest POST         {plain_tput:.0} calls/s");
        println!("  ratio (raw / client)     {:.3}x", plain_tput / typed_tput);
    });
}
