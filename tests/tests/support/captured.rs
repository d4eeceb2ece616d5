//! An in-memory writer for a `tracing` subscriber, for tests that read back what was logged.

use std::sync::{Arc, Mutex};

/// Everything written to it (by a subscriber, or with [`Captured::push`]), shared by clones.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Captured {
    /// Adds a line, e.g. what a program would have printed.
    pub fn push(&self, text: &str) {
        let mut bytes = self.0.lock().unwrap();
        bytes.extend_from_slice(text.as_bytes());
        bytes.push(b'\n');
    }

    /// Everything captured so far.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }

    /// Everything captured so far, which must be UTF-8.
    pub fn utf8(&self) -> Result<String, std::string::FromUtf8Error> {
        String::from_utf8(self.0.lock().unwrap().clone())
    }
}

impl std::io::Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}
