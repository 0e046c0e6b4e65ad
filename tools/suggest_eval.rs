//! Runs the quote and speaker suggestions over every `*.txt` article in a folder and writes
//! one `NN-slug.pred.json` per article in the format `tools/attribution/score.py` reads:
//! `{"quotes": [{"start_cp": 120, "end_cp": 164, "speaker": "…"}]}`. Reads only the texts,
//! never the gold files. Native only.
//!
//! `cargo run --release --bin quotemark-suggest-eval -- ARTICLES_DIR OUT_DIR`

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use quotemark::core::suggest::suggest;
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: quotemark-suggest-eval ARTICLES_DIR OUT_DIR");
        return ExitCode::from(2);
    };
    let verbose = args.iter().any(|a| a == "--verbose");
    let mut files: Vec<std::path::PathBuf> = match std::fs::read_dir(input) {
        Ok(dir) => dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("cannot read {input}: {e}");
            return ExitCode::FAILURE;
        }
    };
    files.sort();
    if let Err(e) = std::fs::create_dir_all(output) {
        eprintln!("cannot create {output}: {e}");
        return ExitCode::FAILURE;
    }
    for path in files {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("cannot read {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        };
        let suggestions = suggest(&text, &[]);
        let quotes: Vec<serde_json::Value> = suggestions
            .iter()
            .map(|s| serde_json::json!({ "start_cp": s.start, "end_cp": s.end, "speaker": s.speaker }))
            .collect();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if verbose {
            println!("== {stem}");
            for s in &suggestions {
                let short: String = s.exact.chars().take(50).collect();
                println!(
                    "  {:>5} {:>5} {:<52} -> {:?} [{} {:.2}] {}",
                    s.start,
                    s.end,
                    format!("{short:?}"),
                    s.speaker,
                    s.rule,
                    s.confidence,
                    s.reason
                );
            }
        }
        let out = std::path::Path::new(output).join(format!("{stem}.pred.json"));
        let body = serde_json::json!({ "quotes": quotes }).to_string();
        if let Err(e) = std::fs::write(&out, body) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}

#[cfg(target_arch = "wasm32")]
fn main() {}
