//! Client overhead: a signed, typed CreateSubCustomer through `huaweicloud_bss::Client` against
//! a raw reqwest POST of the same body bytes, both to the same loopback server (which answers
//! every request with the same small JSON body, so the server costs the same for both).
//!
//! Between the two ends, three steps show where the difference goes:
//! - `raw POST + signer`: the raw POST, signed with `huaweicloud_signer` (what any client that
//!   authenticates must add);
//! - `+ typed body and answer`: that, with the body built and checked through the typed builder
//!   and serialised per call, and the answer decoded into its type: the least a typed, signing
//!   client over reqwest does;
//! - `huaweicloud_bss::Client`: `client.create_sub_customer()` with the same fields set, then
//!   `.send()` (checked, signed, sent through the retry policy, call timeout and in-flight
//!   limit, answer decoded).
//!
//! Machines running other work make single runs drift by tens of percent, so every variant runs
//! once per round, the rounds interleaved, and each figure is the median over the rounds; a
//! ratio is the median of the per-round ratios.
//!
//! `cargo bench -p huaweicloud-bss --bench overhead`

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
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
const ROUNDS: usize = 7;
const SEQUENTIAL_CALLS: usize = 1_000;
const CONCURRENT_CALLS: usize = 12_800;
const CONCURRENCY: usize = 64;
const PATH: &str = "/v2/partners/sub-customers";

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

const DOMAIN_NAME: &str = "benchuser01";
const XACCOUNT_ID: &str = "35rey1234";
const XACCOUNT_TYPE: &str = "example_IDP";
const PASSWORD: &str = "Examp1e#Pass";

/// The request body, built and checked through the typed builder.
fn body() -> types::CreateCustomerV2Req {
    types::CreateCustomerV2Req::builder()
        .domain_name(DOMAIN_NAME)
        .xaccount_id(XACCOUNT_ID)
        .xaccount_type(XACCOUNT_TYPE)
        .password(PASSWORD)
        .build()
        .expect("valid")
}

type Call = Arc<dyn Fn() -> Pin<Box<dyn Future<Output = ()> + Send>> + Send + Sync>;

struct Variant {
    name: &'static str,
    call: Call,
    p50: Vec<Duration>,
    throughput: Vec<f64>,
}

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

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// A reqwest client as `huaweicloud_bss::Client` builds it for plain HTTP: no redirects.
fn plain_reqwest() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client")
}

fn raw_post(url: &str, bytes: Bytes) -> Call {
    let (raw, url) = (plain_reqwest(), format!("{url}{PATH}"));
    Arc::new(move || {
        let (raw, url, bytes) = (raw.clone(), url.clone(), bytes.clone());
        Box::pin(async move {
            let response = raw
                .post(url)
                .header("content-type", "application/json")
                .body(bytes)
                .send()
                .await
                .expect("the post succeeds");
            std::hint::black_box(response.bytes().await.expect("a body"));
        })
    })
}

fn raw_signed_post(url: &str, bytes: Bytes, credentials: huaweicloud_signer::Credentials) -> Call {
    let (raw, url, credentials) = (
        plain_reqwest(),
        format!("{url}{PATH}"),
        Arc::new(credentials),
    );
    Arc::new(move || {
        let (raw, url, bytes, credentials) =
            (raw.clone(), url.clone(), bytes.clone(), credentials.clone());
        Box::pin(async move {
            let request = raw
                .post(url)
                .header("content-type", "application/json")
                .body(bytes);
            std::hint::black_box(sign_and_send(&raw, request, &credentials).await);
        })
    })
}

fn raw_typed_signed_post(url: &str, credentials: huaweicloud_signer::Credentials) -> Call {
    let (raw, url, credentials) = (
        plain_reqwest(),
        format!("{url}{PATH}"),
        Arc::new(credentials),
    );
    Arc::new(move || {
        let (raw, url, credentials) = (raw.clone(), url.clone(), credentials.clone());
        Box::pin(async move {
            let body = body();
            let answer = sign_and_send(&raw, raw.post(url).json(&body), &credentials).await;
            let created: types::CreateSubCustomerResponse =
                serde_json::from_slice(&answer).expect("the answer decodes");
            std::hint::black_box(created);
        })
    })
}

