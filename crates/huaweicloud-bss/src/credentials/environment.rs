//! Where configuration is read from: environment variables, the home directory and files,
//! behind one injectable value so that tests never touch the real ones.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// The process environment as the credentials chain and region overrides see it: a variable
/// lookup, a home directory and a file reader.
///
/// [`Environment::system`] reads the real ones. Tests (and programs that keep their
/// configuration elsewhere) build one from a lookup function and, if they want, a file reader:
///
/// ```
/// use std::io;
/// use huaweicloud_bss::Environment;
///
/// let env = Environment::new(|name| (name == "HOME").then(|| "/home/partner".to_string()))
///     .with_file_reader(|path| {
///         if path == std::path::Path::new("/home/partner/.huaweicloud/credentials") {
///             Ok("[global]\nak = AK\nsk = SK\n".to_string())
///         } else {
///             Err(io::ErrorKind::NotFound.into())
///         }
///     });
/// assert_eq!(env.home_dir().as_deref(), Some(std::path::Path::new("/home/partner")));
/// ```
pub struct Environment<'a> {
    var: VarLookup<'a>,
    home_dir: Option<PathBuf>,
    read_file: FileReader<'a>,
}

/// Looks a variable up by name.
type VarLookup<'a> = Box<dyn Fn(&str) -> Option<String> + 'a>;
/// Reads a whole text file.
type FileReader<'a> = Box<dyn Fn(&Path) -> io::Result<String> + 'a>;

impl Environment<'static> {
    /// The real process environment, home directory and file system.
    pub fn system() -> Self {
        Environment::new(|name| std::env::var(name).ok())
    }
}

impl<'a> Environment<'a> {
    /// Variables come from `var`; the home directory from its `HOME` (`USERPROFILE` on
    /// Windows), as the official SDKs find it; files are read from the file system unless
    /// [`with_file_reader`](Self::with_file_reader) replaces that.
    pub fn new(var: impl Fn(&str) -> Option<String> + 'a) -> Self {
        Self {
            var: Box::new(var),
            home_dir: None,
            read_file: Box::new(|path| std::fs::read_to_string(path)),
        }
    }

    /// Uses `dir` as the home directory instead of the one the variables name.
    pub fn with_home_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.home_dir = Some(dir.into());
        self
    }

    /// Reads files (the credentials file) through `read` instead of the file system.
    pub fn with_file_reader(mut self, read: impl Fn(&Path) -> io::Result<String> + 'a) -> Self {
        self.read_file = Box::new(read);
        self
    }

    /// The value of variable `name`; an empty value counts as unset, as in the official SDKs.
    pub fn var(&self, name: &str) -> Option<String> {
        (self.var)(name).filter(|value| !value.is_empty())
    }

    /// The home directory, if known.
    pub fn home_dir(&self) -> Option<PathBuf> {
        let home_var = if cfg!(windows) { "USERPROFILE" } else { "HOME" };
        self.home_dir
            .clone()
            .or_else(|| self.var(home_var).map(PathBuf::from))
    }

    /// The text of the file at `path`.
    pub fn read_file(&self, path: &Path) -> io::Result<String> {
        (self.read_file)(path)
    }
}

impl fmt::Debug for Environment<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The variables may hold secrets; only the home directory is shown.
        f.debug_struct("Environment")
            .field("home_dir", &self.home_dir())
            .finish_non_exhaustive()
    }
}
