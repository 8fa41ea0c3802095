//! Forms that carry one file (a logo, a voice prompt): read with a size limit.

/// A multipart form with one file: its CSRF token, the file (cut short when larger than
/// allowed), and which other fields were present.
pub struct Upload {
    pub csrf: String,
    pub file: Option<Vec<u8>>,
    pub too_large: bool,
    fields: std::collections::HashSet<String>,
}

impl Upload {
    /// Whether the form carried a field of this name (e.g. a "remove" button).
    pub fn has(&self, name: &str) -> bool {
        self.fields.contains(name)
    }
}

/// Reads a multipart form whose file field is `file_field`, keeping at most `max` bytes.
pub async fn read_upload(
    mut multipart: axum::extract::Multipart,
    file_field: &str,
    max: usize,
) -> Result<Upload, crate::Error> {
    let bad = |e: axum::extract::multipart::MultipartError| crate::Error::BadRequest {
        code: "bad-upload",
        detail: e.to_string(),
    };
    let mut up = Upload {
        csrf: String::new(),
        file: None,
        too_large: false,
        fields: Default::default(),
    };
    while let Some(mut field) = multipart.next_field().await.map_err(bad)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "csrf" {
            up.csrf = field.text().await.unwrap_or_default();
        } else if name == file_field {
            let mut buf = Vec::new();
            while let Some(chunk) = field.chunk().await.map_err(bad)? {
                if buf.len() + chunk.len() > max {
                    up.too_large = true;
                    break;
                }
                buf.extend_from_slice(&chunk);
            }
            if !buf.is_empty() || up.too_large {
                up.file = Some(buf);
            }
            if up.too_large {
                break;
            }
        } else {
            up.fields.insert(name);
        }
    }
    Ok(up)
}