/// Signs the request as the client does, sends it and reads the answer's body.
async fn sign_and_send(
    raw: &reqwest::Client,
    request: reqwest::RequestBuilder,
    credentials: &huaweicloud_signer::Credentials,
) -> Bytes {
    let mut request = request.build().expect("a request");
    let now = huaweicloud_signer::SigningTime::now().expect("a clock");
    huaweicloud_signer::sign_reqwest_request(&mut request, credentials, now).expect("signed");
    let response = raw.execute(request).await.expect("the post succeeds");
    response.bytes().await.expect("a body")
}

fn thin_client(url: &str) -> Call {
    let client = Client::builder()
        .endpoint(url)
        .credentials(Credentials::new("BENCH_AK", "BENCH_SK"))
        .max_in_flight(CONCURRENCY)
        .build()
        .expect("valid configuration");
    let client = Arc::new(client);
    Arc::new(move || {
        let client = client.clone();
        Box::pin(async move {
            let created = client
                .create_sub_customer()
                .domain_name(DOMAIN_NAME)
                .xaccount_id(XACCOUNT_ID)
                .xaccount_type(XACCOUNT_TYPE)
                .password(PASSWORD)
                .send()
                .await
                .expect("the call succeeds");
            std::hint::black_box(created.into_inner());
        })
    })
}

fn main() {
    // A plain `cargo test` builds bench targets and runs them without `--bench`: then there is
    // nothing to measure.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // The workspace builds reqwest without a default crypto provider; the loopback server is
    // plain HTTP, but reqwest wants one installed all the same.
    let _ = rustls::crypto::aws_lc_rs::default_provider().install_default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let url = serve().await;
        let bytes = Bytes::from(serde_json::to_vec(&body()).expect("serializes"));
        let credentials = huaweicloud_signer::Credentials::new("BENCH_AK", "BENCH_SK");
        let mut variants: Vec<Variant> = [
            ("raw reqwest POST", raw_post(&url, bytes.clone())),
            (
                "raw POST + signer",
                raw_signed_post(&url, bytes, credentials.clone()),
            ),
            (
                "+ typed body and answer",
                raw_typed_signed_post(&url, credentials),
            ),
            ("huaweicloud_bss::Client", thin_client(&url)),
        ]
        .into_iter()
        .map(|(name, call)| Variant {
            name,
            call,
            p50: Vec::new(),
            throughput: Vec::new(),
        })
        .collect();

        // Warm every connection pool and code path once.
        for variant in &variants {
            throughput(&variant.call).await;
        }
        for _ in 0..ROUNDS {
            for variant in &mut variants {
                variant.p50.push(p50(&variant.call).await);
            }
            for variant in &mut variants {
                variant.throughput.push(throughput(&variant.call).await);
            }
        }

        let raw_p50 = variants[0].p50.clone();
        let raw_throughput = variants[0].throughput.clone();
        println!(
            "{ROUNDS} interleaved rounds; p50 of {SEQUENTIAL_CALLS} sequential calls, \
             throughput of {CONCURRENT_CALLS} calls at concurrency {CONCURRENCY}"
        );
        println!(
            "{:<26} {:>10} {:>9} {:>13} {:>9}",
            "variant", "p50", "x raw", "calls/s", "raw / it"
        );
        for variant in &variants {
            let p50 = median(variant.p50.iter().map(Duration::as_secs_f64).collect());
            let p50_ratio = median(
                variant
                    .p50
                    .iter()
                    .zip(&raw_p50)
                    .map(|(it, raw)| it.as_secs_f64() / raw.as_secs_f64())
                    .collect(),
            );
            let calls = median(variant.throughput.clone());
            let throughput_ratio = median(
                variant
                    .throughput
                    .iter()
                    .zip(&raw_throughput)
                    .map(|(it, raw)| raw / it)
                    .collect(),
            );
            println!(
                "{:<26} {:>8.1}µs {:>8.3}x {:>13.0} {:>8.3}x",
                variant.name,
                p50 * 1e6,
                p50_ratio,
                calls,
                throughput_ratio
            );
        }
    });
}
