//! Faults leave nothing broken: SQLite on a file system that fills up (a small tmpfs, so
//! the disk is really full) refuses writes clearly and says it is not ready; once space
//! comes back every write works again and it is ready, without a restart.

mod common;

use common::{rating, world};
use rida_store::{ConnectOptions, Store};

/// A tmpfs of `size` mounted for the test, unmounted when dropped.
struct SmallDisk {
    dir: std::path::PathBuf,
}

impl SmallDisk {
    fn mount(size: &str) -> SmallDisk {
        let dir = std::env::temp_dir().join(format!("rida-full-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let mounted = std::process::Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(&dir)
            .status()
            .expect("run mount");
        assert!(
            mounted.success(),
            "mounting a small tmpfs needs root (the test command runs as root)"
        );
        SmallDisk { dir }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.dir).status();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[tokio::test]
async fn a_full_disk_refuses_writes_then_recovers_without_a_restart() {
    let disk = SmallDisk::mount("3m");
    // Space that can be given back later.
    let filler = disk.dir.join("filler");
    std::fs::write(&filler, vec![1u8; 1_000_000]).unwrap();
    let store = Store::connect(&ConnectOptions {
        url: format!("sqlite://{}/rida.db", disk.dir.display()),
        create_if_missing: true,
        max_connections: 4,
    })
    .await
    .unwrap();
    store.migrate().await.unwrap();
    let w = world(&store).await;
    store.ready().await.unwrap();
    // Answers until the disk is full: a clear error, and the instance is not ready.
    let mut full = None;
    for _ in 0..1_000 {
        let rows: Vec<_> = (0..50).map(|i| rating(&w, i % 5 + 1)).collect();
        if let Err(e) = store.insert_ratings(w.org, &rows).await {
            full = Some(e.to_string());
            break;
        }
    }
    let full = full.expect("the disk never filled up");
    assert!(full.contains("full"), "{full}");
    assert!(store.ready().await.is_err(), "ready while writes fail");
    let before = store.count_ratings(w.org).await.unwrap();
    // Space comes back: every write works again, on every connection of the pool (a
    // connection left inside the failed transaction would refuse every other write).
    std::fs::remove_file(&filler).unwrap();
    store.ready().await.unwrap();
    for _ in 0..20 {
        let rows: Vec<_> = (0..5).map(|i| rating(&w, i % 5 + 1)).collect();
        store.insert_ratings(w.org, &rows).await.unwrap();
    }
    assert_eq!(store.count_ratings(w.org).await.unwrap(), before + 100);
    // Nothing half-written: the rollups equal a recomputation.
    let written = store.rollup_cells(w.org).await.unwrap();
    store.rebuild_rollups(Some(w.org)).await.unwrap();
    assert!(written == store.rollup_cells(w.org).await.unwrap());
    store.close().await;
}
