//! End-to-end harness: a static file server on 127.0.0.1, a chromedriver the harness starts
//! itself, and a headless Chromium session driven through WebDriver.

pub mod documents;
pub mod seeded;
pub mod text;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

/// Serves `dist/` at `/` and the test pages at `/pages/`, with correct MIME types (the wasm
/// must be `application/wasm` for streaming compilation). A benchmark can add a folder of
/// generated files, served at `/data/`.
pub struct StaticServer {
    pub origin: String,
}

impl StaticServer {
    /// Serves `dist/`, `tests/pages/`, and `data` (if given) at `/data/`.
    pub fn start_with_data(data: Option<PathBuf>) -> Self {
        let dist = std::env::var_os("QUOTEMARK_DIST")
            .map(PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"));
        assert!(
            dist.join("quotemark.js").exists(),
            "{} has no quotemark.js: build it first (./quotemark build)",
            dist.display()
        );
        let pages = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
        let origin = format!("http://{}", listener.local_addr().expect("local address"));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (dist, pages, data) = (dist.clone(), pages.clone(), data.clone());
                std::thread::spawn(move || serve_one(stream, &dist, &pages, data.as_deref()));
            }
        });
        Self { origin }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.origin, path)
    }
}

fn serve_one(mut stream: TcpStream, dist: &Path, pages: &Path, data: Option<&Path>) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    // Drain the headers; requests here have no bodies.
    let mut line = String::new();
    while reader.read_line(&mut line).map(|n| n > 2).unwrap_or(false) {
        line.clear();
    }
    let target = request_line.split_whitespace().nth(1).unwrap_or("/");
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // `?policy=header`: serve a page's Content Security Policy as a response header instead of
    // its `<meta>` tag, to prove the policy works either way with one page.
    let policy_as_header = target.contains("policy=header");
    // `/quotemark/` is `dist/` too: where the README's examples load the module from.
    let (root, rest) = match (
        path.strip_prefix("/pages/"),
        path.strip_prefix("/data/"),
        data,
    ) {
        (Some(rest), _, _) => (pages, rest),
        (_, Some(rest), Some(data)) => (data, rest),
        _ => (
            dist,
            path.strip_prefix("/quotemark/")
                .unwrap_or(path)
                .trim_start_matches('/'),
        ),
    };
    let rest = if rest.is_empty() { "index.html" } else { rest };
    let relative = Path::new(rest);
    let safe = relative
        .components()
        .all(|component| matches!(component, Component::Normal(_)));
    let file = root.join(relative);
    let body = if safe {
        std::fs::read(&file).ok()
    } else {
        None
    };
    let (body, csp) = match body {
        Some(body) if policy_as_header => {
            let (page, policy) = policy_moved_to_header(&String::from_utf8_lossy(&body));
            (Some(page.into_bytes()), policy)
        }
        other => (other, None),
    };
    let response = match body {
        Some(body) => {
            let mut head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
                mime_type(&file),
                body.len()
            );
            if let Some(csp) = csp {
                head.push_str(&format!("Content-Security-Policy: {csp}\r\n"));
            }
            // The benchmark page may sample itself with the JS Self-Profiling API.
            if file.file_name().is_some_and(|name| name == "bench.html") {
                head.push_str("Document-Policy: js-profiling\r\n");
            }
            head.push_str("\r\n");
            let mut bytes = head.into_bytes();
            bytes.extend_from_slice(&body);
            bytes
        }
        None => {
            b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".to_vec()
        }
    };
    let _ = stream.write_all(&response);
    let _ = stream.flush();
    let _ = stream.read(&mut [0; 1]);
}

