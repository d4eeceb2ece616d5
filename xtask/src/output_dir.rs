//! A directory the xtask generates into: make it hold exactly the generated files, or show how
//! the checked-in files differ from them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;

/// Generated files by name, with their contents.
pub type Files = BTreeMap<String, String>;

pub struct OutputDir<'a> {
    pub path: PathBuf,
    /// How diffs name the directory, relative to the workspace root.
    pub label: &'a str,
    /// Whether an existing file there belongs to the generator, and so is stale when the
    /// generator no longer produces it.
    pub owns: fn(&Path) -> bool,
}

impl OutputDir<'_> {
    /// Writes the files that changed and removes the stale ones.
    pub fn write(&self, files: &Files) -> anyhow::Result<()> {
        std::fs::create_dir_all(&self.path)?;
        for stale in self.stale_files(files)? {
            std::fs::remove_file(&stale)
                .with_context(|| format!("removing {}", stale.display()))?;
            println!("removed {}", stale.display());
        }
        for (name, contents) in files {
            let path = self.path.join(name);
            if std::fs::read_to_string(&path).ok().as_deref() != Some(contents.as_str()) {
                std::fs::write(&path, contents)
                    .with_context(|| format!("writing {}", path.display()))?;
                println!("wrote {}", path.display());
            }
        }
        Ok(())
    }

    /// Prints a diff for every file that differs and names every stale one; true when the
    /// directory is up to date.
    pub fn check(&self, files: &Files) -> anyhow::Result<bool> {
        let mut stale = false;
        for (name, expected) in files {
            let actual = std::fs::read_to_string(self.path.join(name)).unwrap_or_default();
            if &actual != expected {
                stale = true;
                let diff = similar::TextDiff::from_lines(&actual, expected);
                print!(
                    "{}",
                    diff.unified_diff().context_radius(3).header(
                        &format!("a/{}/{name} (checked in)", self.label),
                        &format!("b/{}/{name} (generated)", self.label)
                    )
                );
            }
        }
        for extra in self.stale_files(files)? {
            stale = true;
            println!(
                "unexpected file not produced by the generator: {}",
                extra.display()
            );
        }
        Ok(!stale)
    }

    /// Files of the generator's in the directory that it no longer produces.
    fn stale_files(&self, files: &Files) -> anyhow::Result<Vec<PathBuf>> {
        let Ok(entries) = std::fs::read_dir(&self.path) else {
            return Ok(Vec::new());
        };
        let mut stale = Vec::new();
        for entry in entries {
            let path = entry?.path();
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if (self.owns)(&path) && !files.contains_key(name) {
                stale.push(path);
            }
        }
        stale.sort();
        Ok(stale)
    }
}
