//! The loopback HTTP server: accept loop, request intake, and the pipeline every request takes
//! (route → authenticate → injected behaviour → operation handler).

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::respond::{self, Reply};
use crate::scenario::{self, Injection};
use crate::state::State;
use crate::{Simulator, ops, verify};

/// Largest request body accepted; the API's bodies are a few hundred bytes.
const MAX_REQUEST_BODY: usize = 1024 * 1024;

pub(crate) struct Shared {
    pub(crate) config: Simulator,
    pub(crate) state: Mutex<State>,
    pub(crate) injections: Mutex<VecDeque<Injection>>,
    received: Mutex<Vec<Received>>,
    connections: AtomicUsize,
    requests: AtomicUsize,
    request_seq: AtomicU64,
}

/// A request as received: the exact bytes and header values the signature covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Received {
    /// HTTP method.
    pub method: String,
    /// Path, as sent.
    pub path: String,
    /// Query string, as sent.
    pub raw_query: Option<String>,
    /// Headers in arrival order, names lower-case.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Bytes,
}

impl Received {
    /// The first value of a header (name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The canonical request the signature of this request covers (SDK-HMAC-SHA256), or
    /// `None` if it is not signed.
    pub fn canonical_request(&self) -> Option<String> {
        let signed = crate::verify::signed_headers_of(self)?;
        crate::verify::canonical_request_of(self, signed).ok()
    }

    /// Query pairs, percent-decoded.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.raw_query
            .as_deref()
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .into_owned()
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// A running simulator; it stops when this handle is dropped.
pub struct RunningSimulator {
    addr: SocketAddr,
    shared: Arc<Shared>,
    _shutdown: oneshot::Sender<()>,
}

impl RunningSimulator {
    /// The socket address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The endpoint to give a client, e.g. `http://127.0.0.1:40123`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The AK it accepts.
    pub fn ak(&self) -> &str {
        &self.shared.config.ak
    }

    /// The simulated service's state (customers, codes sent, organizations), to inspect or seed.
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Queues a behaviour for the next request to the operation it names.
    pub fn inject(&self, injection: Injection) {
        self.shared
            .injections
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push_back(injection);
    }

    /// Every request received so far, in arrival order (routed or not, authenticated or not).
    pub fn received(&self) -> Vec<Received> {
        self.shared
            .received
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// TCP connections accepted so far.
    pub fn connections_accepted(&self) -> usize {
        self.shared.connections.load(Ordering::Relaxed)
    }

    /// Requests answered so far.
    pub fn requests_served(&self) -> usize {
        self.shared.requests.load(Ordering::Relaxed)
    }
}

pub(crate) async fn start(config: Simulator) -> std::io::Result<RunningSimulator> {
    let listener = TcpListener::bind(("127.0.0.1", config.port)).await?;
    let addr = listener.local_addr()?;
    let shared = Arc::new(Shared {
        config,
        state: Mutex::new(State::default()),
        injections: Mutex::new(VecDeque::new()),
        received: Mutex::new(Vec::new()),
        connections: AtomicUsize::new(0),
        requests: AtomicUsize::new(0),
        request_seq: AtomicU64::new(1),
    });
    let (shutdown, mut stopped) = oneshot::channel::<()>();
    let accept_shared = shared.clone();
    tokio::spawn(async move {
        loop {
            let stream = tokio::select! {
                _ = &mut stopped => break,
                accepted = listener.accept() => match accepted {
                    Ok((stream, _)) => stream,
                    Err(_) => continue,
                },
            };
            accept_shared.connections.fetch_add(1, Ordering::Relaxed);
            let shared = accept_shared.clone();
            tokio::spawn(async move {
                // An `Err` makes hyper close the connection without answering.
                let service = service_fn(move |request| {
                    let shared = shared.clone();
                    async move { serve(&shared, request).await.ok_or(DroppedWithoutAnswer) }
                });
                let _ = http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    });
    Ok(RunningSimulator {
        addr,
        shared,
        _shutdown: shutdown,
    })
}

/// The simulator handled a request and was told not to answer it.
#[derive(Debug)]
struct DroppedWithoutAnswer;

impl std::fmt::Display for DroppedWithoutAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped after handling, as injected")
    }
}

impl std::error::Error for DroppedWithoutAnswer {}

/// The answer to one request; `None` when it must go unanswered.
async fn serve(
    shared: &Shared,
    request: hyper::Request<Incoming>,
) -> Option<hyper::Response<Full<Bytes>>> {
    shared.requests.fetch_add(1, Ordering::Relaxed);
    let request_id = format!(
        "sim-{:016x}",
        shared.request_seq.fetch_add(1, Ordering::Relaxed)
    );
    let reply = match receive(request).await {
        Ok(received) => {
            shared
                .received
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .push(received.clone());
            pipeline(shared, &received).await?
        }
        Err(reply) => reply,
    };
    Some(respond::into_http(reply, &request_id))
}

async fn receive(request: hyper::Request<Incoming>) -> Result<Received, Reply> {
    let (parts, body) = request.into_parts();
    let body = Limited::new(body, MAX_REQUEST_BODY)
        .collect()
        .await
        .map_err(|_| respond::error("CBC.0100", Some("request body too large or unreadable")))?
        .to_bytes();
    let mut headers = Vec::with_capacity(parts.headers.len());
    for (name, value) in &parts.headers {
        let value = std::str::from_utf8(value.as_bytes())
            .map_err(|_| respond::error("CBC.0100", Some("header value is not UTF-8")))?;
        headers.push((name.as_str().to_string(), value.to_string()));
    }
    Ok(Received {
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        raw_query: parts.uri.query().map(str::to_string),
        headers,
        body,
    })
}

async fn pipeline(shared: &Shared, received: &Received) -> Option<Reply> {
    let Some(operation) = huaweicloud_bss_api::operations::OPERATIONS
        .iter()
        .find(|op| op.method == received.method && op.path == received.path)
    else {
        return Some(respond::not_found());
    };
    if let Err(reply) = verify::authenticate(&shared.config, received) {
        return Some(reply);
    }
    let injected = scenario::take(shared, operation.id, received);
    if let Some(delay) = injected.delay {
        tokio::time::sleep(delay).await;
    }
    if let Some(reply) = injected.reply {
        return Some(reply);
    }
    let mut state = shared.state.lock().unwrap_or_else(|p| p.into_inner());
    let reply = ops::handle(
        operation.id,
        received,
        &mut state,
        injected.create_despite_error,
    );
    (!injected.drop_after_handling).then_some(reply)
}
