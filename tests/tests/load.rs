//! One `Client` shared by 1,000 concurrent calls against the simulator: every call succeeds,
//! connections are reused (the in-flight limit bounds them and a second wave opens none), and
//! no file descriptor is left behind.

mod support;

use std::sync::Arc;
use std::time::Duration;

const CALLS: usize = 1_000;
const MAX_IN_FLIGHT: usize = 32;

async fn wave(client: &Arc<huaweicloud_bss::Client>) {
    let calls: Vec<_> = (0..CALLS)
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

/// Open file descriptors of this process (Linux).
fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map_or(0, |dir| dir.count())
}

#[cfg(target_os = "linux")]
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_calls_share_a_bounded_set_of_connections_and_leak_nothing() {
    let fds_before = open_fds();
    let (sim, _) = support::sim_and_client().await;
    let client = Arc::new(
        support::builder_for(&sim)
            .max_in_flight(MAX_IN_FLIGHT)
            .build()
            .expect("valid configuration"),
    );

    wave(&client).await;
    let after_first = sim.connections_accepted();
    assert_eq!(sim.requests_served(), CALLS);
    eprintln!("connections: first wave {after_first}");
    // A finished call's connection goes back to the pool a moment after its slot is freed (the
    // connection task must run first), so a call can find no idle connection and open one;
    // how often depends on scheduling. Bounded all the same, far below one per call.
    assert!(
        after_first <= 2 * MAX_IN_FLIGHT,
        "{after_first} connections for {CALLS} calls with at most {MAX_IN_FLIGHT} in flight"
    );

    wave(&client).await;
    assert_eq!(sim.requests_served(), 2 * CALLS);
    let opened_by_second = sim.connections_accepted() - after_first;
    eprintln!("connections: second wave opened {opened_by_second}");
    assert!(
        opened_by_second <= MAX_IN_FLIGHT / 4,
        "the second wave opened {opened_by_second} connections instead of reusing idle ones"
    );

    drop(client);
    drop(sim);
    // Closing is asynchronous (the pool and the simulator's tasks notice the closed sockets):
    // wait until the count is back, or fail with what is left.
    let mut fds_after = open_fds();
    for _ in 0..100 {
        if fds_after <= fds_before + 2 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
        fds_after = open_fds();
    }
    assert!(
        fds_after <= fds_before + 2,
        "{} file descriptors before, {fds_after} after",
        fds_before
    );
}
