//! A loopback HTTP/1.1 server that misbehaves on purpose, over real sockets: it answers each
//! request with the next step of a script (resets, stalls, raw bytes), and counts connections
//! and requests so tests can tell how many attempts reached it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one connection.
#[derive(Debug, Clone)]
pub enum Step {
    /// Waits (long enough for the client to have written its request), then resets the
    /// connection (RST) without reading anything.
    ResetUnread { after: Duration },
    /// Reads the whole request, then resets the connection without answering.
    ResetAfterRequest,
    /// Reads the request, waits, then writes `bytes` and closes.
    Answer { wait: Duration, bytes: Vec<u8> },
    /// Reads the request, writes `head` (status line, headers, start of body), stalls for
    /// `stall`, then closes.
    Stall { head: Vec<u8>, stall: Duration },
    /// Reads the request, writes `head` (part of an answer), then resets the connection.
    ResetMidAnswer { head: Vec<u8> },
}

impl Step {
    /// An immediate answer with this status, extra headers and body (`Connection: close`).
    pub fn respond(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Step {
        Step::Answer {
            wait: Duration::ZERO,
            bytes: response(status, headers, body),
        }
    }

    /// An immediate `200 OK` JSON answer with request id `req-ok`.
    pub fn ok_json(body: &str) -> Step {
        Step::respond(
            "200 OK",
            &[
                ("Content-Type", "application/json"),
                ("X-Request-Id", "req-ok"),
            ],
            body.as_bytes(),
        )
    }
}

/// The bytes of an HTTP/1.1 response with a correct `Content-Length`.
pub fn response(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A running fault server; stops when dropped.
pub struct FaultServer {
    url: String,
    connections: Arc<AtomicUsize>,
    requests: Arc<Mutex<Vec<Vec<u8>>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl FaultServer {
    /// Serves `script`: the n-th connection gets step n; the last step repeats.
    pub async fn start(script: Vec<Step>) -> FaultServer {
        assert!(!script.is_empty(), "a script has at least one step");
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let url = format!("http://{}", listener.local_addr().expect("bound address"));
        let connections = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (count, seen) = (connections.clone(), requests.clone());
        let task = tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let n = count.fetch_add(1, Ordering::SeqCst);
                let step = script[n.min(script.len() - 1)].clone();
                let seen = seen.clone();
                tokio::spawn(async move { serve(socket, step, seen).await });
            }
        });
        FaultServer {
            url,
            connections,
            requests,
            task,
        }
    }

    /// The server's base URL (`http://127.0.0.1:PORT`).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Complete requests received so far (head and body bytes).
    pub fn requests(&self) -> Vec<Vec<u8>> {
        self.requests.lock().expect("not poisoned").clone()
    }
}

async fn serve(mut socket: TcpStream, step: Step, seen: Arc<Mutex<Vec<Vec<u8>>>>) {
    if let Step::ResetUnread { after } = step {
        tokio::time::sleep(after).await;
        reset(socket);
        return;
    }
    let Some(request) = read_request(&mut socket).await else {
        return;
    };
    seen.lock().expect("not poisoned").push(request);
    match step {
        Step::ResetUnread { .. } => unreachable!("handled above"),
        Step::ResetAfterRequest => reset(socket),
        Step::Answer { wait, bytes } => {
            tokio::time::sleep(wait).await;
            // The client may have given up and closed: nothing to do then.
            let _ = socket.write_all(&bytes).await;
            let _ = socket.shutdown().await;
        }
        Step::ResetMidAnswer { head } => {
            let _ = socket.write_all(&head).await;
            let _ = socket.flush().await;
            tokio::time::sleep(Duration::from_millis(20)).await;
            reset(socket);
        }
        Step::Stall { head, stall } => {
            let _ = socket.write_all(&head).await;
            tokio::time::sleep(stall).await;
        }
    }
}

/// Closes with RST instead of FIN: a zero linger time discards unsent data and resets.
fn reset(socket: TcpStream) {
    let socket = socket.into_std().expect("a tokio socket converts to std");
    let socket = socket2::Socket::from(socket);
    let _ = socket.set_linger(Some(Duration::ZERO));
    drop(socket);
}

/// Reads one request: the head up to the blank line, then `Content-Length` bytes of body.
async fn read_request(socket: &mut TcpStream) -> Option<Vec<u8>> {
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i + 4;
        }
        let n = socket.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while data.len() < head_end + length {
        let n = socket.read(&mut buf).await.ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    }
    Some(data)
}
