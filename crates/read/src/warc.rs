//! WARC archives (plain or gzip, one member per record or one for all): the HTML
//! pages of `response` and `resource` records become articles.
//!
//! Records are read by their `Content-Length`; a truncated record is an error for
//! that record and ends the archive (nothing after it can be framed), while the
//! records before it are kept. HTTP responses are unwrapped (status line,
//! headers, chunked transfer coding, gzip/deflate content coding); pages that are
//! not HTML, requests, metadata and revisit records are skipped.

use std::io::Read;

use brief_core::Article;

use crate::{read_document, Format, ReadError, MAX_INPUT_BYTES};

/// Largest archive decompressed in memory.
const MAX_ARCHIVE_BYTES: u64 = 1 << 30;

/// True when the bytes start like a WARC file (plain or gzip-compressed).
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    bytes.starts_with(b"WARC/")
        || (bytes.starts_with(&[0x1f, 0x8b]) && gunzip_head(bytes).starts_with(b"WARC/"))
}

fn gunzip_head(bytes: &[u8]) -> Vec<u8> {
    let mut head = Vec::new();
    let _ = flate2::read::MultiGzDecoder::new(bytes)
        .take(16)
        .read_to_end(&mut head);
    head
}

/// Every HTML page in the archive, each read on its own.
pub fn read_warc(origin: &str, bytes: &[u8]) -> Vec<Result<Article, ReadError>> {
    let err = |reason: String| ReadError::Warc {
        origin: origin.to_string(),
        reason,
    };
    let data: Vec<u8>;
    let mut rest: &[u8] = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        let read = flate2::read::MultiGzDecoder::new(bytes)
            .take(MAX_ARCHIVE_BYTES)
            .read_to_end(&mut out);
        if let Err(e) = read {
            // Keep what decompressed: the records before the damage are whole.
            if out.is_empty() {
                return vec![Err(err(format!("cannot decompress: {e}")))];
            }
        }
        data = out;
        &data
    } else {
        bytes
    };
    let mut out = Vec::new();
    let mut number = 0usize;
    loop {
        while let Some(b) = rest.first() {
            if b.is_ascii_whitespace() {
                rest = &rest[1..];
            } else {
                break;
            }
        }
        if rest.is_empty() {
            break;
        }
        number += 1;
        let name = format!("{origin}#{number}");
        if !rest.starts_with(b"WARC/") {
            out.push(Err(ReadError::Warc {
                origin: name,
                reason: "no WARC record header".into(),
            }));
            break;
        }
        let Some(head_end) = memchr::memmem::find(rest, b"\r\n\r\n") else {
            out.push(Err(ReadError::Warc {
                origin: name,
                reason: "truncated record header".into(),
            }));
            break;
        };
        let headers = String::from_utf8_lossy(&rest[..head_end]).into_owned();
        let field = |key: &str| header(&headers, key);
        let Some(length) = field("content-length").and_then(|v| v.parse::<usize>().ok()) else {
            out.push(Err(ReadError::Warc {
                origin: name,
                reason: "record without Content-Length".into(),
            }));
            break;
        };
        let body_start = head_end + 4;
        if rest.len() - body_start < length {
            out.push(Err(ReadError::Warc {
                origin: name,
                reason: format!(
                    "truncated record ({} of {length} bytes)",
                    rest.len() - body_start
                ),
            }));
            break;
        }
        let block = &rest[body_start..body_start + length];
        rest = &rest[body_start + length..];
        let kind = field("warc-type").unwrap_or_default().to_ascii_lowercase();
        let uri = field("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let name = uri.clone().unwrap_or(name);
        let page = match kind.as_str() {
            "response" if field("content-type").is_some_and(|t| t.contains("application/http")) => {
                match http_body(block) {
                    Ok(Some(page)) => page,
                    Ok(None) => continue,
                    Err(reason) => {
                        out.push(Err(ReadError::Warc {
                            origin: name,
                            reason,
                        }));
                        continue;
                    }
                }
            }
            "resource" if field("content-type").is_some_and(|t| t.contains("html")) => {
                block.to_vec()
            }
            _ => continue,
        };
        if page.len() > MAX_INPUT_BYTES {
            out.push(Err(ReadError::TooLarge {
                origin: name,
                bytes: page.len(),
                limit: MAX_INPUT_BYTES,
            }));
            continue;
        }
        out.push(read_document(&name, &page, Format::Html).map(|mut a| {
            a.url = a.url.or(uri);
            a
        }));
    }
    out
}

fn header(headers: &str, key: &str) -> Option<String> {
    headers.lines().skip(1).find_map(|line| {
        let (k, v) = line.split_once(':')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().to_string())
    })
}

/// The decoded body of an HTTP response that holds HTML; `None` for other content.
fn http_body(block: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let Some(head_end) = memchr::memmem::find(block, b"\r\n\r\n") else {
        return Err("HTTP response without a header end".into());
    };
    let headers = String::from_utf8_lossy(&block[..head_end]).into_owned();
    let status_ok = headers
        .lines()
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .is_some_and(|code| code.starts_with('2'));
    let html = header(&headers, "content-type").is_none_or(|t| t.contains("html"));
    if !status_ok || !html {
        return Ok(None);
    }
    let mut body = block[head_end + 4..].to_vec();
    if header(&headers, "transfer-encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        body = dechunk(&body)?;
    }
    match header(&headers, "content-encoding").map(|e| e.to_ascii_lowercase()) {
        Some(e) if e.contains("gzip") => {
            let mut out = Vec::new();
            flate2::read::MultiGzDecoder::new(&body[..])
                .take(MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("cannot decompress the page: {e}"))?;
            body = out;
        }
        Some(e) if e.contains("deflate") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(&body[..])
                .take(MAX_INPUT_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .map_err(|e| format!("cannot decompress the page: {e}"))?;
            body = out;
        }
        _ => {}
    }
    Ok(Some(body))
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = memchr::memmem::find(body, b"\r\n") else {
            return Err("truncated chunked body".into());
        };
        let size_text = String::from_utf8_lossy(&body[..line_end]);
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {size_text:?}"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if body.len() < size {
            return Err("truncated chunk".into());
        }
        out.extend_from_slice(&body[..size]);
        body = body[size..].strip_prefix(b"\r\n").unwrap_or(&body[size..]);
    }
}