fn mime_type(file: &Path) -> &'static str {
    match file.extension().and_then(|ext| ext.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("md") => "text/markdown; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// The page without its `<meta http-equiv="Content-Security-Policy">` tag, and that policy.
fn policy_moved_to_header(page: &str) -> (String, Option<String>) {
    let Some(start) = page.find("<meta http-equiv=\"Content-Security-Policy\"") else {
        return (page.to_owned(), None);
    };
    let Some(length) = page[start..].find("/>").map(|end| end + 2) else {
        return (page.to_owned(), None);
    };
    let tag = &page[start..start + length];
    let policy = tag
        .split("content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(str::to_owned);
    (
        format!("{}{}", &page[..start], &page[start + length..]),
        policy,
    )
}

/// A chromedriver child process, killed on drop.
pub struct ChromeDriver {
    child: Child,
    pub url: String,
}

impl ChromeDriver {
    pub fn start() -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("find a free port")
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("start {binary}: {error} (run ./quotemark setup)"));
        // chromedriver takes a moment to listen; poll its port, bounded.
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One test's browser: its own chromedriver, Chromium profile and static server.
pub struct Browser {
    pub client: Client,
    pub server: StaticServer,
    _driver: ChromeDriver,
    _profile: TempDir,
}

impl Browser {
    pub async fn start() -> Self {
        Self::start_with(&[], None).await
    }

    /// Like [`Browser::start`], with extra Chromium switches (e.g. the benchmark's
    /// `--enable-precise-memory-info`) and, if given, a folder served at `/data/`.
    pub async fn start_with(extra_args: &[&str], data: Option<PathBuf>) -> Self {
        let driver = ChromeDriver::start();
        let profile = TempDir::new();
        let mut args: Vec<String> = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1280,900",
        ]
        .iter()
        .chain(extra_args)
        .map(|arg| arg.to_string())
        .collect();
        args.push(format!("--user-data-dir={}", profile.path.display()));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROME_BINARY").unwrap_or_else(|_| "/usr/bin/chromium".into()),
                "args": args,
            }
        });
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("open a WebDriver session in headless Chromium");
        Self {
            client,
            server: StaticServer::start_with_data(data),
            _driver: driver,
            _profile: profile,
        }
    }

    pub async fn goto(&self, path: &str) {
        self.client
            .goto(&self.server.url(path))
            .await
            .expect("navigate");
    }

    /// Runs `script` (a function body; `arguments` as in WebDriver) and returns its value.
    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.client
            .execute(script, args)
            .await
            .unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    /// Runs `script` as the body of an async function (so it may `await`, e.g. the handle's
    /// `rendered()`), and returns what it returns; an error it throws comes back as
    /// `{ "thrown": message }`, for tests about refusals.
    pub async fn js_async(&self, script: &str) -> Value {
        self.client
            .execute_async(
                &format!(
                    "const done = arguments[arguments.length - 1];
                     (async () => {{ {script} }})()
                       .then(done, (error) => done({{ thrown: String(error && error.message) }}));"
                ),
                vec![],
            )
            .await
            .unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    /// Waits until `script` returns a truthy value, re-checking after each animation frame, and
    /// returns that value. Fails with `what` after a generous bound.
    pub async fn wait_for(&self, what: &str, script: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let value = self
                .client
                .execute_async(
                    &format!(
                        "const done = arguments[arguments.length - 1];
                         requestAnimationFrame(() => {{
                           try {{ done((() => {{ {script} }})() ?? null); }}
                           catch (error) {{ done(null); }}
                         }});"
                    ),
                    vec![],
                )
                .await
                .expect("run a wait script");
            let truthy = match &value {
                Value::Null => false,
                Value::Bool(flag) => *flag,
                Value::String(text) => !text.is_empty(),
                Value::Number(number) => number.as_f64() != Some(0.0),
                _ => true,
            };
            if truthy {
                return value;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
        }
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// A temporary directory removed on drop (Chromium's profile).
pub struct TempDir {
    pub path: PathBuf,
}

impl TempDir {
    fn new() -> Self {
        use std::sync::atomic::{AtomicU32, Ordering};
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let path = std::env::temp_dir().join(format!(
            "quotemark-e2e-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&path).expect("create a profile directory");
        Self { path }
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}

/// JavaScript that finds the first widget's shadow root (`root`) for the scripts below.
pub const WIDGET: &str =
    "const root = document.querySelector('[data-quotemark-host]')?.shadowRoot;";
