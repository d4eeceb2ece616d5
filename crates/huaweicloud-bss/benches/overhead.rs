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
//! Every variant sends the same request on the wire (the client's `Accept` and `User-Agent`
//! headers included) over a reqwest client configured as the `Client`'s (no redirects, the
//! same connect timeout and a whole-request timeout), so the differences are the layers'
//! work, not a different request.
//!
//! Machines running other work make single runs drift by tens of percent, so every variant runs
//! once per round, the rounds interleaved, and each figure is the median over the rounds; a
//! ratio is the median of the per-round ratios. Besides wall time, the concurrent phase reports
//! the process's CPU time per call (Linux), which the machine's other load disturbs less: at
//! concurrency 64 on a small machine the calls are CPU-bound.
//!
//! `cargo bench -p huaweicloud-bss --bench overhead`; to profile one variant alone,
//! `OVERHEAD_ONLY=Client perf record … --bench` (any part of its name).

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
const ROUNDS: usize = 15;
const SEQUENTIAL_CALLS: usize = 1_000;
const CONCURRENT_CALLS: usize = 12_800;
const CONCURRENCY: usize = 64;
const PATH: &str = "/v2/partners/sub-customers";
/// What `Client` sends by default.
const USER_AGENT: &str = concat!("huaweicloud-bss-rust/", env!("CARGO_PKG_VERSION"));

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
    cpu_per_call: Vec<f64>,
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

/// CPU time used by this process so far (user and system, all threads), where the platform
/// tells (`/proc/self/stat` on Linux).
fn process_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces): utime and
    // stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Calls per second at concurrency [`CONCURRENCY`], and the CPU time per call if known.
async fn throughput(call: &Call) -> (f64, Option<f64>) {
    let cpu_before = process_cpu_time();
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
    let calls = (per_task * CONCURRENCY) as f64;
    let elapsed = started.elapsed().as_secs_f64();
    let cpu = process_cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| (after - before).as_secs_f64() / calls);
    (calls / elapsed, cpu)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}

/// The median of the per-round ratios `top[i] / bottom[i]`.
fn median_ratio(top: &[f64], bottom: &[f64]) -> f64 {
    median(top.iter().zip(bottom).map(|(t, b)| t / b).collect())
}

fn seconds(durations: &[Duration]) -> Vec<f64> {
    durations.iter().map(Duration::as_secs_f64).collect()
}

/// A reqwest client as `huaweicloud_bss::Client` builds it for plain HTTP: no redirects, its
/// user agent, its default connect timeout, and its default whole-call timeout (which the
/// client enforces itself, around all attempts).
fn plain_reqwest() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(USER_AGENT)
        .connect_timeout(Duration::from_secs(60))
        .timeout(Duration::from_secs(120))
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
                .header("accept", "application/json")
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
                .header("accept", "application/json")
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
            let answer = sign_and_send(
                &raw,
                raw.post(url)
                    .header("accept", "application/json")
                    .json(&body),
                &credentials,
            )
            .await;
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
            cpu_per_call: Vec::new(),
        })
        .collect();

        if let Ok(only) = std::env::var("OVERHEAD_ONLY") {
            let Some(variant) = variants.iter().find(|v| v.name.contains(only.as_str())) else {
                eprintln!("OVERHEAD_ONLY={only} names no variant");
                return;
            };
            for _ in 0..ROUNDS {
                let (calls, _) = throughput(&variant.call).await;
                println!("{:<26} {calls:>13.0} calls/s", variant.name);
            }
            return;
        }

        // Warm every connection pool and code path once.
        for variant in &variants {
            throughput(&variant.call).await;
        }
        for _ in 0..ROUNDS {
            for variant in &mut variants {
                variant.p50.push(p50(&variant.call).await);
            }
            for variant in &mut variants {
                let (calls, cpu) = throughput(&variant.call).await;
                variant.throughput.push(calls);
                variant.cpu_per_call.extend(cpu);
            }
        }

        let raw = &variants[0];
        let floor = &variants[2];
        println!(
            "{ROUNDS} interleaved rounds; p50 of {SEQUENTIAL_CALLS} sequential calls, \
             throughput and CPU time per call of {CONCURRENT_CALLS} calls at concurrency \
             {CONCURRENCY}"
        );
        println!(
            "{:<26} {:>10} {:>9} {:>13} {:>9} {:>10} {:>9}",
            "variant", "p50", "x raw", "calls/s", "raw / it", "CPU/call", "x raw"
        );
        for variant in &variants {
            println!(
                "{:<26} {:>8.1}µs {:>8.3}x {:>13.0} {:>8.3}x {:>8.1}µs {:>8.3}x",
                variant.name,
                median(variant.p50.iter().map(Duration::as_secs_f64).collect()) * 1e6,
                median_ratio(&seconds(&variant.p50), &seconds(&raw.p50)),
                median(variant.throughput.clone()),
                median_ratio(&raw.throughput, &variant.throughput),
                median(variant.cpu_per_call.clone()) * 1e6,
                median_ratio(&variant.cpu_per_call, &raw.cpu_per_call),
            );
        }
        let client = &variants[3];
        println!(
            "{} against {}: p50 {:.3}x, throughput {:.3}x (floor calls/s over client's), \
             CPU per call {:.3}x",
            client.name,
            floor.name,
            median_ratio(&seconds(&client.p50), &seconds(&floor.p50)),
            median_ratio(&floor.throughput, &client.throughput),
            median_ratio(&client.cpu_per_call, &floor.cpu_per_call),
        );
    });
}
