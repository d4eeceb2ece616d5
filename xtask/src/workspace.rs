//! Paths of the workspace, independent of the directory cargo was started from.

use std::path::{Path, PathBuf};

/// The workspace root (the parent of the xtask package).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives one level below the workspace root")
        .to_path_buf()
}
